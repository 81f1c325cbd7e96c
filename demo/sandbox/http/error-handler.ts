// One place that turns every failure into the V1 envelope {code, message,
// response: null}: our ApiErrors, schema validation errors, malformed JSON,
// oversize bodies, unsupported media types, unknown routes, errors the router
// raises before any route runs (bad percent-encoding, over-long ids), HTTP
// the parser cannot read, and unexpected exceptions (500, logged, never a
// stack trace in the answer).
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { ApiError } from './api-error';
import { failure } from './envelope';

const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Malformed JSON: the request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Empty body: Content-Type is application/json but the body is empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE:
    'Unsupported Content-Type: send application/json or application/x-www-form-urlencoded',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Request body size does not match Content-Length',
};

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** "파라미터 누락: imp_key" or "잘못된 파라미터 (body.amount): must be number". */
export function validationMessage(context: string | undefined, issues: readonly ValidationIssue[]): string {
  const issue = issues[0];
  if (!issue) return 'Invalid request';
  if (issue.keyword === 'required') return `파라미터 누락: ${String(issue.params.missingProperty)}`;
  const path = `${context ?? 'request'}${issue.instancePath.replace(/\//g, '.')}`;
  return `잘못된 파라미터 (${path}): ${issue.message ?? 'invalid value'}`;
}

export interface ErrorAnswer {
  statusCode: number;
  code: number;
  message: string;
  response: unknown;
  headers: Readonly<Record<string, string>>;
}

/** Classifies any thrown value; unexpected ones become a logged 500. */
export function answerFor(error: unknown, request: FastifyRequest): ErrorAnswer {
  if (error instanceof ApiError) {
    return { statusCode: error.statusCode, code: error.code, message: error.message, response: error.response, headers: error.headers };
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: ValidationIssue[] };
  if (fastifyError.validation) {
    return { statusCode: 400, code: -1, message: validationMessage(fastifyError.validationContext, fastifyError.validation), response: null, headers: {} };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = (fastifyError.code && FRAMEWORK_MESSAGES[fastifyError.code]) || fastifyError.message || 'Bad request';
    return { statusCode: status, code: -1, message, response: null, headers: {} };
  }
  request.log.error({ err: error }, 'unexpected error');
  return { statusCode: 500, code: -1, message: 'Internal server error (the sandbox logged the details)', response: null, headers: {} };
}

export function sendError(reply: FastifyReply, answer: ErrorAnswer): FastifyReply {
  return reply
    .code(answer.statusCode)
    .headers(answer.headers)
    .type('application/json; charset=utf-8')
    .send(failure(answer.code, answer.message, answer.response));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(reply, answerFor(error, request)));
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, {
      statusCode: 404,
      code: -1,
      message: `No such endpoint: ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`,
      response: null,
      headers: {},
    }),
  );
}

/**
 * Fastify's `frameworkErrors`: failures of the router itself, before any
 * route or hook runs. Without it Fastify answers these in its own shape
 * ({error, code, message, statusCode}), not the envelope.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, reply) => {
  const answer = (statusCode: number, message: string): ErrorAnswer => ({ statusCode, code: -1, message, response: null, headers: {} });
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return sendError(reply, answer(400, 'Malformed URL: the path is not valid percent-encoded UTF-8'));
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendError(reply, answer(414, 'URI too long: a path parameter is longer than 100 characters'));
    default:
      return sendError(reply, answer(500, 'Internal server error (the sandbox logged the details)'));
  }
};

const CLIENT_ERROR_STATUS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * Fastify's `clientErrorHandler`: HTTP that Node's parser refuses (a broken
 * request line, bad header characters, oversize headers). No request object
 * exists yet, so the envelope is written on the socket by hand.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const [status, reason] = CLIENT_ERROR_STATUS[error.code ?? ''] ?? [400, 'Bad Request'];
  const body = JSON.stringify(failure(-1, status === 400 ? 'Malformed HTTP request' : reason));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
