// Compatibility with the community typings merchants used before
// (iamport-typings 1.4.0, a devDependency pinned for this test): every value
// its types allow, ours allow too, and every name and code it lists, we list.
// Its files are imported one by one: its index.d.ts would declare window.IMP
// a second time. test/packaging/types.test.ts compiles merchant code against both.
import type {
  CardCode,
  Currency,
  EscrowProduct,
  KnownPaymentMethod,
  KnownPg,
  Language,
  PaymentMethod,
  PayPalSupportedCurrency,
  Pg,
  RequestPayAdditionalParams,
  RequestPayAdditionalResponse,
  RequestPayParams,
  RequestPayResponse,
} from 'imp-checkout';
import type { CardCode as TheirCardCode } from 'iamport-typings/src/card/CardCode';
import type { PaymentMethod as TheirPaymentMethod } from 'iamport-typings/src/PaymentMethod';
import type { Pg as TheirPg } from 'iamport-typings/src/Pg';
import type { PayPalSupportedCurrency as TheirPayPalCurrency } from 'iamport-typings/src/paypal/PayPalSupportedCurrency';
import type {
  Currency as TheirCurrency,
  EscrowProduct as TheirEscrowProduct,
  Language as TheirLanguage,
  RequestPayAdditionalParams as TheirAdditionalParams,
  RequestPayParams as TheirParams,
} from 'iamport-typings/src/RequestPayParams';
import type {
  RequestPayAdditionalResponse as TheirAdditionalResponse,
  RequestPayResponse as TheirResponse,
} from 'iamport-typings/src/RequestPayResponse';
import { describe, expectTypeOf, test } from 'vitest';

/** The declared keys of T, without its index signature. */
type DeclaredKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

describe('iamport-typings 1.4.0 → imp-checkout', () => {
  test('every params object its RequestPayParams accepts, ours accepts', () => {
    expectTypeOf<TheirParams>().toExtend<RequestPayParams>();
    expectTypeOf<TheirAdditionalParams>().toExtend<RequestPayAdditionalParams>();
    expectTypeOf<TheirEscrowProduct>().toExtend<EscrowProduct>();
  });

  test('its code unions are inside ours, and its pg and pay_method values are all among our suggestions', () => {
    expectTypeOf<TheirPg>().toExtend<KnownPg>();
    expectTypeOf<TheirPg>().toExtend<Pg>();
    expectTypeOf<TheirPaymentMethod>().toExtend<KnownPaymentMethod>();
    expectTypeOf<TheirPaymentMethod>().toExtend<PaymentMethod>();
    expectTypeOf<TheirCurrency>().toExtend<Currency>();
    expectTypeOf<TheirPayPalCurrency>().toEqualTypeOf<PayPalSupportedCurrency>();
    expectTypeOf<TheirLanguage>().toExtend<Language>();
    expectTypeOf<TheirCardCode>().toExtend<CardCode>();
  });

  test('every response field it declares, ours declares too', () => {
    expectTypeOf<keyof TheirResponse>().toExtend<DeclaredKeys<RequestPayResponse>>();
    expectTypeOf<keyof TheirAdditionalResponse>().toExtend<DeclaredKeys<RequestPayAdditionalResponse>>();
    // ...and every params field.
    expectTypeOf<keyof TheirParams>().toExtend<DeclaredKeys<RequestPayParams>>();
  });
});
