// A React page paying with imp-checkout, as a merchant's SPA would:
// configure and init once in an effect, request_pay straight from the click
// handler (no await before it, so a popup provider is not blocked), and the
// returned promise awaited for the result.
import IMP, { type RequestPayResponse } from 'imp-checkout';
import { useEffect, useState } from 'react';
import { nextStep } from './next-step';

interface Props {
  serviceUrl: string;
  merchantCode: string;
}

const PRODUCTS = [
  { id: 'notebook', name: '무지 노트', amount: 4_500 },
  { id: 'pen', name: '만년필', amount: 32_000 },
];

export function App({ serviceUrl, merchantCode }: Props) {
  const [ready, setReady] = useState(false);
  const [productId, setProductId] = useState(PRODUCTS[0]!.id);
  const [paying, setPaying] = useState(false);
  const [result, setResult] = useState<RequestPayResponse | null>(null);
  const product = PRODUCTS.find((p) => p.id === productId)!;

  useEffect(() => {
    // Safe to run twice (StrictMode does in development): both calls only store settings.
    IMP.configure({ serviceUrl });
    IMP.init(merchantCode);
    setReady(true);
  }, [serviceUrl, merchantCode]);

  async function pay() {
    setPaying(true);
    setResult(null);
    const response = await IMP.request_pay({
      pg: 'html5_inicis',
      pay_method: 'card',
      merchant_uid: `react-${Date.now()}`,
      name: product.name,
      amount: product.amount,
      buyer_name: '홍길동',
      buyer_tel: '010-1234-5678',
      custom_data: { productId: product.id },
    });
    // Never trust this alone: a real shop now asks its server to verify
    // GET /payments/{imp_uid} (amount and status) before shipping anything.
    setResult(response);
    setPaying(false);
  }

  return (
    <main>
      <h1>imp-checkout · React</h1>
      <p className="lead">
        A Vite + React page. <code>import IMP from 'imp-checkout'</code>, checkout service <code>{serviceUrl}</code>.
      </p>
      <fieldset disabled={paying}>
        <legend>상품</legend>
        {PRODUCTS.map((p) => (
          <label key={p.id}>
            <input type="radio" name="product" value={p.id} checked={p.id === productId} onChange={() => setProductId(p.id)} />
            {p.name} · {p.amount.toLocaleString('ko-KR')}원
          </label>
        ))}
      </fieldset>
      <button type="button" data-testid="pay" disabled={!ready || paying} onClick={pay}>
        {paying ? '결제 중…' : `${product.amount.toLocaleString('ko-KR')}원 결제하기`}
      </button>
      {result && <Result response={result} />}
    </main>
  );
}

function Result({ response }: { response: RequestPayResponse }) {
  if (response.success) {
    return (
      <section className="result ok" data-testid="result" data-status="paid">
        <h2>결제 완료</h2>
        <p>
          <code data-testid="imp-uid">{response.imp_uid}</code> · {response.paid_amount?.toLocaleString('ko-KR')}원 · {response.card_number}
        </p>
        <p className="next">Verify it on your server: GET /payments/{response.imp_uid} with your REST API token.</p>
      </section>
    );
  }
  return (
    <section className="result failed" data-testid="result" data-status="failed">
      <h2>결제되지 않았습니다</h2>
      <p>
        <code data-testid="error-code">{response.error_code}</code> {response.error_msg}
      </p>
      <p className="next">{nextStep(response.error_code)}</p>
    </section>
  );
}
