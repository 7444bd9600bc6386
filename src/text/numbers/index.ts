import { addSpan, createDoc } from '../doc.js';
import type { Doc, Lang, Span } from '../types.js';
import { arNumberConfig } from './ar/index.js';
import { runNumbers } from './common/engine.js';
import { enNumberConfig } from './en/index.js';
import type { NumberConfig, NumberValue, NumMatch } from './types.js';

export type {
  NumberConfig,
  NumberKind,
  NumberParser,
  NumberRefiner,
  NumberUnit,
  NumberValue,
  NumMatch,
} from './types.js';

/** The configuration (ordered parsers and refiners) for a language. */
export function numberConfig(lang: Lang): NumberConfig {
  return lang === 'ar' ? arNumberConfig() : enNumberConfig();
}

/** Number matches over tokens [from, to) without adding spans (used by the date parsers). */
export function numberMatches(doc: Doc, from = 0, to = doc.tokens.length, lang: Lang = doc.lang): NumMatch[] {
  return runNumbers(numberConfig(lang), doc.tokens, from, to);
}

/** The number that starts exactly at token i (within its sentence), or null. */
export function numberAt(doc: Doc, i: number, to: number, lang: Lang = doc.lang): NumMatch | null {
  if (i < 0 || i >= to || to > doc.tokens.length) return null;
  const cfg = numberConfig(lang);
  const ctx = { tokens: doc.tokens, lang, lex: cfg.lex, from: i, to };
  let best: NumMatch | null = null;
  for (const p of cfg.parsers) {
    const m = p.match(ctx, i);
    if (m && m.start === i && m.end <= to && (!best || m.end > best.end)) best = m;
  }
  return best;
}

/**
 * Finds numbers in the document, sentence by sentence, with the configuration of doc.lang (digits
 * of every script are read in both). Adds spans labelled 'number' and returns them sorted by start.
 */
export function findNumbers(doc: Doc): Span<NumberValue>[] {
  const out: Span<NumberValue>[] = [];
  for (const s of doc.sentences) {
    for (const m of numberMatches(doc, s.tokenStart, s.tokenEnd)) {
      if (m.start < s.tokenStart || m.end > s.tokenEnd || m.end <= m.start) continue;
      out.push(addSpan(doc, 'number', m.start, m.end, m.value));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Parses a short phrase that should be one number ("أكثر من ثلاثين", "at least 12"); null otherwise. */
export function parseNumberPhrase(text: string, lang: Lang): NumberValue | null {
  const doc = createDoc({ text, lang });
  const ms = numberMatches(doc, 0, doc.tokens.length);
  return ms.length ? ms[0]!.value : null;
}
