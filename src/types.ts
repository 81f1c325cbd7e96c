// The public types, one barrel for src/ and for src/index.ts. Each area has
// its own file under types/; nothing here exists at run time. snake_case
// because these are the V1 shapes merchants already write against.
export type * from './types/codes';
export type * from './types/naver';
export type * from './types/payment';
export type * from './types/response';
export type * from './types/certification';
export type * from './types/imp';

/** Earlier name of RequestPayParams; the same type. */
export type { RequestPayParams as PaymentParams } from './types/payment';
