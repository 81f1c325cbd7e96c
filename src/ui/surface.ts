/** An open checkout window (iframe overlay or popup), as the flow sees it. */
export interface Surface {
  /** The window whose messages are trusted (a popup's `closed` tells the user closed it); null once an iframe is detached. */
  win(): Window | null;
  /** Remove / close it and put the page back as it was. Safe to call once per flow. */
  close(): void;
}
