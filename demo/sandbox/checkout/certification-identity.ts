// The identity a buyer "proves" in the test certification window, and the
// CI / DI values V1 returns for it (unique_key = CI: the same person → the
// same value everywhere; unique_in_site = DI: the same person → the same
// value per merchant). Real CI/DI come from the resident number; here they
// are HMACs of the test identity, deterministic so tests can compare them.
import { createHmac } from 'node:crypto';

export interface Identity {
  name: string;
  phone: string;
  birthday: string;
  gender: 'male' | 'female';
  carrier: string;
  foreigner: boolean;
}

export const TEST_IDENTITY: Identity = {
  name: '홍길동',
  phone: '01012345678',
  birthday: '1990-01-01',
  gender: 'male',
  carrier: 'SKT',
  foreigner: false,
};

export const CARRIERS = ['SKT', 'KT', 'LGT', 'SKT_MVNO', 'KT_MVNO', 'LGT_MVNO'] as const;

export function uniqueKey(identity: Identity): string {
  return createHmac('sha512', 'imp-checkout sandbox CI v1')
    .update(`${identity.name}|${identity.birthday}|${identity.gender}|${identity.foreigner}`)
    .digest('base64');
}

export function uniqueInSite(ci: string, merchantCode: string, tierCode: string): string {
  return createHmac('sha256', `imp-checkout sandbox DI v1|${merchantCode}|${tierCode}`).update(ci).digest('base64');
}

/** "YYYY-MM-DD" when `value` is a real date in YYYY-MM-DD or YYYYMMDD form, else null. */
export function normaliseBirthday(value: string): string | null {
  const digits = value.replace(/-/g, '');
  if (!/^\d{8}$/.test(digits)) return null;
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** Full years of age on `nowMs`, counted in Korean time. */
export function ageOn(birthday: string, nowMs: number): number {
  const today = new Date(nowMs + 9 * 60 * 60 * 1000);
  const [year, month, day] = birthday.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  if (today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day)) age--;
  return age;
}
