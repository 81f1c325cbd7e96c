// Calls to the console JSON API (same origin; the session cookie rides along).
// Success answers are bare objects; errors are {code, message, response}.
import { readStrings } from './strings';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

export async function api<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    // No answer at all (the sandbox was stopped, say): "Failed to fetch" would not say what to do.
    return { ok: false, status: 0, message: readStrings().t('network_error') };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  const message = (payload as { message?: unknown } | null)?.message;
  return { ok: false, status: response.status, message: typeof message === 'string' ? message : `HTTP ${response.status}` };
}
