// What the sandbox's log must never hold: secrets, passwords, tokens and
// session ids (issue 6; test/sandbox/secrets-at-rest.test.ts captures the log
// of a full scenario at trace level and looks for every one of them).
//
// Headers and bodies are redacted by path. Request URLs are logged for every
// request, and one bearer secret travels in URLs by design: the redirect-mode
// session id (GET /checkout/api/redirect-sessions/:id and the checkout page's
// ?session=), so URLs are logged with those parts masked.
import type { FastifyRequest } from 'fastify';

export const CENSOR = '[redacted]';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-imptokenheader"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.imp_secret',
  '*.password',
  '*.api_secret',
  '*.checkout_token',
  '*.access_token',
];

const SECRET_PATH_SEGMENT = /(\/redirect-sessions\/)[^/?#]+/g;
const SECRET_QUERY_VALUE = /([?&](?:session|token|access_token|checkout_token|imp_secret|api_secret)=)[^&#]*/gi;

/** The URL with bearer ids replaced by the censor mark. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH_SEGMENT, `$1${CENSOR}`).replace(SECRET_QUERY_VALUE, `$1${CENSOR}`);
}

/** Fastify's request log serializer, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
