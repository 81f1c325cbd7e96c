// Origin control, beyond V1 (issue 6): a merchant may list the origins
// (scheme://host[:port]) allowed to open its checkout. An empty list allows
// every origin, as V1 and the sandbox always did. Stored as a JSON array in
// merchants.allowed_origins, normalised (URL.origin: lower-case host, default
// port dropped) so that comparing with a browser's event.origin / Origin
// header is an exact string match.
import type { SandboxContext } from '../context';
import { badRequest, notFound } from '../http/api-error';
import type { MerchantRow } from '../repositories/merchants';
import { writeTransaction } from '../db/transactions';

export const MAX_ALLOWED_ORIGINS = 20;

/** The origin `input` names, normalised, or a reason why it is not an origin. */
export function parseOrigin(input: string): { origin: string } | { problem: string } {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not a URL: write scheme://host[:port], e.g. https://shop.example' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'the scheme must be http or https' };
  if (url.username || url.password) return { problem: 'an origin has no user name or password' };
  // "https://shop.example/" is accepted as the origin; any other path, a query or a hash is not.
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text) || !/^[a-z]+:\/\/[^/]+\/?$/i.test(text)) {
    return { problem: 'an origin is scheme://host[:port] only, without a path, query or hash' };
  }
  // No wildcards or other odd characters: a host name (ASCII, punycode) or an IP literal.
  if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return { problem: 'the host must be a plain host name or IP address (no wildcards)' };
  return { origin: url.origin };
}

export function allowedOriginsOf(merchant: Pick<MerchantRow, 'allowed_origins'>): string[] {
  try {
    const list: unknown = JSON.parse(merchant.allowed_origins);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Empty list: every origin. Otherwise only listed ones; an unknown origin (null) is then refused. */
export function isOriginAllowed(merchant: Pick<MerchantRow, 'allowed_origins'>, origin: string | null): boolean {
  const list = allowedOriginsOf(merchant);
  return list.length === 0 || (origin !== null && list.includes(origin));
}

function update(ctx: SandboxContext, merchantId: number, change: (list: string[]) => string[]): string[] {
  return writeTransaction(ctx.db, () => {
    const merchant = ctx.repos.merchants.findById(merchantId);
    if (!merchant) throw notFound('No such merchant');
    const list = change(allowedOriginsOf(merchant));
    ctx.repos.merchants.setAllowedOrigins(merchantId, JSON.stringify(list));
    return list;
  });
}

/** Adds an origin (a second add of the same origin changes nothing). Returns the new list. */
export function addAllowedOrigin(ctx: SandboxContext, merchantId: number, input: string): string[] {
  const parsed = parseOrigin(input);
  if ('problem' in parsed) throw badRequest(`origin ${JSON.stringify(input.slice(0, 100))}: ${parsed.problem}`);
  return update(ctx, merchantId, (list) => {
    if (list.includes(parsed.origin)) return list;
    if (list.length >= MAX_ALLOWED_ORIGINS) throw badRequest(`At most ${MAX_ALLOWED_ORIGINS} origins can be listed`);
    return [...list, parsed.origin];
  });
}

export function removeAllowedOrigin(ctx: SandboxContext, merchantId: number, input: string): string[] {
  const parsed = parseOrigin(input);
  const origin = 'origin' in parsed ? parsed.origin : input;
  return update(ctx, merchantId, (list) => {
    if (!list.includes(origin)) throw notFound(`${origin.slice(0, 100)} is not in the list`);
    return list.filter((item) => item !== origin);
  });
}
