import type { Token } from '../../types.js';
import { digitParser } from '../common/digits.js';
import { numberLexicon, numberResource } from '../common/lexicon.js';
import { normMap, normSet, PhraseTable } from '../common/phrases.js';
import { modifierRefiner, rangeRefiner, unitRefiner } from '../common/refiners.js';
import type { NumberConfig, NumberParser, NumMatch } from '../types.js';

interface EnWords {
  units: Map<string, number>;
  tens: Map<string, number>;
  hundred: Set<string>;
  scales: Map<string, number>;
  dozen: Set<string>;
  article: Set<string>;
  oneBlockers: Set<string>;
  vague: Map<string, number>;
  vagueNeedsOf: Set<string>;
  vaguePhrases: PhraseTable<number>;
  aboutPhrases: PhraseTable<number>;
  vagueScales: Map<string, number>;
  ordinals: Map<string, number>;
}

let words: EnWords | null = null;

function enWords(): EnWords {
  if (words) return words;
  const r = numberResource('en');
  words = {
    units: normMap(r.units),
    tens: normMap(r.tens),
    hundred: normSet(r.hundredWord),
    scales: normMap(r.scales),
    dozen: normSet(r.dozenWord ?? []),
    article: normSet(r.article ?? []),
    oneBlockers: normSet(r.oneBlockers ?? []),
    vague: normMap(r.vague),
    vagueNeedsOf: normSet(r.vagueNeedsOf ?? []),
    vaguePhrases: new PhraseTable(r.vaguePhrases),
    aboutPhrases: new PhraseTable(r.aboutPhrases),
    vagueScales: normMap(r.vagueScales),
    ordinals: normMap(r.ordinals),
  };
  return words;
}

/** A word's value as a small number (0–99), reading hyphenated tens (twenty-three). */
function smallValue(w: EnWords, s: string): { v: number; tens: boolean } | null {
  const u = w.units.get(s);
  if (u !== undefined) return { v: u, tens: false };
  const t = w.tens.get(s);
  if (t !== undefined) return { v: t, tens: true };
  const dash = s.indexOf('-');
  if (dash > 0) {
    const a = w.tens.get(s.slice(0, dash));
    const b = w.units.get(s.slice(dash + 1));
    if (a !== undefined && b !== undefined && b >= 1 && b <= 9) return { v: a + b, tens: false };
  }
  return null;
}

/**
 * Cardinal words: one … nineteen, twenty-three / twenty three, (a|one) hundred, two hundred and
 * fifty, thousand, million, two dozen. "a"/"an" counts only before hundred/thousand/million
 * ("a hundred"), never before an ordinary noun. "and" joins only after hundred or a scale.
 */
export const enCardinalParser: NumberParser = {
  name: 'en-cardinal',
  // an article (a hundred), a unit or a ten, or a hyphenated ten and unit (twenty-three)
  firstWords: () => {
    const w = enWords();
    const joined = [...w.tens.keys()].flatMap((t) =>
      [...w.units].filter(([, v]) => v >= 1 && v <= 9).map(([u]) => `${t}-${u}`),
    );
    return [...w.article, ...w.units.keys(), ...w.tens.keys(), ...joined];
  },
  match(ctx, i): NumMatch | null {
    const w = enWords();
    const { tokens } = ctx;
    let total = 0;
    let chunk = 0;
    let any = false;
    let lastScale = Number.POSITIVE_INFINITY;
    let state: 'none' | 'U' | 'T' | 'H' | 'S' = 'none';
    let end = i;
    const tok = (k: number): Token | undefined => (k < ctx.to ? tokens[k] : undefined);
    for (let j = i; j < ctx.to && j < i + 16; j++) {
      const s = tokens[j]!.norm;
      if (j === i && w.article.has(s)) {
        const n = tok(j + 1)?.norm ?? '';
        if (!(w.hundred.has(n) || w.scales.has(n))) return null; // "a dozen" is read as 'about'
        chunk = 1;
        state = 'U';
        any = true;
        end = j + 1;
        continue;
      }
      if (s === 'and' && (state === 'H' || state === 'S')) {
        const n = smallValue(w, tok(j + 1)?.norm ?? '');
        if (!n) break;
        continue; // the next word is read by the loop
      }
      const small = smallValue(w, s);
      if (small) {
        const prevAnd = j > i && tokens[j - 1]!.norm === 'and';
        if (state === 'none' || state === 'H' || state === 'S') {
          if (state === 'none' && small.v === 1 && j === i) {
            const p = i > ctx.from ? tokens[i - 1]!.norm : '';
            if (w.oneBlockers.has(p)) return null;
          }
          chunk += small.v;
          state = small.tens ? 'T' : 'U';
        } else if (state === 'T' && !small.tens && small.v <= 9 && !prevAnd) {
          chunk += small.v;
          state = 'U';
        } else break;
      } else if (w.hundred.has(s) && (state === 'U' || state === 'T') && chunk < 100 && chunk > 0) {
        chunk *= 100;
        state = 'H';
      } else if (w.dozen.has(s) && (state === 'U' || state === 'T') && chunk > 0 && chunk < 100) {
        chunk *= 12;
        state = 'H';
      } else if (w.scales.has(s) && state !== 'none' && state !== 'S' && chunk > 0) {
        const sc = w.scales.get(s)!;
        if (sc >= lastScale) break;
        total += chunk * sc;
        chunk = 0;
        lastScale = sc;
        state = 'S';
      } else break;
      any = true;
      end = j + 1;
    }
    if (!any || end === i) return null;
    // A lone article is not a number.
    if (end === i + 1 && w.article.has(tokens[i]!.norm)) return null;
    return { start: i, end, value: { value: total + chunk, kind: 'exact' } };
  },
};

