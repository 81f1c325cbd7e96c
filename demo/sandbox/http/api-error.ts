// The one error type the sandbox throws on purpose. The error handler
// (http/error-handler.ts) turns it into the V1 envelope {code, message, response}.

export class ApiError extends Error {
  constructor(
    /** HTTP status: 200 for V1 business refusals, 4xx for client errors. */
    readonly statusCode: number,
    /** V1 envelope code: never 0 here. -1 for protocol errors, 1 for refusals (docs/errors.md). */
    readonly code: number,
    message: string,
    readonly response: unknown = null,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** V1 "business failure": HTTP 200 with a non-zero code (e.g. cancelling an unknown payment). */
export const refused = (message: string, response: unknown = null) => new ApiError(200, 1, message, response);
export const badRequest = (message: string) => new ApiError(400, -1, message);
export const notFound = (message: string) => new ApiError(404, 1, message);
export const conflict = (message: string) => new ApiError(409, 1, message);
export const forbidden = (message: string) => new ApiError(403, -1, message);
