// The checkout window's start: find out how it was opened (URL), get the
// request (from the merchant page's message, or from the redirect session),
// then run the payment or certification window and deliver its one ending.
import { isChannelId } from '../../../../src/protocol';
import { getJson, type Ending, type RedirectSession } from './api';
import { runCertificationWindow } from './certification-window';
import { linkToMerchant } from './messaging';
import { runPaymentWindow } from './payment-window';
import { startRun, type Mode, type Run } from './run';
import { renderOutcome, renderProblem } from './screens';
import { languageOf, type Lang } from './strings';

function begin(run: Run, root: HTMLElement, action: string, params: Record<string, unknown>, origin: string | null): void {
  document.documentElement.lang = run.lang;
  const runWindow = action === 'certification' ? runCertificationWindow : runPaymentWindow;
  runWindow(run, root, params, origin).catch((error: unknown) => {
    // A bug in this page: say so rather than leave a spinner.
    renderProblem(root, '결제창 오류 · Checkout error', String(error));
  });
}

function startMessaged(root: HTMLElement, mode: 'iframe' | 'popup', channel: string): void {
  const link = linkToMerchant(mode, channel);
  if (!link) {
    renderProblem(
      root,
      '가맹점 페이지에서 열어주세요 · Open from the shop',
      'This window is opened by IMP.request_pay / IMP.certification on a merchant page; it has no page to answer to.',
    );
    return;
  }
  void link.request.then(({ payload, origin }) => {
    const lang: Lang = languageOf(payload.params);
    const run = startRun({
      mode,
      lang,
      deliver: (ending: Ending) => {
        link.postResult(ending.sdk_response);
        // The merchant's SDK closes this window now; if it cannot (its page is gone), say what happened.
        renderOutcome(root, run.t, ending.sdk_response, mode === 'popup');
      },
    });
    begin(run, root, payload.action, payload.params, origin);
  });
}

async function startRedirected(root: HTMLElement, session: string): Promise<void> {
  const answer = await getJson<RedirectSession>(`/checkout/api/redirect-sessions/${encodeURIComponent(session)}`).catch(() => null);
  const stored = answer && answer.code === 0 ? answer.response : null;
  if (!stored) {
    renderProblem(
      root,
      '결제 세션이 만료되었습니다 · Checkout session expired',
      '상점으로 돌아가 다시 결제해주세요. Go back to the shop and start the payment again.',
    );
    return;
  }
  const run = startRun({
    mode: 'redirect',
    lang: languageOf(stored.params),
    deliver: (ending: Ending) => {
      // replace(): the checkout page must not stay in history, or "back" would land on a finished checkout.
      if (ending.redirect_url) location.replace(ending.redirect_url);
      else renderOutcome(root, run.t, ending.sdk_response, false);
    },
  });
  begin(run, root, stored.action, stored.params, stored.origin);
}

export function startCheckoutPage(): void {
  const root = document.getElementById('checkout');
  if (!root) return;
  const query = new URLSearchParams(location.search);
  const mode = query.get('mode') as Mode | null;
  const channel = query.get('channel');
  if ((mode === 'iframe' || mode === 'popup') && isChannelId(channel)) startMessaged(root, mode, channel);
  else if (mode === 'redirect' && query.get('session')) void startRedirected(root, query.get('session')!);
  else renderProblem(root, '결제창을 열 수 없습니다 · Cannot open', 'The checkout URL is incomplete.');
}
