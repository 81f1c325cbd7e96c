// JSON-schema pieces shared by the REST routes. Query values arrive as text
// and are coerced (Fastify's Ajv runs with coerceTypes: 'array').
import { PAYMENT_SORTINGS } from '../../repositories/payments';

export const PAYMENT_STATUSES = ['ready', 'paid', 'cancelled', 'failed'] as const;

export const sortingSchema = { type: 'string', enum: Object.keys(PAYMENT_SORTINGS), default: '-started' } as const;

export const pagingSchema = {
  page: { type: 'integer', minimum: 1, default: 1 },
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
} as const;

export const UNSUPPORTED_STATUS = '지원되지 않는 상태값입니다.';
