import type { Token } from '../../types.js';
import type { NumberConfig, NumberContext, NumMatch } from '../types.js';
import { readsAsOneOf } from './phrases.js';

/** The words that open a match of some parser of a configuration (see NumberParser.firstWords). */
const firstWordsOf = new WeakMap<NumberConfig, Set<string>>();

function configFirstWords(config: NumberConfig): Set<string> {
  let words = firstWordsOf.get(config);
  if (!words) {
    words = new Set();
    for (const p of config.parsers) if (p.firstWords) for (const w of p.firstWords()) words.add(w);
    firstWordsOf.set(config, words);
  }
  return words;
}

/**
 * Runs a configuration over tokens [from, to): at each token every parser that can start there
 * (see NumberParser.firstWords) is tried and the longest match wins (the first parser on ties);
 * scanning resumes after it. Then refiners run in order.
 * Parsers look at a bounded number of tokens, so this is linear in the number of tokens.
 */
export function runNumbers(config: NumberConfig, tokens: Token[], from: number, to: number): NumMatch[] {
  const ctx: NumberContext = { tokens, lang: config.lang, lex: config.lex, from, to };
  const words = configFirstWords(config);
  let matches: NumMatch[] = [];
  for (let i = from; i < to; ) {
    let best: NumMatch | null = null;
    const t = tokens[i]!;
    const open = t.kind === 'number' || readsAsOneOf(t, words);
    for (const p of config.parsers) {
      if (!open && p.firstWords) continue;
      const m = p.match(ctx, i);
      if (m && m.end > i && m.end <= to && m.start >= from && (!best || m.end > best.end)) best = m;
    }
    if (best) {
      matches.push(best);
      i = best.end;
    } else i++;
  }
  for (const r of config.refiners) matches = r.refine(ctx, matches);
  return matches;
}
