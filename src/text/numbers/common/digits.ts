import type { NumberContext, NumberParser, NumMatch } from '../types.js';
import { adjacent } from './phrases.js';

/**
 * The value of a digit token's normalised form (ASCII digits; Arabic-Indic and Persian digits and
 * the Arabic separators are already mapped by normalize()). Thousands separators: groups of three
 * after a comma (1,200; 1,200,000) or after several dots (1.200.000). A single dot is a decimal
 * point; a single comma not followed by three digits is a decimal comma (2,5). Returns null for
 * anything else (21.1.2022 is a date, not a number) and for absurdly long digit strings.
 */
export function parseDigits(norm: string): number | null {
  if (norm.length === 0 || norm.length > 24) return null;
  const groups: string[] = [];
  const seps: string[] = [];
  let cur = '';
  for (const ch of norm) {
    if (ch >= '0' && ch <= '9') cur += ch;
    else if (ch === '.' || ch === ',') {
      if (!cur) return null;
      groups.push(cur);
      seps.push(ch);
      cur = '';
    } else return null;
  }
  if (!cur) return null;
  groups.push(cur);
  if (seps.length === 0) return Number(norm);
  const first = groups[0]!;
  const rest = groups.slice(1);
  const allThree = rest.every((g) => g.length === 3);
  const commas = seps.filter((s) => s === ',').length;
  const dots = seps.length - commas;
  if (dots === 0) {
    if (allThree && first.length <= 3) return Number(groups.join(''));
    if (commas === 1) return Number(`${first}.${rest[0]}`);
    return null;
  }
  if (commas === 0) {
    if (dots === 1) return Number(`${first}.${rest[0]}`);
    if (allThree && first.length <= 3) return Number(groups.join(''));
    return null;
  }
  // Mixed: the last separator is the decimal mark, the others group thousands.
  const last = seps[seps.length - 1]!;
  const head = groups.slice(0, -1);
  if (seps.slice(0, -1).some((s) => s === last)) return null;
  if (!head.slice(1).every((g) => g.length === 3) || first.length > 3) return null;
  return Number(`${head.join('')}.${groups[groups.length - 1]}`);
}

const DATE_SEPS = new Set(['/', '-', '.']);

/**
 * Digits, with: a scale word after (3 آلاف, 2.5 million), an ordinal suffix (21st), a clock time
 * (5:30), a numeric date (21/1/2022, 2022-01-21: the whole pattern, marked unit 'date'), and the
 * Arabic article on ordinals (الـ21).
 */
export const digitParser: NumberParser = {
  name: 'digits',
  firstWords: () => [], // a number token
  match(ctx: NumberContext, i: number): NumMatch | null {
    const { tokens, lex } = ctx;
    const t = tokens[i]!;
    if (t.kind !== 'number') return null;
    const v = parseDigits(t.norm);
    if (v === null || !Number.isFinite(v)) return null;
    const at = (k: number) => (k < ctx.to ? tokens[k] : undefined);
    // Clock time: 5:30
    const colon = at(i + 1);
    if (
      colon &&
      colon.text === ':' &&
      adjacent(t, colon) &&
      at(i + 2)?.kind === 'number' &&
      adjacent(colon, at(i + 2))
    ) {
      return { start: i, end: i + 3, value: { value: v, kind: 'exact', unit: 'time' } };
    }
    // Numeric date: N/N(/N), N-N-N (spaces allowed around '/').
    const s1 = at(i + 1);
    if (s1 && DATE_SEPS.has(s1.text) && at(i + 2)?.kind === 'number') {
      const s2 = at(i + 3);
      const three = s2 && s2.text === s1.text && at(i + 4)?.kind === 'number';
      if (three) return { start: i, end: i + 5, value: { value: v, kind: 'exact', unit: 'date' } };
      if (s1.text === '/') return { start: i, end: i + 3, value: { value: v, kind: 'exact', unit: 'date' } };
    }
    let start = i;
    let end = i + 1;
    let value = v;
    const out: NumMatch = { start, end, value: { value, kind: 'exact' } };
    const prev = i > ctx.from ? tokens[i - 1] : undefined;
    if (prev && prev.norm === 'ال' && adjacent(prev, t)) {
      start = i - 1;
      out.value.ordinal = true;
    }
    const next = at(end);
    if (next && adjacent(t, next) && lex.ordinalSuffixes.has(next.norm)) {
      out.value.ordinal = true;
      end++;
    } else if (next && next.kind === 'word') {
      const scale = lex.digitScales.get(next.norm);
      if (scale !== undefined) {
        value = v * scale;
        end++;
      }
    }
    out.start = start;
    out.end = end;
    out.value.value = value;
    return out;
  },
};
