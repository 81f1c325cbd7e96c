// GET / DELETE /certifications/{imp_uid} (v1-contract §5.6). Only finished
// (certified) verifications are visible; others are 404 like unknown ones.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { notFound } from '../../http/api-error';
import { ok } from '../../http/envelope';
import { toV1Certification } from '../../payments/view';
import { callerOf } from './authenticate';

const NOT_FOUND_CERTIFICATION = '존재하지 않는 본인인증 정보입니다.';

export function certificationRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const find = (merchantId: number, tierCode: string, impUid: string) => {
    const row = ctx.repos.certifications.findOwned(merchantId, tierCode, impUid);
    if (!row || row.status !== 'certified') throw notFound(NOT_FOUND_CERTIFICATION);
    return row;
  };

  app.get<{ Params: { imp_uid: string } }>('/certifications/:imp_uid', async (request) => {
    const { merchantId, tierCode } = callerOf(request);
    return ok(toV1Certification(find(merchantId, tierCode, request.params.imp_uid)));
  });

  // V1 purges the record and answers with what was deleted.
  app.delete<{ Params: { imp_uid: string } }>('/certifications/:imp_uid', async (request) => {
    const { merchantId, tierCode } = callerOf(request);
    const row = find(merchantId, tierCode, request.params.imp_uid);
    ctx.repos.certifications.remove(row.id);
    return ok(toV1Certification(row));
  });
}
