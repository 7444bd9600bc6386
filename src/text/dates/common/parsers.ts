import { ANY_PREFIX, CONJ_PREFIX, lookup, NO_PREFIX } from '../../numbers/common/phrases.js';
import { numberAt } from '../../numbers/index.js';
import type { DateContext, DateLexicon, DateMatch, DateParser } from '../types.js';
import type { YMD } from './calendar.js';
import {
  addDays,
  compare,
  lastWeekday,
  monthYearAfter,
  monthYearOnOrBefore,
  weekdayOf,
  yearOnOrBefore,
} from './calendar.js';
import {
  agoValue,
  altMonth,
  dayAt,
  dayValue,
  directionAt,
  m,
  monthAt,
  monthValue,
  periodValue,
  tok,
  value,
  weekdayValue,
  yearAt,
  yearValue,
} from './parts.js';

/** Parsers shared by both languages; the lexicon (resources/dates/<lang>.json) supplies the words. */

/** Words that open a qualifier (see directionAt): last, next, this; الماضي، المقبل، الجاري. */
function directionWords(lex: DateLexicon): string[] {
  return [...lex.past, ...lex.future, ...lex.current.firstKeys()];
}

/** Optional ", " then a year; Arabic also «من عام 2022». */
function trailingYear(ctx: DateContext, j: number): { y: number; end: number } | null {
  let k = j;
  const t = tok(ctx, k);
  if (t && (t.text === ',' || t.text === '،')) k++;
  if (ctx.lang === 'ar') {
    if (tok(ctx, k)?.norm === 'من') k++;
    const w = tok(ctx, k);
    if (w && lookup(w, ctx.lex.yearWordsBefore)) k++;
  }
  return yearAt(ctx, k);
}

/** Resolves day + month (+ year or a qualifier) into a match. */
/** Words between the two days of a span: "15-18", "15 to 18", «27 و28», «من 27 إلى 30». */
const DAY_SPAN_LINKS = new Set(['-', '–', 'to', 'and', 'until', 'till', 'و', 'الي', 'حتي']);

function dayMonthResult(ctx: DateContext, start: number, j: number, d: number, mo: number): DateMatch | null {
  const yr = trailingYear(ctx, j);
  if (yr) return m(start, yr.end, dayValue(yr.y, mo, d, false));
  if (!ctx.pub) return null;
  const dir = directionAt(ctx, j);
  let y = yearOnOrBefore(ctx.pub, mo, d);
  if (dir.dir === 'future')
    y = monthYearAfter(ctx.pub, mo) === ctx.pub.y && mo === ctx.pub.m ? ctx.pub.y : y + 1;
  const end = dir.dir ? dir.end : j;
  return m(start, end, dayValue(y, mo, d, true));
}

/** «21 كانون الثاني/يناير 2022», «21 يناير (كانون الثاني) 2022», «14 يوليو الماضي», "21 January 2022", "21st of January". */
export const dayMonthParser: DateParser = {
  name: 'day-month',
  firstWords: () => [], // a day number
  match(ctx, i) {
    const day = dayAt(ctx, i);
    if (!day) return null;
    let j = day.end;
    // a span of days ("from 15-18 February", «بين 27 و28 أبريل»): its year is the first day's, so
    // that a span still running at publication is not read as last year's; its day is the last
    // one, or the publication day while it runs
    const link = tok(ctx, j);
    let last = 0;
    if (link && DAY_SPAN_LINKS.has(link.norm)) {
      const day2 = dayAt(ctx, j + 1);
      if (day2 && day2.d > day.d && monthAt(ctx, day2.end)) {
        j = day2.end;
        last = day2.d;
      }
    }
    const c = tok(ctx, j);
    if (c && ctx.lex.dayConnectors.has(c.norm)) j++;
    const mo = monthAt(ctx, j);
    if (!mo) return null;
    j = altMonth(ctx, mo.end, mo.m);
    const r = dayMonthResult(ctx, i, j, day.d, mo.m);
    if (!r || !last) return r;
    const y = Number(r.value.date.slice(0, 4));
    let end = dayValue(y, mo.m, last, r.value.relative);
    if (end && ctx.pub && r.value.relative && compare({ y, m: mo.m, d: last }, ctx.pub) > 0) {
      end = dayValue(ctx.pub.y, ctx.pub.m, ctx.pub.d, true);
    }
    return end ? { ...r, value: end } : r;
  },
};

/** "January 21, 2022", "Jan. 21", "January 21st" (month first; English). */
export const monthDayParser: DateParser = {
  name: 'month-day',
  firstWords: (lex) => lex.months.firstKeys(),
  match(ctx, i) {
    const mo = monthAt(ctx, i);
    if (!mo) return null;
    const day = dayAt(ctx, mo.end);
    if (!day) return null;
    if (yearAt(ctx, mo.end)) return null;
    return dayMonthResult(ctx, i, day.end, day.d, mo.m);
  },
};

