// Allowed origins (허용 도메인, beyond V1): GET / POST / DELETE
// /console/api/origins. An empty list allows every origin (`enforced: false`).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { addAllowedOrigin, allowedOriginsOf, MAX_ALLOWED_ORIGINS, removeAllowedOrigin } from '../../merchants/allowed-origins';
import { merchantOf } from './session';

const view = (origins: string[]) => ({ origins, enforced: origins.length > 0, max: MAX_ALLOWED_ORIGINS });

export function originRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/console/api/origins', async (request) => view(allowedOriginsOf(merchantOf(request))));

  app.post<{ Body: { origin: string } }>(
    '/console/api/origins',
    { schema: { body: { type: 'object', required: ['origin'], properties: { origin: { type: 'string', minLength: 1, maxLength: 300 } } } } },
    async (request) => view(addAllowedOrigin(ctx, merchantOf(request).id, request.body.origin)),
  );

  // The origin URL-encoded in the path: DELETE /console/api/origins/https%3A%2F%2Fshop.example
  app.delete<{ Params: { origin: string } }>('/console/api/origins/:origin', async (request) =>
    view(removeAllowedOrigin(ctx, merchantOf(request).id, request.params.origin)),
  );
}
