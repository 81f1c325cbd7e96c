// What can go wrong when the shop's server talks to the V1 REST API. The
// `kind` is what the shop acts on (and tells the developer about); `message`
// keeps the service's own words from the V1 envelope.

export type IamportErrorKind =
  /** No answer at all: the service is not running, or the URL is wrong. */
  | 'unreachable'
  /** POST /users/getToken refused the REST API key or secret (401). */
  | 'bad_credentials'
  /** A 401 even with a freshly issued token. */
  | 'unauthorized'
  /** 403: the `Tier` header names no sub-merchant of this merchant. */
  | 'forbidden'
  /** 404: no such payment / prepared amount. */
  | 'not_found'
  /** HTTP 200 with `code !== 0`: V1's "business failure" (e.g. prepare with another amount). */
  | 'refused'
  /** Anything else: 4xx/5xx, or a body that is not the V1 envelope. */
  | 'protocol';

export class IamportApiError extends Error {
  override readonly name = 'IamportApiError';

  constructor(
    readonly kind: IamportErrorKind,
    message: string,
    /** "GET /payments/imp_…" — which call failed. */
    readonly call: string,
    readonly httpStatus: number | null = null,
    /** The envelope's `code`, when there was one. */
    readonly code: number | null = null,
  ) {
    super(message);
  }
}
