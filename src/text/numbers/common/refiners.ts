import type { NumberContext, NumberRefiner, NumMatch } from '../types.js';
import { adjacent, NO_PREFIX } from './phrases.js';

const isYearLike = (m: NumMatch, ctx: NumberContext) => {
  if (m.end - m.start !== 1) return false;
  const t = ctx.tokens[m.start]!;
  return t.kind === 'number' && /^\d{4}$/.test(t.norm) && m.value.value >= 1900 && m.value.value <= 2100;
};

/**
 * Units: a unit word after the number (%, في المئة, دولار, km, days; across a hyphen for
 * 25-year-old), a currency sign before it ($50), a month name next to it (21 يناير, January 21:
 * 'date'), a clock word before it (الساعة 5, at 5 → 'time'), and calendar years (عام 2015, in 2015,
 * 2015م, or a bare 4-digit 1900–2100 not followed by a word → 'year').
 */
export const unitRefiner: NumberRefiner = {
  name: 'units',
  refine(ctx, matches) {
    const { tokens, lex } = ctx;
    let prevEnd = ctx.from;
    const out: NumMatch[] = [];
    for (const m of matches) {
      if (m.start < prevEnd) continue; // swallowed by the previous unit («15 في المئة»)
      out.push(m);
      const v = m.value;
      const floor = prevEnd;
      const pm = out.length >= 2 ? out[out.length - 2] : undefined;
      const afterDate = pm?.value.unit === 'date' && m.start - floor <= 1;
      prevEnd = m.end;
      if (v.unit) continue;
      let after = m.end;
      if (tokens[after]?.text === '-' && after + 1 < ctx.to) after++;
      const u = after < ctx.to ? lex.unitWords.matchAt(tokens, after, NO_PREFIX, ctx.to) : null;
      const before = m.start > floor ? tokens[m.start - 1] : undefined;
      const next = m.end < ctx.to ? tokens[m.end] : undefined;
      const monthAfter = m.end < ctx.to && lex.months.matchAt(tokens, m.end, NO_PREFIX, ctx.to);
      const monthBefore = m.start > floor && lex.months.matchEndingAt(tokens, m.start, floor, NO_PREFIX);
      if (isYearLike(m, ctx)) {
        const beforeKey = before ? before.forms.some((f) => lex.yearBefore.has(f)) : false;
        if (beforeKey || monthBefore || afterDate || (next && lex.yearAfter.has(next.norm))) {
          v.unit = 'year';
          continue;
        }
        if (next?.kind !== 'word' || (u && u.value !== 'year')) {
          if (!u) {
            v.unit = 'year';
            continue;
          }
        }
      }
      if (u && !v.ordinal) {
        v.unit = u.value;
        if (u.value === 'percent') {
          m.end = u.end;
          prevEnd = m.end;
        }
        continue;
      }
      if (before && lex.currencyBefore.has(before.norm)) {
        v.unit = 'money';
        continue;
      }
      if (!v.ordinal && !v.vague && (monthAfter || (monthBefore && v.value >= 1 && v.value <= 31))) {
        if (v.value >= 1 && v.value <= 31 && Number.isInteger(v.value)) {
          v.unit = 'date';
          continue;
        }
      }
      if (before?.forms.some((f) => lex.timeBefore.has(f)) && v.value <= 24) {
        v.unit = 'time';
        continue;
      }
      if (next && lex.timeAfter.has(next.norm) && v.value <= 24) v.unit = 'time';
    }
    return out;
  },
};

/**
 * Ranges: «بين 10 و15», «ما بين عشرة وخمسة عشر», «10 إلى 15», «من 10 إلى 15», "between 10 and 15",
 * "10 to 15", "10-15". The value is the minimum (the conservative figure). A bare "and"/«و»
 * needs «بين»/"between" before the first number.
 */
export const rangeRefiner: NumberRefiner = {
  name: 'ranges',
  refine(ctx, matches) {
    const { tokens, lex } = ctx;
    const out: NumMatch[] = [];
    for (let k = 0; k < matches.length; k++) {
      const a = matches[k]!;
      const b = matches[k + 1];
      if (!b || a.value.ordinal || b.value.ordinal || a.value.unit !== b.value.unit) {
        out.push(a);
        continue;
      }
      if (a.value.unit === 'date' || a.value.unit === 'time') {
        out.push(a);
        continue;
      }
      let join: string | null = null;
      if (b.start === a.end && b.prefix === 'و') join = 'و';
      else if (b.start === a.end + 1) {
        const jt = tokens[a.end]!;
        if (lex.rangeJoin.has(jt.norm)) join = jt.norm;
      }
      const floor = out.length ? out[out.length - 1]!.end : ctx.from;
      const starter = lex.rangeStart.matchEndingAt(tokens, a.start, floor);
      const conj = join === 'و' || join === 'and';
      const hyphen = join === '-' || join === '–' || join === 'ـ';
      let ok = join !== null && a.value.value < b.value.value;
      // «و» / "and" only after بين / ما بين / between (value true), not after من / from.
      if (ok && conj) ok = starter?.value === true;
      if (ok && hyphen) {
        const after = tokens[b.end];
        ok = !(after && after.text === tokens[a.end]!.text && adjacent(tokens[b.end - 1], after));
      }
      if (!ok) {
        out.push(a);
        continue;
      }
      const start = starter ? starter.start : a.start;
      out.push({
        start,
        end: b.end,
        prefix: a.prefix,
        value: {
          value: a.value.value,
          kind: 'range',
          min: a.value.value,
          max: b.value.value,
          ...(a.value.vague || b.value.vague ? { vague: true } : {}),
          ...(a.value.unit ? { unit: a.value.unit } : {}),
        },
      });
      k++;
    }
    return out;
  },
};

/**
 * Modifiers: «أكثر من», «ما لا يقل عن», «نحو», «حوالي», "at least", "more than", "about", "up to"...
 * before the number, and «على الأقل», «أو أكثر», "or more" after it (or after the counted noun:
 * «10 أشخاص على الأقل»). The span grows to cover them.
 */
export const modifierRefiner: NumberRefiner = {
  name: 'modifiers',
  refine(ctx, matches) {
    const { tokens, lex } = ctx;
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k]!;
      const v = m.value;
      if (v.ordinal || v.kind === 'range') continue;
      if (v.unit === 'year' || v.unit === 'date' || v.unit === 'time') continue;
      const floor = k > 0 ? matches[k - 1]!.end : ctx.from;
      const ceil = k + 1 < matches.length ? matches[k + 1]!.start : ctx.to;
      const before = lex.modifiersBefore.matchEndingAt(tokens, m.start, floor);
      let kind = before?.value;
      if (before) m.start = before.start;
      if (!kind) {
        let after = m.end < ceil ? lex.modifiersAfter.matchAt(tokens, m.end, NO_PREFIX, ceil) : null;
        if (!after && m.end + 1 < ceil && tokens[m.end]!.kind === 'word') {
          after = lex.modifiersAfter.matchAt(tokens, m.end + 1, NO_PREFIX, ceil);
        }
        if (after) {
          kind = after.value;
          m.end = after.end;
        }
      }
      if (!kind) continue;
      if (v.kind === 'exact' || v.kind === 'vague') v.kind = kind;
      if (kind === 'at_least') v.min = v.value;
      if (kind === 'at_most') v.max = v.value;
    }
    return matches;
  },
};
