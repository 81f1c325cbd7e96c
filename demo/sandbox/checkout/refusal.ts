// A checkout that cannot go on (unknown merchant, amount differs from the
// prepared one, ...). It carries the SDK failure response the checkout page
// forwards to the merchant, so every way a checkout ends gives the page the
// exact object to post (docs/checkout-api.md).
import { failureResponse, type SdkResponse } from './sdk-response';

export class CheckoutRefusal extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly merchantUid: string | null,
    readonly impUid: string | null = null,
    /** 200 (V1 business refusal) unless the request itself was unacceptable. */
    readonly statusCode = 200,
  ) {
    super(message);
    this.name = 'CheckoutRefusal';
  }

  sdkResponse(): SdkResponse {
    return failureResponse(this.impUid, this.merchantUid, this.errorCode, this.message);
  }
}
