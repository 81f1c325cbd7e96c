// The few jsdom APIs the packaging test uses. jsdom ships no types and this
// repo does not depend on @types/jsdom; delete this file if that ever changes.
declare module 'jsdom' {
  export class VirtualConsole {
    on(event: 'error', listener: (message: string) => void): this;
  }
  export function requestInterceptor(handler: (request: Request) => Response | undefined | Promise<Response | undefined>): unknown;
  export class JSDOM {
    constructor(
      html: string,
      options?: { url?: string; runScripts?: 'dangerously' | 'outside-only'; virtualConsole?: VirtualConsole; resources?: unknown },
    );
    readonly window: Window & typeof globalThis;
  }
}
