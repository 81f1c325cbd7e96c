// request_pay and certification params: V1's required fields, its code values
// as open string-literal unions, and the mistakes the types catch.
import IMP, {
  type BillingKeyParams,
  type CardCode,
  type CertificationParams,
  type Currency,
  type KnownPaymentMethod,
  type KnownPg,
  type Language,
  type PaymentMethod,
  type PaymentParams,
  type Pg,
  type RequestPayNaverParams,
  type RequestPayParams,
} from 'imp-checkout';
import { describe, expectTypeOf, test } from 'vitest';

describe('RequestPayParams', () => {
  test('amount (a number) and merchant_uid (a string) are required, as V1 documents them; the rest is optional', () => {
    const minimal: RequestPayParams = { merchant_uid: 'order-1', amount: 1000 };
    expectTypeOf(minimal.amount).toEqualTypeOf<number>();
    expectTypeOf(minimal.merchant_uid).toEqualTypeOf<string>();
    // "" asks the SDK to generate one (V1's nobody_<ms>).
    void IMP.request_pay({ merchant_uid: '', amount: 0, customer_uid: 'c-1' });

    // @ts-expect-error amount is required
    void IMP.request_pay({ merchant_uid: 'order-1' });
    // @ts-expect-error merchant_uid is required (pass '' to have one generated)
    void IMP.request_pay({ amount: 1000 });
    // @ts-expect-error amount is a number, not a string (V1: "must be a number")
    void IMP.request_pay({ merchant_uid: 'order-1', amount: '1000' });
    // @ts-expect-error merchant_uid is a string
    void IMP.request_pay({ merchant_uid: 20240501, amount: 1000 });
  });

  test('a misspelled key is caught (buyer_emial), a listed one is not', () => {
    void IMP.request_pay({ merchant_uid: 'o', amount: 1, buyer_email: 'a@b.c' });
    // @ts-expect-error buyer_emial is not a V1 param
    void IMP.request_pay({ merchant_uid: 'o', amount: 1, buyer_emial: 'a@b.c' });
    // An extra key of the merchant's own: extend the interface (unknown keys still pass through at run time).
    interface WithCompany extends RequestPayParams {
      company: string;
    }
    const extended: WithCompany = { merchant_uid: 'o', amount: 1, company: 'shop' };
    void IMP.request_pay(extended);
  });

  test('pg: the known providers, "provider.MID", and any other string', () => {
    const known: Pg[] = ['html5_inicis', 'kakaopay', 'tosspayments', 'kcp_billing', 'naverpay', 'payco'];
    const withMid: Pg = 'html5_inicis.INIpayTest';
    const future: Pg = 'some_new_pg';
    void [known, withMid, future];
    // The union keeps its literals (editors suggest them) instead of collapsing to string.
    expectTypeOf<Pg>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<Pg, 'html5_inicis'>>().toEqualTypeOf<'html5_inicis'>();
    expectTypeOf<'html5_inicis' | 'kakaopay' | 'danal'>().toExtend<KnownPg>();
    expectTypeOf<RequestPayParams['pg']>().toEqualTypeOf<Pg | undefined>();
    // @ts-expect-error pg is a string
    void IMP.request_pay({ merchant_uid: 'o', amount: 1, pg: 1 });
  });

  test('pay_method: the known methods and any other string', () => {
    const known: PaymentMethod[] = ['card', 'trans', 'vbank', 'phone', 'kakaopay', 'naverpay', 'applepay'];
    const future: PaymentMethod = 'some_new_method';
    void [known, future];
    expectTypeOf<PaymentMethod>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<PaymentMethod, 'vbank'>>().toEqualTypeOf<'vbank'>();
    expectTypeOf<'card' | 'trans' | 'vbank' | 'phone'>().toExtend<KnownPaymentMethod>();
    // @ts-expect-error pay_method is a string
    void IMP.request_pay({ merchant_uid: 'o', amount: 1, pay_method: ['card'] });
  });

  test('currency, language and card codes are open unions too', () => {
    const currencies: Currency[] = ['KRW', 'USD', 'EUR', 'JPY', 'GBP', 'VND'];
    const languages: Language[] = ['ko', 'en', 'zh', 'jp'];
    const cards: CardCode[] = ['361', '367', 'VIS'];
    void [currencies, languages, cards];
    expectTypeOf<Extract<Currency, 'KRW'>>().toEqualTypeOf<'KRW'>();
  });

  test('nested options are typed', () => {
    void IMP.request_pay({
      merchant_uid: 'o',
      amount: 60000,
      display: { card_quota: [2, 3] },
      card: { direct: { code: '367', quota: 3 }, detail: [{ card_code: '*', enabled: false }, { card_code: '366', enabled: true, max_month: 3 }] },
      period: { from: '20250101', to: '20251231' },
      bypass: { acceptmethod: 'noeasypay' },
      notice_url: ['https://shop.example/hook'],
      vat_amount: null,
    });
    // @ts-expect-error card_quota lists months as numbers
    void IMP.request_pay({ merchant_uid: 'o', amount: 1, display: { card_quota: ['3'] } });
    // @ts-expect-error direct needs the quota too
    void IMP.request_pay({ merchant_uid: 'o', amount: 1, card: { direct: { code: '367' } } });
  });

  test('billing keys and Naver Pay have their own shapes', () => {
    const billing: BillingKeyParams = { merchant_uid: 'o', amount: 0, customer_uid: 'buyer-1' };
    void IMP.request_pay(billing);
    // @ts-expect-error a billing-key request names the key
    const noKey: BillingKeyParams = { merchant_uid: 'o', amount: 0 };
    const naver: RequestPayNaverParams = {
      merchant_uid: 'o',
      amount: 1000,
      pg: 'naverpay',
      naverUseCfm: '20301231',
      naverPopupMode: false,
      naverProducts: [{ categoryType: 'PRODUCT', categoryId: 'GENERAL', uid: 'p-1', name: '상품', count: 1 }],
    };
    void IMP.request_pay(naver);
    // @ts-expect-error categoryType is one of Naver's categories
    const wrongCategory: RequestPayNaverParams = { ...naver, naverProducts: [{ ...naver.naverProducts[0]!, categoryType: 'SHOES' }] };
    void [noKey, wrongCategory];
  });

  test('PaymentParams is the earlier name of RequestPayParams', () => {
    expectTypeOf<PaymentParams>().toEqualTypeOf<RequestPayParams>();
  });
});

describe('CertificationParams', () => {
  test('merchant_uid required; the Danal prefill fields; the carrier codes V1 uses', () => {
    const params: CertificationParams = { merchant_uid: 'c-1', pg: 'danal', min_age: 19, name: '홍길동', phone: '01012345678', carrier: 'SKT', company: 'shop' };
    void IMP.certification(params);
    // @ts-expect-error merchant_uid is required
    void IMP.certification({ min_age: 19 });
    // @ts-expect-error V1 spells KT "KTF"
    void IMP.certification({ merchant_uid: 'c-1', carrier: 'KT' });
    // @ts-expect-error a certification has no amount
    void IMP.certification({ merchant_uid: 'c-1', amount: 1000 });
  });
});
