// The response object the merchant's callback receives (DESIGN "What a
// response looks like"). The service builds it for every way a checkout can
// end, and the checkout page forwards it unchanged: `success` and
// `imp_success` always present, failures with error_code / error_msg.
import type { PaymentRow } from '../repositories/payments';
import type { CertificationRow } from '../repositories/certifications';

export interface SdkResponse {
  success: boolean;
  imp_success: boolean;
  imp_uid: string | null;
  merchant_uid: string | null;
  error_code?: string;
  error_msg?: string;
  [field: string]: unknown;
}

export function failureResponse(impUid: string | null, merchantUid: string | null, errorCode: string, errorMsg: string): SdkResponse {
  return { success: false, imp_success: false, imp_uid: impUid, merchant_uid: merchantUid, error_code: errorCode, error_msg: errorMsg };
}

/** True once a payment's checkout has ended (paid, failed, cancelled, or a vbank account issued). */
export function checkoutEnded(row: PaymentRow): boolean {
  return row.status !== 'ready' || row.vbank_issued_at > 0;
}

/** The SDK response for a payment whose checkout has ended. */
export function paymentSdkResponse(row: PaymentRow): SdkResponse {
  if (row.status === 'failed') {
    return failureResponse(row.imp_uid, row.merchant_uid, row.fail_code ?? 'F2000', row.fail_reason ?? '결제에 실패하였습니다.');
  }
  const response: SdkResponse = {
    success: true,
    imp_success: true,
    imp_uid: row.imp_uid,
    merchant_uid: row.merchant_uid,
    pay_method: row.pay_method,
    paid_amount: row.amount,
    status: row.status,
    name: row.name,
    pg_provider: row.pg_provider,
    emb_pg_provider: row.emb_pg_provider,
    pg_tid: row.pg_tid,
    pg_type: 'payment',
    currency: row.currency,
    apply_num: row.apply_num,
    card_name: row.card_name,
    card_number: row.card_number,
    card_quota: row.card_quota,
    bank_name: row.bank_name,
    buyer_name: row.buyer_name,
    buyer_email: row.buyer_email,
    buyer_tel: row.buyer_tel,
    buyer_addr: row.buyer_addr,
    buyer_postcode: row.buyer_postcode,
    // A JSON string, as V1 stores it; the SDK puts back the merchant's original value.
    custom_data: row.custom_data,
    paid_at: row.paid_at,
    receipt_url: row.receipt_url,
  };
  if (row.pay_method === 'vbank') {
    Object.assign(response, {
      vbank_code: row.vbank_code,
      vbank_name: row.vbank_name,
      vbank_num: row.vbank_num,
      vbank_holder: row.vbank_holder,
      vbank_date: row.vbank_date,
    });
  }
  if (row.customer_uid) response.customer_uid = row.customer_uid;
  return response;
}

/** The SDK response for a certification whose checkout has ended. */
export function certificationSdkResponse(row: CertificationRow): SdkResponse {
  if (row.status !== 'certified') {
    return failureResponse(row.imp_uid, row.merchant_uid, row.fail_code ?? 'F0000', row.fail_reason ?? '');
  }
  return {
    success: true,
    imp_success: true,
    imp_uid: row.imp_uid,
    merchant_uid: row.merchant_uid,
    pg_provider: row.pg_provider,
    pg_type: 'certification',
  };
}
