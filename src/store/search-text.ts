/**
 * Text for full-text search, the same for both stores: normalised (alef/hamza, ى/ي, ة/ه,
 * diacritics, case) and with the Arabic article and its attached prepositions taken off, so that
 * «الحسكة» and «بالحسكة» find «حسكة». FTS5 and PostgreSQL's `simple` configuration then
 * index whole words.
 */
import { normalize } from '../text/normalize.js';

const ARABIC_PREFIX = /^(?:وبال|وال|بال|فال|كال|لل|ال)(?=[\u0621-\u064a]{2,})/u;

/** Splits normalised text into search words. */
export function searchWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalize(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    out.push(raw.replace(ARABIC_PREFIX, ''));
  }
  return out;
}

/** The document text to index. */
export function searchDocument(...parts: (string | undefined)[]): string {
  return searchWords(parts.filter(Boolean).join('\n')).join(' ');
}

/** The words of a user's query (at most 16, each at most 64 characters); empty when nothing is searchable. */
export function queryWords(q: string): string[] {
  return searchWords(q.slice(0, 2000))
    .filter((w) => w.length <= 64)
    .slice(0, 16);
}
