// POST /users/getToken — JSON or form body {imp_key, imp_secret}. Failed
// attempts are limited per client IP and per imp_key (http/attempt-limits.ts).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { issueAccessToken } from '../../accounts/api-tokens';
import { ApiError } from '../../http/api-error';
import type { FailureGuard } from '../../http/attempt-limits';
import { ok } from '../../http/envelope';

interface Body {
  imp_key: string;
  imp_secret: string;
}

export function getTokenRoute(app: FastifyInstance, ctx: SandboxContext, guard: FailureGuard): void {
  app.post<{ Body: Body }>(
    '/users/getToken',
    {
      schema: {
        body: {
          type: 'object',
          required: ['imp_key', 'imp_secret'],
          properties: { imp_key: { type: 'string', maxLength: 200 }, imp_secret: { type: 'string', maxLength: 200 } },
        },
      },
    },
    // Synchronous, like the check (SQLite and hashing): no promise and
    // microtask on the route merchant servers call before every API call.
    // A throw still reaches the error handler.
    (request) => {
      const { imp_key: apiKey, imp_secret: apiSecret } = request.body;
      const token = guard.attemptSync(request, apiKey, () => {
        const issued = issueAccessToken(ctx, apiKey, apiSecret);
        if (!issued) throw new ApiError(401, -1, 'imp_key, imp_secret 인증에 실패하였습니다. REST API 키와 시크릿을 확인하세요.');
        return issued;
      });
      return ok(token);
    },
  );
}
