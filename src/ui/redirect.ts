// Redirect mode (mobile with m_redirect_url): a top-level form POST to the
// service, which runs the checkout and sends the browser to m_redirect_url with
// the result in the query. A POST keeps buyer details out of URLs and history.
// Nothing is left listening: if the navigation is cancelled, the page is as before.
import { CHECKOUT_REDIRECT_PATH, type RequestMessage } from '../protocol';

export function submitRedirect(service: string, payload: RequestMessage['payload']): void {
  const doc = document;
  // A form holding only a hidden field renders nothing, and it is gone right after submit().
  const form = Object.assign(doc.createElement('form'), { method: 'POST', action: service + CHECKOUT_REDIRECT_PATH, acceptCharset: 'UTF-8' });
  form.appendChild(Object.assign(doc.createElement('input'), { type: 'hidden', name: 'request', value: JSON.stringify(payload) }));
  doc.documentElement.appendChild(form);
  // submit() captures the form data at once, so the form can go straight away;
  // and it goes even when submit() throws (a page that blocks navigation).
  try {
    form.submit();
  } finally {
    form.remove();
  }
}
