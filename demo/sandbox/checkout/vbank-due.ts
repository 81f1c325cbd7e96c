// V1 `vbank_due` formats (v1-contract §2.1): YYYYMMDD, YYYY-MM-DD,
// YYYYMMDDHHmm(ss), YYYY-MM-DD HH:mm(:ss), read as Korean time (UTC+9). A
// date without a time means the end of that day.
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Unix seconds, or null when the text is not one of the V1 formats or not a real date. */
export function parseVbankDue(text: string): number | null {
  const digits = text.trim().replace(/[-:\s]/g, '');
  if (!/^\d{8}(\d{4}(\d{2})?)?$/.test(digits)) return null;
  const [year, month, day] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)].map(Number) as [number, number, number];
  const hasTime = digits.length > 8;
  const hour = hasTime ? Number(digits.slice(8, 10)) : 23;
  const minute = hasTime ? Number(digits.slice(10, 12)) : 59;
  const second = digits.length === 14 ? Number(digits.slice(12, 14)) : hasTime ? 0 : 59;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return Math.floor((utc - KST_OFFSET_MS) / 1000);
}

/** Default deposit deadline: the end of the day three days from now, Korean time. */
export function defaultVbankDue(nowMs: number): number {
  const kst = new Date(nowMs + KST_OFFSET_MS + 3 * DAY_MS);
  const endOfDayKst = Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), 23, 59, 59);
  return Math.floor((endOfDayKst - KST_OFFSET_MS) / 1000);
}
