// Stops the page behind the overlay from scrolling, and puts <html> and
// <body> back exactly as they were.
//
// Only through CSSOM (el.style), never by writing the style attribute: a
// strict Content-Security-Policy (style-src without 'unsafe-inline') blocks
// setAttribute('style', …) and reports a violation, but lets el.style through.
//
// Putting back: overflow and its longhands are cleared, then get their
// previous values and priorities again (the shorthand first; jsdom keeps it as
// a property of its own, browsers expand it). Then, only if the page's inline style is otherwise what it
// was (nothing else changed it meanwhile):
// - no style attribute before: it is removed. Chromium writes a CSSOM change
//   into the attribute lazily, when the attribute is next read; removed before
//   that, it comes back as style="" at the next read. Reading it first
//   flushes that write, so the removal sticks.
// - an attribute whose declarations were in effect: if the browser now
//   serialises it differently ("color:#222" reads back as
//   "color: rgb(34, 34, 34);"), its original text is written back. The page's
//   own policy allowed exactly that text to apply, so this never violates it.
//   (An attribute the policy had blocked has no declarations in effect and is
//   not rewritten: writing it would be a violation of ours.)

const OVERFLOW = ['overflow', 'overflow-x', 'overflow-y'];

/** One inline declaration as [name, value, priority]. */
const declaration = (style: CSSStyleDeclaration, name: string): string[] => [name, style.getPropertyValue(name), style.getPropertyPriority(name)];

/** The inline declarations, order-free: "name:value:priority" sorted. */
const declarations = (style: CSSStyleDeclaration): string =>
  Array.from(style, (name) => declaration(style, name).join(':'))
    .sort()
    .join(';');

function lock(el: HTMLElement): () => void {
  const style = el.style;
  const text = el.getAttribute('style');
  const before = declarations(style);
  const saved = OVERFLOW.map((name) => declaration(style, name));
  style.setProperty('overflow', 'hidden', 'important');
  return () => {
    for (const name of OVERFLOW) style.removeProperty(name);
    for (const [name, value, priority] of saved) if (value) style.setProperty(name!, value, priority);
    // Also flushes Chromium's pending attribute write (see above).
    if (el.getAttribute('style') === text || declarations(style) !== before) return;
    if (text === null) el.removeAttribute('style');
    else if (before) el.setAttribute('style', text);
  };
}

export function lockScroll(doc: Document): () => void {
  const restores = [doc.documentElement, doc.body].map((el) => (el ? lock(el) : () => {}));
  return () => restores.forEach((restore) => restore());
}
