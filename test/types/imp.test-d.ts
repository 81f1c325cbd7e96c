// The IMP object and its methods, as the package's default export, its named
// exports and window.IMP. Checked by tsc through vitest's typecheck project.
import IMP, * as named from 'imp-checkout';
import {
  ImpError,
  configure,
  request_pay,
  type CertificationResponse,
  type Iamport,
  type Imp,
  type ImpResponse,
  type RequestPayResponse,
  type SdkErrorCode,
} from 'imp-checkout';
import { describe, expectTypeOf, test } from 'vitest';

const params = { merchant_uid: 'order-1', amount: 1000 };

describe('the IMP object', () => {
  test('the default export is the IMP object, and is also its type (as the default import of iamport-typings was)', () => {
    expectTypeOf(IMP).toEqualTypeOf<Imp>();
    const typed: IMP = IMP; // IMP in a type position
    expectTypeOf(typed).toEqualTypeOf<Imp>();
    expectTypeOf<IMP>().toEqualTypeOf<Iamport>();
  });

  test('every named export has the type of the IMP method of the same name', () => {
    expectTypeOf(named.IMP).toEqualTypeOf<Imp>();
    expectTypeOf(named.init).toEqualTypeOf<Imp['init']>();
    expectTypeOf(named.agency).toEqualTypeOf<Imp['agency']>();
    expectTypeOf(named.configure).toEqualTypeOf<Imp['configure']>();
    expectTypeOf(named.request_pay).toEqualTypeOf<Imp['request_pay']>();
    expectTypeOf(named.certification).toEqualTypeOf<Imp['certification']>();
    expectTypeOf(named.close).toEqualTypeOf<Imp['close']>();
    expectTypeOf(named.deinit).toEqualTypeOf<Imp['deinit']>();
    expectTypeOf(named.communicate).toEqualTypeOf<Imp['communicate']>();
    expectTypeOf(named.naver_zzim).toEqualTypeOf<Imp['naver_zzim']>();
    expectTypeOf(named.loadUI).toEqualTypeOf<Imp['loadUI']>();
    expectTypeOf(named.updateLoadUIRequest).toEqualTypeOf<Imp['updateLoadUIRequest']>();
    expectTypeOf(named.loadModule).toEqualTypeOf<Imp['loadModule']>();
    expectTypeOf(named.VERSION).toEqualTypeOf<string>();
  });

  test('window.IMP is declared for script-tag pages, possibly undefined until the script ran', () => {
    expectTypeOf(window.IMP).toEqualTypeOf<Imp | undefined>();
    window.IMP?.init('imp12345678');
    const { IMP: fromWindow } = window;
    if (fromWindow) expectTypeOf(fromWindow.request_pay).toEqualTypeOf<Imp['request_pay']>();
    // @ts-expect-error window.IMP may be missing (the script tag has not run): check it first
    window.IMP.init('imp12345678');
  });

  test('request_pay: a promise of the payment response, the callback getting the same type', () => {
    expectTypeOf(IMP.request_pay(params)).toEqualTypeOf<Promise<RequestPayResponse>>();
    expectTypeOf(request_pay).toEqualTypeOf(IMP.request_pay);
    void IMP.request_pay(params, (rsp) => {
      expectTypeOf(rsp).toEqualTypeOf<RequestPayResponse>();
    });
    // Callbacks may be async; their return value is ignored.
    void IMP.request_pay(params, async (rsp) => {
      await Promise.resolve(rsp.imp_uid);
    });
    // A callback written for any answer fits too.
    const anyAnswer = (rsp: ImpResponse): void => void rsp.error_code;
    void IMP.request_pay(params, anyAnswer);
    void IMP.certification({ merchant_uid: 'c1' }, anyAnswer);
  });

  test('custom_data comes back with the type it was given', async () => {
    const rsp = await IMP.request_pay({ ...params, custom_data: { orderId: 7, coupon: 'SPRING' } });
    expectTypeOf(rsp.custom_data).toEqualTypeOf<{ orderId: number; coupon: string } | undefined>();
    void IMP.request_pay({ ...params, custom_data: ['a', 'b'] }, (r) => {
      expectTypeOf(r.custom_data).toEqualTypeOf<string[] | undefined>();
    });
    // Without custom_data it is unknown.
    expectTypeOf((await IMP.request_pay(params)).custom_data).toEqualTypeOf<unknown>();
  });

  test('certification: a promise of the certification response', () => {
    expectTypeOf(IMP.certification({ merchant_uid: 'c1', popup: true })).toEqualTypeOf<Promise<CertificationResponse>>();
    void IMP.certification({ merchant_uid: 'c1' }, (rsp) => {
      expectTypeOf(rsp).toEqualTypeOf<CertificationResponse>();
    });
  });

  test('the other methods', () => {
    expectTypeOf(IMP.init).parameters.toEqualTypeOf<[merchantCode: string]>();
    expectTypeOf(IMP.agency).parameters.toEqualTypeOf<[merchantCode: string, tierCode: string]>();
    expectTypeOf(configure).parameter(0).toEqualTypeOf<{ serviceUrl?: string; readyTimeoutMs?: number }>();
    expectTypeOf(IMP.close).returns.toEqualTypeOf<void>();
    expectTypeOf(IMP.loadUI('paypal-spb')).toEqualTypeOf<Promise<ImpResponse>>();
    expectTypeOf(IMP.loadModule('toss-brandpay')).toEqualTypeOf<Promise<never>>();
    expectTypeOf<ImpError['code']>().toEqualTypeOf<SdkErrorCode>();
    expectTypeOf<ImpError>().toExtend<Error>();
  });

  test('misuse does not compile', () => {
    // @ts-expect-error init takes the merchant code
    IMP.init();
    // @ts-expect-error a merchant code is a string
    IMP.init(12345678);
    // @ts-expect-error agency needs the tier code too
    IMP.agency('imp12345678');
    // @ts-expect-error request_pay needs its params
    void IMP.request_pay();
    // @ts-expect-error serviceUrl is a string
    IMP.configure({ serviceUrl: new URL('https://pay.example.com') });
    // @ts-expect-error an option configure does not have
    IMP.configure({ service: 'https://pay.example.com' });
    // @ts-expect-error the callback gets one response, not an error-first pair
    void IMP.request_pay(params, (error: Error, rsp: RequestPayResponse) => void [error, rsp]);
  });
});
