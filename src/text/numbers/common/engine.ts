import type { Token } from '../../types.js';
import type { NumberConfig, NumberContext, NumMatch } from '../types.js';

/**
 * Runs a configuration over tokens [from, to): at each token every parser is tried and the longest
 * match wins (the first parser on ties); scanning resumes after it. Then refiners run in order.
 * Parsers look at a bounded number of tokens, so this is linear in the number of tokens.
 */
export function runNumbers(config: NumberConfig, tokens: Token[], from: number, to: number): NumMatch[] {
  const ctx: NumberContext = { tokens, lang: config.lang, lex: config.lex, from, to };
  let matches: NumMatch[] = [];
  for (let i = from; i < to; ) {
    let best: NumMatch | null = null;
    for (const p of config.parsers) {
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
