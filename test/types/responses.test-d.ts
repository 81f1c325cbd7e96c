// The answers: the fields every response carries, the payment and
// certification fields, and what reading them requires.
import type {
  BillingKeyResponse,
  CertificationResponse,
  CertificationResponseCallback,
  Currency,
  ImpResponse,
  PaymentMethod,
  PaymentStatus,
  Pg,
  RequestPayResponse,
  RequestPayResponseCallback,
  ResponseCallback,
} from 'imp-checkout';
import { describe, expectTypeOf, test } from 'vitest';

describe('responses', () => {
  test('every answer has both flags, imp_uid and merchant_uid (null when absent), and the error fields', () => {
    expectTypeOf<ImpResponse['success']>().toEqualTypeOf<boolean>();
    expectTypeOf<ImpResponse['imp_success']>().toEqualTypeOf<boolean>();
    expectTypeOf<ImpResponse['imp_uid']>().toEqualTypeOf<string | null>();
    expectTypeOf<ImpResponse['merchant_uid']>().toEqualTypeOf<string | null>();
    expectTypeOf<ImpResponse['error_code']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ImpResponse['error_msg']>().toEqualTypeOf<string | undefined>();
    // Fields a later service adds are readable, as unknown.
    expectTypeOf<ImpResponse['some_new_field']>().toEqualTypeOf<unknown>();
  });

  test('the payment response: V1 field types', () => {
    expectTypeOf<RequestPayResponse>().toExtend<ImpResponse>();
    expectTypeOf<RequestPayResponse['paid_amount']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RequestPayResponse['status']>().toEqualTypeOf<PaymentStatus | undefined>();
    expectTypeOf<PaymentStatus>().toEqualTypeOf<'ready' | 'paid' | 'failed' | 'cancelled'>();
    expectTypeOf<RequestPayResponse['pay_method']>().toEqualTypeOf<PaymentMethod | undefined>();
    expectTypeOf<RequestPayResponse['pg_provider']>().toEqualTypeOf<Pg | undefined>();
    expectTypeOf<RequestPayResponse['currency']>().toEqualTypeOf<Currency | undefined>();
    expectTypeOf<RequestPayResponse['paid_at']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RequestPayResponse['vbank_date']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RequestPayResponse['card_number']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<RequestPayResponse['customer_uid']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RequestPayResponse<{ id: number }>['custom_data']>().toEqualTypeOf<{ id: number } | undefined>();
    expectTypeOf<BillingKeyResponse>().toEqualTypeOf<RequestPayResponse>();
  });

  test('the certification response', () => {
    expectTypeOf<CertificationResponse>().toExtend<ImpResponse>();
    expectTypeOf<CertificationResponse['pg_type']>().toEqualTypeOf<'certification' | undefined>();
  });

  test('callbacks take the response and may return anything (async included)', () => {
    expectTypeOf<RequestPayResponseCallback>().parameters.toEqualTypeOf<[response: RequestPayResponse]>();
    expectTypeOf<CertificationResponseCallback>().parameters.toEqualTypeOf<[response: CertificationResponse]>();
    expectTypeOf<ResponseCallback>().parameters.toEqualTypeOf<[response: ImpResponse]>();
    const asyncOne: RequestPayResponseCallback = async (rsp) => {
      await Promise.resolve(rsp.imp_uid);
    };
    void asyncOne;
  });

  test('reading needs the checks V1 semantics need', () => {
    const read = (rsp: RequestPayResponse) => {
      // @ts-expect-error imp_uid is null when nothing was created
      const id: string = rsp.imp_uid;
      // @ts-expect-error paid_amount is absent on failure
      const amount: number = rsp.paid_amount;
      if (rsp.success && rsp.imp_uid !== null && rsp.paid_amount !== undefined) {
        expectTypeOf(rsp.imp_uid).toEqualTypeOf<string>();
        expectTypeOf(rsp.paid_amount).toEqualTypeOf<number>();
      }
      return [id, amount];
    };
    void read;
  });
});
