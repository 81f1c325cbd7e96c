// Fast hashes for high-entropy values (API secrets, tokens, session ids).
//
// A slow KDF (scrypt, argon2) exists to make guessing low-entropy passwords
// expensive. API secrets, access tokens and session ids are 256+ random bits:
// nobody can guess them, so SHA-256 is enough and keeps getToken and every
// authenticated request fast. Passwords use scrypt (lib/passwords.ts).
import { createHmac, hash, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  // One-shot crypto.hash (Node 20.12+): no Hash object per call; strings are hashed as UTF-8.
  return hash('sha256', value, 'hex');
}

export function hmacSha256Hex(key: string | Buffer, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests (false on any length mismatch). */
export function hexDigestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
