/** Calendar arithmetic on plain year-month-day triples (UTC, no time zones). */

export interface YMD {
  y: number;
  m: number;
  d: number;
}

const DAY = 86_400_000;

/** The date part of a published value: YYYY-MM-DD or an ISO timestamp. Null when missing or invalid. */
export function parsePublished(s: string | undefined): YMD | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

export function isValid(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function toTime(a: YMD): number {
  const t = new Date(Date.UTC(2000, a.m - 1, a.d));
  t.setUTCFullYear(a.y);
  return t.getTime();
}

function fromTime(t: number): YMD {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function format(a: YMD): string {
  return `${String(a.y).padStart(4, '0')}-${String(a.m).padStart(2, '0')}-${String(a.d).padStart(2, '0')}`;
}

export function addDays(a: YMD, n: number): YMD {
  return fromTime(toTime(a) + n * DAY);
}

/** Day of the week, 0 = Sunday. */
export function weekdayOf(a: YMD): number {
  return new Date(toTime(a)).getUTCDay();
}

export function compare(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The most recent given weekday on or before `pub` (strictly before when `strict`: «الخميس الماضي»). */
export function lastWeekday(pub: YMD, wd: number, strict = false): YMD {
  let back = (weekdayOf(pub) - wd + 7) % 7;
  if (back === 0 && strict) back = 7;
  return addDays(pub, -back);
}

/** The next given weekday strictly after `pub` («الخميس المقبل», "next Thursday"). */
export function nextWeekday(pub: YMD, wd: number): YMD {
  let fwd = (wd - weekdayOf(pub) + 7) % 7;
  if (fwd === 0) fwd = 7;
  return addDays(pub, fwd);
}

/** Shifts a month by n (n may be negative); the day is set to 15 (the taxonomy's mid-month). */
export function shiftMonth(pub: YMD, n: number): YMD {
  const idx = pub.y * 12 + (pub.m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1, d: 15 };
}

/** The year that puts day/month on or before `pub` (Dec 30 in a 2 Jan article → the previous year). */
export function yearOnOrBefore(pub: YMD, m: number, d: number): number {
  return compare({ y: pub.y, m, d }, pub) <= 0 ? pub.y : pub.y - 1;
}

/** The year of the latest given month on or before pub's month (strictly before when `strict`). */
export function monthYearOnOrBefore(pub: YMD, m: number, strict = false): number {
  return m < pub.m || (m === pub.m && !strict) ? pub.y : pub.y - 1;
}

/** The year of the next given month strictly after pub's month. */
export function monthYearAfter(pub: YMD, m: number): number {
  return m > pub.m ? pub.y : pub.y + 1;
}
