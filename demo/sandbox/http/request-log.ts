// One log line per request, written when the answer has gone out:
//   {"level":30,…,"reqId":"req-1k","msg":"GET /payments/imp_123456789012 200 0.4 ms"}
// Fastify's default is two lines at info, "incoming request" and "request
// completed", each with the request or reply serialised and redacted: at
// info (what `npm run sandbox` runs at) they cost the sandbox 35-45 µs of
// CPU a request, more than half of what a getToken or a payment lookup
// cost without them (npm run bench -- service; README "Performance").
// The line keeps what a developer watching the sandbox looks for: method,
// URL (bearer ids masked, log-redaction.ts), status and time. The incoming
// line, with host and client address, is still there at debug and trace;
// failed answers keep Fastify's own "request errored" line.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { redactUrl } from './log-redaction';

export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (request.log.isLevelEnabled('debug')) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    if (!reply.log.isLevelEnabled('info')) return;
    reply.log.info(`${request.method} ${redactUrl(request.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)} ms`);
  }
}
