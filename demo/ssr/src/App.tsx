// One component, rendered twice: to HTML in Node (render.tsx) and hydrated in
// the browser (client.tsx). It imports IMP at module top level, which is safe
// on the server: the package touches no window or document at import, and
// its methods only store settings or, for request_pay, answer NO_BROWSER.
import IMP, { VERSION, type RequestPayResponse } from 'imp-checkout';
import { useEffect, useState } from 'react';

export interface AppProps {
  serviceUrl: string;
  merchantCode: string;
  /** What IMP.request_pay answered when the server called it (no browser there). */
  serverAnswer: string;
}

export function App({ serviceUrl, merchantCode, serverAnswer }: AppProps) {
  const [hydrated, setHydrated] = useState(false);
  const [result, setResult] = useState<RequestPayResponse | null>(null);

  useEffect(() => {
    // Runs in the browser only, after hydration.
    IMP.configure({ serviceUrl });
    IMP.init(merchantCode);
    setHydrated(true);
  }, [serviceUrl, merchantCode]);

  async function pay() {
    const response = await IMP.request_pay({
      pg: 'html5_inicis',
      pay_method: 'card',
      merchant_uid: `ssr-${Date.now()}`,
      name: '서버 렌더링 주문',
      amount: 7_700,
      buyer_tel: '010-1234-5678',
    });
    setResult(response);
  }

  return (
    <main data-hydrated={hydrated ? 'yes' : 'no'}>
      <h1>imp-checkout · server-rendered React</h1>
      <p>
        This HTML was rendered by Node with <code>react-dom/server</code>; the component imports{' '}
        <code>imp-checkout</code> {VERSION} at its top level. On the server <code>IMP.request_pay</code> answered{' '}
        <code data-testid="server-answer">{serverAnswer}</code>, as it must where there is no browser.
      </p>
      <button type="button" data-testid="pay" disabled={!hydrated} onClick={pay}>
        {hydrated ? '7,700원 결제하기' : '불러오는 중…'}
      </button>
      {result && (
        <p data-testid="result" data-status={result.success ? 'paid' : 'failed'}>
          {result.success ? `결제 완료: ${result.imp_uid}` : `결제되지 않았습니다: ${result.error_code} ${result.error_msg}`}
        </p>
      )}
    </main>
  );
}
