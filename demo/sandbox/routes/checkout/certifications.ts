// Certification checkouts: open, approve with a test identity, cancel.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { CARRIERS, TEST_IDENTITY } from '../../checkout/certification-identity';
import {
  abandonCertification,
  approveCertification,
  openCertification,
  type CertificationOutcome,
} from '../../checkout/certification';
import { findProvider } from '../../catalog/pg-providers';
import { ok } from '../../http/envelope';
import { openedFor, outcomeAnswer } from './answers';
import { openingOf } from './opening';
import { openBodySchema, tokenOnlySchema, type OpenBody } from './schemas';

interface IdentityBody {
  checkout_token: string;
  name?: string | null;
  phone?: string | null;
  birthday?: string | null;
  gender?: string | null;
  carrier?: string | null;
  foreigner?: boolean | null;
}

const text = (max: number) => ({ type: ['string', 'null'], maxLength: max });

const answerOutcome = (outcome: CertificationOutcome) => outcomeAnswer(outcome.certification, outcome);

export function checkoutCertificationRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Body: OpenBody }>('/checkout/api/certifications', { schema: { body: openBodySchema } }, async (request) => {
    const opened = openCertification(ctx, request.body.params, openingOf(request, request.body));
    const { certification } = opened;
    return ok({
      imp_uid: certification.imp_uid,
      ...openedFor(opened),
      certification: {
        merchant_uid: certification.merchant_uid,
        pg_provider: certification.pg_provider,
        pg_id: certification.pg_id,
        pg_label: findProvider(certification.pg_provider, 'certification')?.label ?? certification.pg_provider,
        company: opened.company,
        min_age: certification.min_age,
        m_redirect_url: certification.m_redirect_url,
      },
      prefill: opened.prefill,
      test_identity: TEST_IDENTITY,
      carriers: CARRIERS,
    });
  });

  app.post<{ Params: { imp_uid: string }; Body: IdentityBody }>(
    '/checkout/api/certifications/:imp_uid/approve',
    {
      schema: {
        body: {
          type: 'object',
          required: ['checkout_token'],
          properties: {
            ...tokenOnlySchema.properties,
            name: text(50),
            phone: text(20),
            birthday: text(10),
            gender: text(10),
            carrier: text(10),
            foreigner: { type: ['boolean', 'null'] },
          },
        },
      },
    },
    async (request) => {
      const { checkout_token: token, ...identity } = request.body;
      return answerOutcome(approveCertification(ctx, request.params.imp_uid, token, identity));
    },
  );

  app.post<{ Params: { imp_uid: string }; Body: { checkout_token: string } }>(
    '/checkout/api/certifications/:imp_uid/cancel',
    { schema: { body: tokenOnlySchema } },
    async (request) => answerOutcome(abandonCertification(ctx, request.params.imp_uid, request.body.checkout_token)),
  );
}
