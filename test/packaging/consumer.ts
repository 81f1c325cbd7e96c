// Type-level checks of the SHIPPED types (dist/index.d.ts), compiled by tsc as a
// consumer would import the package (by name, through the exports map).
// Checked by package.test.ts; never run.
import IMP, * as named from 'imp-checkout';
import { ImpError, configure, request_pay, type Imp, type ImpResponse, type PaymentParams, type SdkErrorCode } from 'imp-checkout';
import { expectTypeOf } from 'vitest';

expectTypeOf(IMP.request_pay).returns.toEqualTypeOf<Promise<ImpResponse>>();
expectTypeOf(request_pay).toEqualTypeOf(IMP.request_pay);
// Every named export has the type of the IMP method of the same name.
expectTypeOf(named.IMP).toEqualTypeOf<Imp>();
expectTypeOf(named.init).toEqualTypeOf<Imp['init']>();
expectTypeOf(named.agency).toEqualTypeOf<Imp['agency']>();
expectTypeOf(named.configure).toEqualTypeOf<Imp['configure']>();
expectTypeOf(named.certification).toEqualTypeOf<Imp['certification']>();
expectTypeOf(named.close).toEqualTypeOf<Imp['close']>();
expectTypeOf(named.deinit).toEqualTypeOf<Imp['deinit']>();
expectTypeOf(named.communicate).toEqualTypeOf<Imp['communicate']>();
expectTypeOf(named.naver_zzim).toEqualTypeOf<Imp['naver_zzim']>();
expectTypeOf(named.loadUI).toEqualTypeOf<Imp['loadUI']>();
expectTypeOf(named.updateLoadUIRequest).toEqualTypeOf<Imp['updateLoadUIRequest']>();
expectTypeOf(named.loadModule).toEqualTypeOf<Imp['loadModule']>();
expectTypeOf<ImpResponse['success']>().toEqualTypeOf<boolean>();
expectTypeOf<ImpResponse['imp_uid']>().toEqualTypeOf<string | null>();
expectTypeOf<ImpError['code']>().toEqualTypeOf<SdkErrorCode>();
expectTypeOf(configure).parameter(0).toEqualTypeOf<{ serviceUrl?: string; readyTimeoutMs?: number }>();

// The sloppy forms merchants really write type-check.
const sloppy: PaymentParams = { amount: '1000', merchant_uid: 20240501, buyer_emial: 'typo', custom_data: { a: 1 } };
void IMP.request_pay(sloppy, (rsp) => {
  if (rsp.success) void rsp.imp_uid;
});
void IMP.request_pay({ amount: 1000 }, async () => {});
void IMP.certification({ merchant_uid: 'c1', popup: true });

// The script-tag global is typed too.
window.IMP?.init('imp12345678');

// @ts-expect-error amount is required
void IMP.request_pay({ merchant_uid: 'o1' });
// @ts-expect-error init takes the merchant code
IMP.init();