/**
 * Month with a year («مارس 2019», "March 2019": precision 3), with a qualifier («يوليو الماضي»,
 * "last March" is read by the period words), or alone after a preposition («في مارس», "in March").
 * Ambiguous names (مارس = practised, آب = father, May) need a year, a day, or (Arabic) a preposition.
 */
export const monthParser: DateParser = {
  name: 'month',
  firstWords: (lex) => lex.months.firstKeys(),
  match(ctx, i) {
    const mo = monthAt(ctx, i, ctx.lang === 'ar' ? ANY_PREFIX : NO_PREFIX);
    if (!mo) return null;
    const j = altMonth(ctx, mo.end, mo.m);
    const yr = trailingYear(ctx, j);
    if (yr) return m(i, yr.end, monthValue(yr.y, mo.m, false));
    if (!ctx.pub) return null;
    const dir = directionAt(ctx, j);
    if (ctx.lang === 'en' && mo.ambiguous) return null;
    const prev = tok(ctx, i - 1);
    const context =
      mo.prefix === 'ب' ||
      mo.prefix === 'وب' ||
      (prev && !!lookup(prev, ctx.lex.monthContextBefore, CONJ_PREFIX)) ||
      (prev && ctx.lex.past.has(prev.norm));
    if (dir.dir === 'past' || dir.dir === 'future' || dir.dir === 'current') {
      if (ctx.lang === 'en') return null;
      const y =
        dir.dir === 'future'
          ? monthYearAfter(ctx.pub, mo.m)
          : monthYearOnOrBefore(ctx.pub, mo.m, dir.dir === 'past');
      return m(i, dir.end, monthValue(y, mo.m, true));
    }
    if (!context) return null;
    if (ctx.lang === 'en' && prev && ctx.lex.past.has(prev.norm)) {
      return m(i - 1, j, monthValue(monthYearOnOrBefore(ctx.pub, mo.m, true), mo.m, true));
    }
    return m(i, j, monthValue(monthYearOnOrBefore(ctx.pub, mo.m), mo.m, true));
  },
};

/** Numeric dates: 21/1/2022, 21-01-2022, 21.1.2022, 2022-01-21, 2022/01/21 (day first unless impossible). */
export const numericDateParser: DateParser = {
  name: 'numeric',
  firstWords: () => [],
  match(ctx, i) {
    const t = tok(ctx, i);
    if (t?.kind !== 'number') return null;
    let parts: string[];
    let end: number;
    if (/^\d{1,4}\.\d{1,2}\.\d{2,4}$/.test(t.norm)) {
      parts = t.norm.split('.');
      end = i + 1;
    } else {
      const s1 = tok(ctx, i + 1);
      const b = tok(ctx, i + 2);
      const s2 = tok(ctx, i + 3);
      const c = tok(ctx, i + 4);
      if (!s1 || !b || !s2 || !c || b.kind !== 'number' || c.kind !== 'number') return null;
      if (s1.text !== s2.text || !['/', '-', '.'].includes(s1.text)) return null;
      if (
        s1.text !== '/' &&
        (s1.start !== t.end || b.start !== s1.end || s2.start !== b.end || c.start !== s2.end)
      )
        return null;
      parts = [t.norm, b.norm, c.norm];
      end = i + 5;
    }
    if (!parts.every((p) => /^\d{1,4}$/.test(p))) return null;
    const [a, b, c] = parts.map(Number) as [number, number, number];
    let y: number;
    let mo: number;
    let d: number;
    if (parts[0]!.length === 4) [y, mo, d] = [a, b, c];
    else if (parts[2]!.length === 4 || parts[2]!.length === 2) {
      y = parts[2]!.length === 2 ? 2000 + c : c;
      [d, mo] = b > 12 && a <= 12 ? [b, a] : [a, b];
    } else return null;
    if (y < 1900 || y > 2100) return null;
    return m(i, end, dayValue(y, mo, d, false));
  },
};

/** Years: «عام 2014», «العام 2014», «في 2014», "in 2011", "since 2011", "the year 2011". */
export const yearParser: DateParser = {
  name: 'year',
  firstWords: (lex) => lex.yearWordsBefore,
  match(ctx, i) {
    const t = tok(ctx, i);
    if (!t) return null;
    if (t.kind === 'word' && lookup(t, ctx.lex.yearWordsBefore)) {
      const yr = yearAt(ctx, i + 1);
      return yr ? m(i, yr.end, yearValue(yr.y, false)) : null;
    }
    const yr = yearAt(ctx, i);
    if (!yr) return null;
    const prev = tok(ctx, i - 1);
    if (!prev || !lookup(prev, ctx.lex.yearPrepsBefore, CONJ_PREFIX)) return null;
    return m(i, yr.end, yearValue(yr.y, false));
  },
};

