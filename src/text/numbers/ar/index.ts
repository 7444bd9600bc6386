import type { Token } from '../../types.js';
import { digitParser } from '../common/digits.js';
import { numberLexicon, numberResource } from '../common/lexicon.js';
import { ANY_PREFIX, lookup, normMap, normSet, PhraseTable, readings } from '../common/phrases.js';
import { modifierRefiner, rangeRefiner, unitRefiner } from '../common/refiners.js';
import type { NumberConfig, NumberContext, NumberParser, NumMatch } from '../types.js';

/** Arabic number words, compiled from resources/numbers/ar.json (keys normalised like the text). */
interface ArWords {
  units: Map<string, number>;
  teenOnly: Map<string, number>;
  teen: Set<string>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  hundredWord: Set<string>;
  scales: Map<string, number>;
  plurals: Map<string, number>;
  duals: Map<string, number>;
  vague: Map<string, number>;
  vaguePhrases: PhraseTable<number>;
  vagueScales: Map<string, number>;
  ordinals: PhraseTable<number>;
  ordinalBlockers: Set<string>;
  dualNouns: Map<string, { ynPlural: boolean; unit?: string }>;
  two: Set<string>;
}

let words: ArWords | null = null;

function arWords(): ArWords {
  if (words) return words;
  const r = numberResource('ar');
  const dualNouns = new Map<string, { ynPlural: boolean; unit?: string }>();
  for (const d of r.dualNouns ?? []) {
    dualNouns.set(
      normMap({ [d.sg]: 0 })
        .keys()
        .next().value!,
      { ynPlural: !!d.ynPlural, unit: d.unit },
    );
  }
  const units = normMap(r.units);
  words = {
    units,
    teenOnly: normMap(r.teenOnly ?? {}),
    teen: normSet(r.teenMarker ?? []),
    tens: normMap(r.tens),
    hundreds: normMap(r.hundreds ?? {}),
    hundredWord: normSet(r.hundredWord),
    scales: normMap(r.scales),
    plurals: normMap(r.scalePlurals ?? {}),
    duals: normMap(r.scaleDuals ?? {}),
    vague: normMap(r.vague),
    vaguePhrases: new PhraseTable(r.vaguePhrases),
    vagueScales: normMap(r.vagueScales),
    ordinals: new PhraseTable(r.ordinals),
    ordinalBlockers: normSet(r.ordinalBlockers ?? []),
    dualNouns,
    two: new Set([...units].filter(([, v]) => v === 2).map(([k]) => k)),
  };
  return words;
}

const W_PREFIX: ReadonlySet<string> = new Set(['', 'و']);
const SHORT_PREFIX: ReadonlySet<string> = new Set(['', 'و', 'ف']);

/** Readings allowed on the first word of a number: short stems (ست) only after و/ف (not لست). */
function firstReadings(t: Token) {
  return readings(t, ANY_PREFIX).filter((r) => r.stem.length > 2 || SHORT_PREFIX.has(r.prefix));
}

type State = 'none' | 'U' | 'teen' | 'T' | 'UT' | 'H' | 'S';

/**
 * Cardinal number words: units (masculine/feminine, all cases), teens (ثلاثة عشر, اثنا عشر,
 * إحدى عشرة), tens, hundreds (مئة, مائتي, ثلاثمائة, ثلاث مئة), scales (ألف, آلاف, مليون, ألفان),
 * and compounds joined by و in the Arabic order (ثلاثة وعشرين, مئة وخمسة وعشرون, ألف ومئتان,
 * ثلاثة آلاف وخمسمائة). A و-joined word must continue the grammar, so «خمسة وستة» is two numbers.
 */
export const arCardinalParser: NumberParser = {
  name: 'ar-cardinal',
  firstWords: () => {
    const w = arWords();
    return [
      ...[w.units, w.teenOnly, w.tens, w.hundreds, w.scales, w.plurals, w.duals].flatMap((m) => [
        ...m.keys(),
      ]),
      ...w.teen,
      ...w.hundredWord,
    ];
  },
  match(ctx: NumberContext, i: number): NumMatch | null {
    const w = arWords();
    const { tokens } = ctx;
    let total = 0;
    let chunk = 0;
    let lastU = 0;
    let lastScale = Number.POSITIVE_INFINITY;
    let state: State = 'none';
    let pendingTeen = false;
    let end = i;
    let firstPrefix = '';
    for (let j = i; j < ctx.to && j < i + 16; j++) {
      const t = tokens[j]!;
      if (t.kind !== 'word') break;
      const first = j === i;
      let ok = false;
      for (const r of first ? firstReadings(t) : readings(t, W_PREFIX)) {
        const conj = !first && r.prefix === 'و';
        const s = r.stem;
        const afterChunk =
          state === 'U' || state === 'T' || state === 'UT' || state === 'teen' || state === 'H';
        if (!first && !conj && state === 'U' && lastU <= 9 && w.teen.has(s)) {
          chunk += 10;
          state = 'teen';
          pendingTeen = false;
          ok = true;
        } else if (w.units.has(s) || w.teenOnly.has(s)) {
          if (!(first || (conj && (state === 'H' || state === 'S')))) continue;
          if (w.two.has(s) && r.prefix.endsWith('ال')) continue; // الاثنين = Monday
          const u = w.units.get(s) ?? w.teenOnly.get(s)!;
          chunk += u;
          lastU = u;
          pendingTeen = !w.units.has(s);
          state = 'U';
          ok = true;
        } else if (w.tens.has(s)) {
          const v = w.tens.get(s)!;
          if (first || (conj && (state === 'H' || state === 'S'))) state = 'T';
          else if (conj && state === 'U' && !pendingTeen && lastU <= 9) state = 'UT';
          else continue;
          chunk += v;
          ok = true;
        } else if (w.hundreds.has(s) || w.hundredWord.has(s)) {
          if (
            !conj &&
            !first &&
            state === 'U' &&
            lastU >= 3 &&
            lastU <= 9 &&
            chunk === lastU &&
            w.hundredWord.has(s)
          ) {
            chunk = lastU * 100; // ثلاث مئة
          } else if (first || (conj && state === 'S')) {
            chunk += w.hundreds.get(s) ?? 100;
          } else continue;
          state = 'H';
          ok = true;
        } else if (w.scales.has(s) || w.plurals.has(s) || w.duals.has(s)) {
          if (!first && !conj && afterChunk && !pendingTeen) {
            const scale = w.scales.get(s) ?? w.plurals.get(s);
            if (scale === undefined || scale >= lastScale || chunk === 0) continue;
            total += chunk * scale;
            chunk = 0;
            lastScale = scale;
          } else if (first || (conj && state === 'S')) {
            if (w.plurals.has(s) && !w.scales.has(s)) continue; // آلاف alone is vague
            const v = w.scales.get(s) ?? w.duals.get(s)!;
            const unit = w.scales.get(s) ?? w.duals.get(s)! / 2;
            if (unit >= lastScale) continue;
            total += v;
            lastScale = unit;
          } else continue;
          state = 'S';
          ok = true;
        }
        if (ok) {
          if (first) firstPrefix = r.prefix;
          break;
        }
      }
      if (!ok) break;
      end = j + 1;
    }
    if (end === i || pendingTeen) return null;
    return { start: i, end, value: { value: total + chunk, kind: 'exact' }, prefix: firstPrefix };
  },
};

