// Authentication of the V1 REST API (v1-contract §5.2): the access token
// from POST /users/getToken in `Authorization: Bearer <token>`, a raw
// `Authorization: <token>` (official examples do this), or the legacy
// `X-ImpTokenHeader: <token>`; Authorization wins when both are sent (the
// 2015 maintainers' decision). With `Tier: XXX` the caller acts as that
// sub-merchant of the token's merchant.
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { SandboxContext } from '../../context';
import { checkAccessToken } from '../../accounts/api-tokens';
import { ApiError } from '../../http/api-error';
import { TIER_CODE_PATTERN } from '../../merchants/tiers';
import type { PaymentScope } from '../../repositories/payments';

export interface RestCaller {
  merchantId: number;
  /** '' for the merchant itself, else the sub-merchant's tier code. */
  tierCode: string;
  scope: PaymentScope;
}

declare module 'fastify' {
  interface FastifyRequest {
    restCaller: RestCaller | null;
  }
}

const UNAUTHORIZED_HEADERS = { 'www-authenticate': 'Bearer realm="iamport"' };

const unauthorized = (message: string) => new ApiError(401, -1, message, null, UNAUTHORIZED_HEADERS);

const TOKEN_PROBLEMS = {
  unknown: 'Unauthorized: 유효하지 않은 access_token입니다. POST /users/getToken으로 발급받은 토큰을 보내주세요.',
  expired: 'Unauthorized: 만료된 access_token입니다. POST /users/getToken으로 다시 발급받으세요.',
  revoked: 'Unauthorized: API Secret이 재발급되어 이 access_token은 더 이상 사용할 수 없습니다. 새 Secret으로 다시 발급받으세요.',
} as const;

export function tokenFromHeaders(headers: FastifyRequest['headers']): string | null {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    const value = authorization.trim();
    const bearer = /^Bearer\s+(\S+)$/i.exec(value);
    return bearer ? bearer[1]! : value;
  }
  const legacy = headers['x-imptokenheader'];
  return typeof legacy === 'string' && legacy.trim() !== '' ? legacy.trim() : null;
}

/** Who is calling: the token's merchant and the Tier header's sub-merchant; throws the 401 / 403 to answer. */
export function authenticateRestCall(ctx: SandboxContext, headers: FastifyRequest['headers']): RestCaller {
  const token = tokenFromHeaders(headers);
  if (!token) {
    throw unauthorized(
      'Unauthorized: access_token이 없습니다. Authorization: Bearer <access_token> 헤더를 보내주세요 (X-ImpTokenHeader도 됩니다).',
    );
  }
  const check = checkAccessToken(ctx, token);
  if (!check.ok) throw unauthorized(TOKEN_PROBLEMS[check.reason]);

  let tierCode = '';
  const tierHeader = headers.tier;
  if (typeof tierHeader === 'string' && tierHeader.trim() !== '') {
    tierCode = tierHeader.trim().toUpperCase();
    // 403, not 401: the token is fine, but it does not speak for that sub-merchant.
    if (!TIER_CODE_PATTERN.test(tierCode)) {
      throw new ApiError(403, -1, `Tier 헤더는 영문 대문자·숫자 3자리 티어코드여야 합니다: ${tierHeader.slice(0, 20)}`);
    }
    if (!ctx.repos.tiers.find(check.merchantId, tierCode)) {
      throw new ApiError(403, -1, `등록되지 않은 하위가맹점(티어코드)입니다: ${tierCode}`);
    }
  }
  return { merchantId: check.merchantId, tierCode, scope: { merchantId: check.merchantId, tierCode } };
}

/**
 * onRequest hook for every REST route except getToken. Callback style, not
 * async: the check is synchronous (SQLite), and an async hook costs a
 * promise and a microtask on every authenticated call.
 */
export function restAuthentication(ctx: SandboxContext): onRequestHookHandler {
  return (request, _reply, done) => {
    try {
      request.restCaller = authenticateRestCall(ctx, request.headers);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  };
}

/** The caller of an authenticated REST route (set by restAuthentication). */
export function callerOf(request: FastifyRequest): RestCaller {
  if (!request.restCaller) throw new Error('REST route registered without restAuthentication');
  return request.restCaller;
}