/** Relative periods: «الأسبوع الماضي», «هذا الشهر», «العام الماضي», "last week", "earlier this month". */
export const periodParser: DateParser = {
  name: 'period',
  firstWords: (lex) => [...directionWords(lex), ...lex.weekWords, ...lex.monthWords, ...lex.yearWords],
  match(ctx, i) {
    if (!ctx.pub) return null;
    let j = i;
    let dir = directionAt(ctx, j);
    const before = dir.dir;
    if (before) j = dir.end;
    const t = tok(ctx, j);
    if (!t) return null;
    const unit = lookup(t, ctx.lex.weekWords)
      ? 'week'
      : lookup(t, ctx.lex.monthWords)
        ? 'month'
        : lookup(t, ctx.lex.yearWords)
          ? 'year'
          : null;
    if (!unit) return null;
    let end = j + 1;
    if (!before) {
      dir = directionAt(ctx, end);
      if (!dir.dir) return null;
      end = dir.end;
    }
    return m(i, end, periodValue(ctx.pub, unit, dir.dir));
  },
};

/** Relative days: «أمس», «اليوم», «أول أمس», «مساء أمس», «الليلة الماضية», «أمس الجمعة», "yesterday", "late yesterday", "yesterday morning". */
export const relativeDayParser: DateParser = {
  name: 'relative-day',
  firstWords: (lex) => [...lex.dayParts.firstKeys(), ...lex.relativeDays.firstKeys()],
  match(ctx, i) {
    return relativeDay(ctx, i, true) ?? relativeDay(ctx, i, false);
  },
};

function daysBetween(a: YMD, b: YMD): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

function relativeDay(ctx: DateContext, i: number, withPart: boolean): DateMatch | null {
  if (!ctx.pub) return null;
  const { tokens, lex } = ctx;
  let j = i;
  const dp = withPart ? lex.dayParts.matchAt(tokens, j, ANY_PREFIX, ctx.to) : null;
  if (withPart && !dp) return null;
  if (dp) j = dp.end;
  if (dp && tok(ctx, j) && lookup(tok(ctx, j)!, lex.dayWord, NO_PREFIX)) j++;
  const rel = lex.relativeDays.matchAt(tokens, j, dp ? NO_PREFIX : ANY_PREFIX, ctx.to);
  if (!rel) return null;
  let end = rel.end;
  const next = tok(ctx, end);
  if (rel.value === 0 && next && lex.todayBlockersAfter.has(next.norm)) return null;
  if (next && lex.dayPartsAfter.has(next.norm)) end++;
  // «أمس الجمعة», "yesterday, Friday": the weekday names the same day. When it does not fall on
  // that day, the publication date given with the article is off (a late upload, a print date):
  // the named weekday is the firmer word, and the day is its latest one on or before "yesterday".
  const told = addDays(ctx.pub, rel.value);
  let day = told;
  const wd = lex.weekdays.matchAt(tokens, end, NO_PREFIX, ctx.to);
  if (wd) {
    end = wd.end;
    if (rel.value <= 0 && weekdayOf(day) !== wd.value) day = lastWeekday(day, wd.value);
  }
  const shift = daysBetween(told, day);
  return m(i, end, value(day, 1, 'relative_day', true), shift ? { shift } : {});
}

/** Weekdays: «الأحد», «يوم الأحد», «ليلة الجمعة», «فجر الأحد», «الخميس الماضي», "on Sunday", "Sunday night", "late Saturday", "last Sunday". */
export const weekdayParser: DateParser = {
  name: 'weekday',
  firstWords: (lex) => [
    ...lex.dayParts.firstKeys(),
    ...directionWords(lex),
    ...lex.dayWord,
    ...lex.weekdays.firstKeys(),
    ...lex.weekdayAbbrevs.firstKeys(),
  ],
  match(ctx, i) {
    return weekday(ctx, i, true) ?? weekday(ctx, i, false);
  },
};

