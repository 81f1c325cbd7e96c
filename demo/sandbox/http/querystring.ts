// Query strings as V1 clients write them: `imp_uid[]=a&imp_uid[]=b` (PHP
// style, what the V1 docs show) and repeated keys both become arrays under
// the bare name. Used for query strings and form bodies alike.
import { parse } from 'node:querystring';

export function parseQuery(text: string): Record<string, string | string[]> {
  // Most REST calls have no query string (the router still asks).
  if (text === '') return Object.create(null) as Record<string, string | string[]>;
  const parsed = parse(text);
  // No prototype: a key like "__proto__" or "constructor" stays an ordinary key.
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const rawKey of Object.keys(parsed)) {
    const value = parsed[rawKey];
    if (value === undefined) continue;
    const isArrayKey = rawKey.endsWith('[]');
    const key = isArrayKey ? rawKey.slice(0, -2) : rawKey;
    const values = Array.isArray(value) ? value : [value];
    const existing = out[key];
    if (existing !== undefined) out[key] = [...(Array.isArray(existing) ? existing : [existing]), ...values];
    else out[key] = isArrayKey || values.length > 1 ? values : values[0]!;
  }
  return out;
}
