// Webhook settings and the delivery log: GET/PUT /console/api/webhook.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { badRequest } from '../../http/api-error';
import { unixSeconds } from '../../lib/clock';
import { isHttpUrl } from '../../lib/urls';
import type { WebhookDeliveryRow } from '../../repositories/webhook-deliveries';
import { merchantOf } from './session';

const seconds = (ms: number | null) => (ms === null ? null : unixSeconds(ms));

const deliveryView = (row: WebhookDeliveryRow) => ({
  id: row.id,
  imp_uid: row.imp_uid,
  status: row.event_status,
  url: row.url,
  attempts: row.attempts,
  last_status: row.last_status,
  last_error: row.last_error,
  state: row.delivered_at_ms !== null ? 'delivered' : row.gave_up_at_ms !== null ? 'failed' : 'pending',
  delivered_at: seconds(row.delivered_at_ms),
  next_attempt_at: row.delivered_at_ms === null && row.gave_up_at_ms === null ? seconds(row.next_attempt_at_ms) : null,
  created_at: seconds(row.created_at_ms),
});

export function webhookRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/console/api/webhook', async (request) => {
    const merchant = merchantOf(request);
    return {
      url: merchant.webhook_url,
      content_type: merchant.webhook_content_type,
      deliveries: ctx.repos.webhookDeliveries.recent(merchant.id, 50).map(deliveryView),
    };
  });

  app.put<{ Body: { url?: string | null; content_type?: 'json' | 'form' } }>(
    '/console/api/webhook',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            url: { type: ['string', 'null'], maxLength: 2000 },
            content_type: { type: 'string', enum: ['json', 'form'] },
          },
        },
      },
    },
    async (request) => {
      const merchant = merchantOf(request);
      const url = request.body.url?.trim() || null;
      if (url !== null && !isHttpUrl(url)) throw badRequest('url must be an absolute http(s) URL, or empty to turn webhooks off');
      const contentType = request.body.content_type ?? merchant.webhook_content_type;
      ctx.repos.merchants.setWebhook(merchant.id, url, contentType);
      return { url, content_type: contentType };
    },
  );
}