function weekday(ctx: DateContext, i: number, withPart: boolean): DateMatch | null {
  const { tokens, lex } = ctx;
  let j = i;
  const dp = withPart ? lex.dayParts.matchAt(tokens, j, ANY_PREFIX, ctx.to) : null;
  if (withPart && !dp) return null;
  if (dp) j = dp.end;
  let dir = ctx.lang === 'en' ? directionAt(ctx, j) : { dir: null, end: j };
  if (dir.dir === 'current') dir = { dir: null, end: j };
  j = dir.end;
  const dw = tok(ctx, j);
  if (dw && lookup(dw, lex.dayWord, dp ? NO_PREFIX : ANY_PREFIX)) j++;
  const pre = dp || j > i ? NO_PREFIX : ANY_PREFIX;
  let wd = lex.weekdays.matchAt(tokens, j, pre, ctx.to);
  let abbrev = false;
  if (!wd) {
    wd = lex.weekdayAbbrevs.matchAt(tokens, j, NO_PREFIX, ctx.to);
    abbrev = !!wd && /^[A-Z]/.test(tokens[j]!.text);
    if (!abbrev) return null;
  }
  if (!wd) return null;
  let end = wd.end;
  const next = tok(ctx, end);
  if (next && lex.weekdayBlockersAfter.has(next.norm)) return null;
  const prev = tok(ctx, i - 1);
  if (prev && lex.weekdayBlockersBefore.has(prev.norm)) return null;
  if (ctx.lang === 'en' && !abbrev && !/^[A-Z]/.test(tokens[j]!.text)) return null;
  if (next && lex.dayPartsAfter.has(next.norm)) end++;
  if (ctx.lang === 'ar') {
    dir = directionAt(ctx, end);
    if (dir.dir === 'current') dir = { dir: null, end };
    end = dir.end;
  }
  // Without a publication date (or for an abbreviation) the weekday is kept only if a date follows.
  const v = ctx.pub
    ? weekdayValue(ctx.pub, wd.value, dir.dir)
    : value({ y: 1970, m: 1, d: 1 }, 1, 'weekday', true);
  return { start: i, end, value: v, weekday: wd.value, provisional: abbrev || !ctx.pub };
}

/** Arabic «قبل يومين», «منذ ثلاثة أيام», «قبل 3 أيام», «منذ أسبوع», «قبل أيام», «قبل شهرين». */
export const arAgoParser: DateParser = {
  name: 'ar-ago',
  firstWords: (lex) => lex.agoWords,
  match(ctx, i) {
    if (!ctx.pub) return null;
    const { lex } = ctx;
    const t = tok(ctx, i);
    if (!t || !lookup(t, lex.agoWords, CONJ_PREFIX)) return null;
    const u = tok(ctx, i + 1);
    const direct = u ? lookup(u, lex.agoUnits, NO_PREFIX) : null;
    if (direct) return m(i, i + 2, agoValue(ctx.pub, direct.value[0], direct.value[1]));
    const num = numberAt(ctx.doc, i + 1, ctx.to, 'ar');
    if (!num || num.value.ordinal || num.value.dual) return null;
    const unit = tok(ctx, num.end);
    const hit = unit ? lookup(unit, lex.agoUnits, NO_PREFIX) : null;
    if (!hit) return null;
    const n = num.value.vague ? 0 : num.value.value;
    return m(i, num.end + 1, agoValue(ctx.pub, hit.value[0], n));
  },
};

/** Index of the last "ago" in the context's tokens (-1 if none): a match at i needs one after i. */
const lastAgoOf = new WeakMap<DateContext, number>();
function lastAgo(ctx: DateContext): number {
  let k = lastAgoOf.get(ctx);
  if (k === undefined) {
    k = -1;
    for (let j = ctx.to - 1; j >= ctx.from; j--) {
      if (ctx.tokens[j]!.norm === 'ago') {
        k = j;
        break;
      }
    }
    lastAgoOf.set(ctx, k);
  }
  return k;
}

/** English "two days ago", "3 weeks ago", "a week ago", "a few days ago", "days ago". */
export const enAgoParser: DateParser = {
  name: 'en-ago',
  match(ctx, i) {
    if (!ctx.pub || lastAgo(ctx) <= i) return null;
    const { lex } = ctx;
    const t = tok(ctx, i);
    if (!t) return null;
    let n: number;
    let j: number;
    if (t.norm === 'a' || t.norm === 'an') {
      n = 1;
      j = i + 1;
    } else if (lex.agoUnits.has(t.norm)) {
      n = 0;
      j = i;
    } else {
      const num = numberAt(ctx.doc, i, ctx.to, 'en');
      if (!num || num.value.ordinal) return null;
      n = num.value.vague ? 0 : num.value.value;
      j = num.end;
    }
    const unit = tok(ctx, j);
    const hit = unit ? lex.agoUnits.get(unit.norm) : undefined;
    if (!hit || tok(ctx, j + 1)?.norm !== 'ago') return null;
    return m(i, j + 2, agoValue(ctx.pub, hit[0], n || hit[1] || 0));
  },
};
