// Redirect mode (mobile with m_redirect_url): a top-level form POST to the
// service, which runs the checkout and sends the browser to m_redirect_url with
// the result in the query. A POST keeps buyer details out of URLs and history.
// Nothing is left listening: if the navigation is cancelled, the page is as before.
import { CHECKOUT_REDIRECT_PATH, type RequestMessage } from '../protocol';

export function submitRedirect(service: string, payload: RequestMessage['payload']): void {
  const doc = document;
  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = service + CHECKOUT_REDIRECT_PATH;
  form.acceptCharset = 'UTF-8';
  form.style.display = 'none';
  const field = doc.createElement('input');
  field.type = 'hidden';
  field.name = 'request';
  field.value = JSON.stringify(payload);
  form.appendChild(field);
  (doc.body || doc.documentElement).appendChild(form);
  // submit() captures the form data at once, so the form can go straight away;
  // and it goes even when submit() throws (a page that blocks navigation).
  try {
    form.submit();
  } finally {
    form.remove();
  }
}
