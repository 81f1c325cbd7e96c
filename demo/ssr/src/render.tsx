// The server entry (built to build/demo/ssr/server/render.js): runs in Node,
// where there is no window.
import IMP from 'imp-checkout';
import { renderToString } from 'react-dom/server';
import { App, type AppProps } from './App';

export function render(props: AppProps): string {
  return renderToString(<App {...props} />);
}

/**
 * Calls IMP.request_pay on the server, as SSR code may by mistake: it must
 * answer (NO_BROWSER, through the promise) rather than throw or hang.
 */
export async function requestPayOnServer(): Promise<string> {
  const response = await IMP.request_pay({ merchant_uid: 'ssr-probe', amount: 0 });
  return response.error_code ?? 'no error';
}
