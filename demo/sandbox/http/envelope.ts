// The V1 response envelope: every REST answer is {code, message, response};
// code 0 is success (v1-contract §5.1).
export interface Envelope<T> {
  code: number;
  message: string | null;
  response: T | null;
}

export function ok<T>(response: T): Envelope<T> {
  return { code: 0, message: null, response };
}

export function failure(code: number, message: string, response: unknown = null): Envelope<unknown> {
  return { code, message, response };
}
