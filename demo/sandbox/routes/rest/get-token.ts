// POST /users/getToken — JSON or form body {imp_key, imp_secret}.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { issueAccessToken } from '../../accounts/api-tokens';
import { ApiError } from '../../http/api-error';
import { ok } from '../../http/envelope';

interface Body {
  imp_key: string;
  imp_secret: string;
}

export function getTokenRoute(app: FastifyInstance, ctx: SandboxContext): void {
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
    async (request) => {
      const token = issueAccessToken(ctx, request.body.imp_key, request.body.imp_secret);
      if (!token) throw new ApiError(401, -1, 'imp_key, imp_secret 인증에 실패하였습니다. REST API 키와 시크릿을 확인하세요.');
      return ok(token);
    },
  );
}