/**
 * Vague quantities: dozens (12), scores of (20), tens of (10), hundreds (100), thousands (1000),
 * several / many / a few / a number of (3); with a scale: tens of thousands (10,000), several
 * hundred (300). "a dozen" and "a couple of" are 'about'.
 */
export const enVagueParser: NumberParser = {
  name: 'en-vague',
  firstWords: () => {
    const w = enWords();
    return [...w.aboutPhrases.firstKeys(), ...w.vaguePhrases.firstKeys(), ...w.vague.keys()];
  },
  match(ctx, i) {
    const w = enWords();
    const { tokens } = ctx;
    const tok = (k: number): Token | undefined => (k < ctx.to ? tokens[k] : undefined);
    const about = w.aboutPhrases.matchAt(tokens, i, undefined, ctx.to);
    const ph = w.vaguePhrases.matchAt(tokens, i, undefined, ctx.to);
    let value: number;
    let end: number;
    let kind: 'vague' | 'about' = 'vague';
    if (about && (!ph || about.end >= ph.end)) {
      value = about.value;
      end = about.end;
      kind = 'about';
    } else if (ph) {
      value = ph.value;
      end = ph.end;
    } else {
      const s = tokens[i]!.norm;
      const v = w.vague.get(s);
      if (v === undefined) return null;
      if (w.vagueNeedsOf.has(s) && tok(i + 1)?.norm !== 'of') return null;
      value = v;
      end = i + 1;
    }
    // Multipliers: "tens of thousands", "several hundred", "a few thousand".
    const n1 = tok(end);
    const n2 = tok(end + 1);
    if (n1 && n1.norm === 'of' && n2 && w.vagueScales.has(n2.norm) && n2.norm.endsWith('s')) {
      const sc = w.vagueScales.get(n2.norm)!;
      if (sc > value) {
        value *= sc;
        end += 2;
      }
    } else if (n1 && w.vagueScales.has(n1.norm) && !n1.norm.endsWith('s') && kind === 'vague') {
      value *= w.vagueScales.get(n1.norm)!;
      end++;
    }
    return { start: i, end, value: { value, kind, vague: true } };
  },
};

/** Ordinal words: first, second, third … (numeric ordinals like 21st are read by the digit parser). */
export const enOrdinalParser: NumberParser = {
  name: 'en-ordinal',
  firstWords: () => enWords().ordinals.keys(),
  match(ctx, i) {
    const w = enWords();
    const v = w.ordinals.get(ctx.tokens[i]!.norm);
    if (v === undefined) return null;
    return { start: i, end: i + 1, value: { value: v, kind: 'exact', ordinal: true } };
  },
};

let config: NumberConfig | null = null;

export function enNumberConfig(): NumberConfig {
  config ??= {
    lang: 'en',
    lex: numberLexicon('en'),
    parsers: [digitParser, enOrdinalParser, enCardinalParser, enVagueParser],
    refiners: [unitRefiner, rangeRefiner, modifierRefiner],
  };
  return config;
}