/** Vague quantities: عشرات (10), مئات (100), آلاف (1000), عدد من / عدة / بعض / بضعة (3); عشرات الآلاف = 10,000. */
export const arVagueParser: NumberParser = {
  name: 'ar-vague',
  firstWords: () => [...arWords().vaguePhrases.firstKeys(), ...arWords().vague.keys()],
  match(ctx, i) {
    const w = arWords();
    const { tokens } = ctx;
    let value: number;
    let end: number;
    let prefix = '';
    const ph = w.vaguePhrases.matchAt(tokens, i, ANY_PREFIX, ctx.to);
    if (ph) {
      value = ph.value;
      end = ph.end;
      prefix = ph.prefix;
    } else {
      const hit = lookup(tokens[i], w.vague);
      if (!hit || (hit.value < 10 && hit.prefix.includes('ال'))) return null;
      value = hit.value;
      end = i + 1;
      prefix = hit.prefix;
    }
    if (end < ctx.to) {
      const sc = lookup(tokens[end], w.vagueScales, new Set(['']));
      if (sc && sc.value > value) {
        value *= sc.value;
        end++;
      }
    }
    return { start: i, end, prefix, value: { value, kind: 'vague', vague: true } };
  },
};

/** Ordinals: الأول/الأولى … العاشر/العاشرة, الحادي عشر (not «الثاني» after كانون/تشرين: a month). */
export const arOrdinalParser: NumberParser = {
  name: 'ar-ordinal',
  firstWords: () => arWords().ordinals.firstKeys(),
  match(ctx, i) {
    const w = arWords();
    const { tokens } = ctx;
    const prev = i > ctx.from ? tokens[i - 1] : undefined;
    if (prev?.forms.some((f) => w.ordinalBlockers.has(f))) return null;
    const h = w.ordinals.matchAt(tokens, i, ANY_PREFIX, ctx.to);
    if (!h) return null;
    return {
      start: i,
      end: h.end,
      prefix: h.prefix,
      value: { value: h.value, kind: 'exact', ordinal: true },
    };
  },
};

/**
 * Dual nouns that carry the number: قتيلان/قتيلين, جنديين, شخصان, امرأتين, يومين (a duration).
 * For nouns whose sound plural also ends in ين (مدنيين, مسلحين), only the ان form counts.
 * A following اثنان/اثنين joins the span («جنديين اثنين»).
 */
export const arDualParser: NumberParser = {
  name: 'ar-dual',
  match(ctx, i) {
    const w = arWords();
    const { tokens } = ctx;
    const t = tokens[i]!;
    if (t.kind !== 'word') return null;
    for (const r of readings(t, ANY_PREFIX)) {
      const s = r.stem;
      if (s.length < 4) continue;
      const suf = s.slice(-2);
      if (suf !== 'ان' && suf !== 'ين') continue;
      let base = s.slice(0, -2);
      let entry = w.dualNouns.get(base);
      if (!entry && base.endsWith('ت')) {
        base = base.slice(0, -1) + 'ه';
        entry = w.dualNouns.get(base);
      }
      if (!entry || (suf === 'ين' && entry.ynPlural)) continue;
      let end = i + 1;
      const next = end < ctx.to ? tokens[end] : undefined;
      if (next && lookup(next, w.two, new Set(['']))) end++;
      return {
        start: i,
        end,
        prefix: r.prefix,
        value: { value: 2, kind: 'exact', dual: true, ...(entry.unit ? { unit: entry.unit } : {}) },
      };
    }
    return null;
  },
};

let config: NumberConfig | null = null;

/** The Arabic configuration: parsers (tried at each token, longest wins), then refiners. */
export function arNumberConfig(): NumberConfig {
  config ??= {
    lang: 'ar',
    lex: numberLexicon('ar'),
    parsers: [digitParser, arOrdinalParser, arCardinalParser, arVagueParser, arDualParser],
    refiners: [unitRefiner, rangeRefiner, modifierRefiner],
  };
  return config;
}
