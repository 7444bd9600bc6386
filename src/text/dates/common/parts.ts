import { lookup, NO_PREFIX } from '../../numbers/common/phrases.js';
import type { DateContext, DateMatch, DateValue } from '../types.js';
import { addDays, format, isValid, lastWeekday, nextWeekday, shiftMonth, type YMD } from './calendar.js';

/** Building blocks shared by the Arabic and English date parsers. All look ahead a bounded number of tokens. */

export const tok = (ctx: DateContext, k: number) => (k >= ctx.from && k < ctx.to ? ctx.tokens[k] : undefined);

const isUpper = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();

/** A day of the month: 1–31 in digits (any script), with an ordinal suffix in English (21st). */
export function dayAt(ctx: DateContext, j: number): { d: number; end: number } | null {
  const t = tok(ctx, j);
  if (t?.kind !== 'number' || !/^\d{1,2}$/.test(t.norm)) return null;
  const d = Number(t.norm);
  if (d < 1 || d > 31) return null;
  let end = j + 1;
  const n = tok(ctx, end);
  if (n && n.start === t.end && ['st', 'nd', 'rd', 'th'].includes(n.norm)) end++;
  const after = tok(ctx, end);
  if (after && after.text === ':' && after.start === tok(ctx, end - 1)!.end) return null; // 5:30
  return { d, end };
}

/** A calendar year 1900–2100 in four digits, with an optional era suffix (2022م). */
export function yearAt(ctx: DateContext, j: number): { y: number; end: number } | null {
  const t = tok(ctx, j);
  if (t?.kind !== 'number' || !/^\d{4}$/.test(t.norm)) return null;
  const y = Number(t.norm);
  if (y < 1900 || y > 2100) return null;
  let end = j + 1;
  const s = tok(ctx, end);
  if (s && s.kind === 'word' && ctx.lex.yearSuffix.has(s.norm)) end++;
  return { y, end };
}

export interface MonthHit {
  m: number;
  end: number;
  ambiguous: boolean;
  prefix: string;
}

/**
 * A month name (both Arabic series, multi-word كانون الثاني; English full or abbreviated with an
 * optional full stop). English months must be capitalised (a march, may).
 */
export function monthAt(ctx: DateContext, j: number, prefixes?: ReadonlySet<string>): MonthHit | null {
  const t = tok(ctx, j);
  if (t?.kind !== 'word') return null;
  const h = ctx.lex.months.matchAt(ctx.tokens, j, prefixes ?? NO_PREFIX, ctx.to);
  if (!h) return null;
  if (ctx.lang === 'en' && !isUpper(t.text[0])) return null;
  let end = h.end;
  const ambiguous =
    h.end - j === 1 &&
    (ctx.lang === 'en'
      ? ctx.lex.ambiguousMonths.has(t.norm)
      : !!lookup(t, ctx.lex.ambiguousMonths, prefixes ?? NO_PREFIX));
  const dot = tok(ctx, end);
  if (
    ctx.lang === 'en' &&
    dot &&
    dot.text === '.' &&
    dot.start === tok(ctx, end - 1)!.end &&
    t.norm.length <= 4
  )
    end++;
  return { m: h.value, end, ambiguous, prefix: h.prefix };
}

/** An alternative name of the same month: «كانون الثاني/يناير», «يناير (كانون الثاني)». */
export function altMonth(ctx: DateContext, j: number, m: number): number {
  const s = tok(ctx, j);
  if (!s) return j;
  if (s.text === '/' || s.text === '-') {
    const h = monthAt(ctx, j + 1);
    if (h && h.m === m) return h.end;
  } else if (s.text === '(') {
    const h = monthAt(ctx, j + 1);
    if (h && h.m === m && tok(ctx, h.end)?.text === ')') return h.end + 1;
  }
  return j;
}

export type Direction = 'past' | 'future' | 'current' | null;

/** A relative qualifier word at token j (الماضي, المقبل, الجاري; last, next, this). */
export function directionAt(ctx: DateContext, j: number): { dir: Direction; end: number } {
  const t = tok(ctx, j);
  if (!t) return { dir: null, end: j };
  if (t.forms.some((f) => ctx.lex.past.has(f))) return { dir: 'past', end: j + 1 };
  if (t.forms.some((f) => ctx.lex.future.has(f))) return { dir: 'future', end: j + 1 };
  const c = ctx.lex.current.matchAt(ctx.tokens, j, NO_PREFIX, ctx.to);
  if (c) return { dir: 'current', end: c.end };
  return { dir: null, end: j };
}

export function value(
  d: YMD,
  precision: 1 | 2 | 3,
  kind: DateValue['kind'],
  relative: boolean,
  year?: number,
): DateValue {
  const v: DateValue = { date: format(d), precision, relative, kind };
  if (year !== undefined) v.year = year;
  return v;
}

export function dayValue(y: number, m: number, d: number, relative: boolean): DateValue | null {
  return isValid(y, m, d) ? value({ y, m, d }, 1, 'absolute', relative) : null;
}

export function yearValue(y: number, relative: boolean): DateValue {
  return value({ y, m: 7, d: 1 }, 3, 'year', relative, y);
}

export function monthValue(
  y: number,
  m: number,
  relative: boolean,
  kind: DateValue['kind'] = 'month',
): DateValue {
  return value({ y, m, d: 15 }, 3, kind, relative);
}

/** A weekday resolved against pub: the latest on or before it; strictly before for «الماضي»/"last"; after for "next". */
export function weekdayValue(pub: YMD, wd: number, dir: Direction): DateValue {
  const d = dir === 'future' ? nextWeekday(pub, wd) : lastWeekday(pub, wd, dir === 'past');
  return value(d, 1, 'weekday', true);
}

/** A week/month/year period relative to pub (last week, الشهر الماضي, this year). */
export function periodValue(pub: YMD, unit: 'week' | 'month' | 'year', dir: Direction): DateValue | null {
  if (!dir) return null;
  const n = dir === 'past' ? -1 : dir === 'future' ? 1 : 0;
  if (unit === 'week') return value(addDays(pub, n === 0 ? -3 : 7 * n), 2, 'relative_week', true);
  if (unit === 'month') return monthValue(shiftMonth(pub, n).y, shiftMonth(pub, n).m, true, 'relative_month');
  return yearValue(pub.y + n, true);
}

/** n units ago (n = 0: an unspecified few, «قبل أيام», "days ago"). */
export function agoValue(pub: YMD, unit: string, n: number): DateValue | null {
  if (unit === 'hour')
    return value(n >= 24 ? addDays(pub, -Math.floor(n / 24)) : pub, 1, 'relative_day', true);
  if (unit === 'day') {
    if (n === 0) return value(addDays(pub, -3), 2, 'relative_week', true);
    return value(addDays(pub, -n), 1, 'relative_day', true);
  }
  if (unit === 'week') return value(addDays(pub, -7 * (n === 0 ? 2 : n)), 2, 'relative_week', true);
  if (unit === 'month') {
    const s = shiftMonth(pub, -(n === 0 ? 2 : n));
    return monthValue(s.y, s.m, true, 'relative_month');
  }
  return null;
}

export function m(
  start: number,
  end: number,
  v: DateValue | null,
  extra: Partial<DateMatch> = {},
): DateMatch | null {
  return v ? { start, end, value: v, ...extra } : null;
}
