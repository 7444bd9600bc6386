import type { Sentence, Token } from './types.js';

/** Sentence-final punctuation: Latin and Arabic full stops, question marks (؟), exclamation, Arabic semicolon ؛. */
const TERMINATORS = new Set(['.', '!', '?', '؟', '؛', '…', '۔']);
/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = new Set(['»', '"', '”', '’', "'", ')', ']', '›']);
const OPENERS = new Set(['«', '“', '(', '[', '‹']);

/** English abbreviations that end in a full stop without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'brig',
  'cpl',
  'pvt',
  'adm',
  'gov',
  'sen',
  'rep',
  'prof',
  'jr',
  'sr',
  'no',
  'vs',
  'etc',
  'inc',
  'co',
  'corp',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.n',
  'e.g',
  'i.e',
  'approx',
  'km',
  'mt',
]);

function isAbbreviation(tokens: Token[], dot: number): boolean {
  const prev = tokens[dot - 1];
  if (!prev || prev.end !== tokens[dot]!.start || prev.kind !== 'word') return false;
  if (ABBREVIATIONS.has(prev.norm)) return true;
  // Initials and dotted acronyms: "U.S.", "A."
  if (/^[A-Z]$/.test(prev.text)) return true;
  return false;
}

/**
 * Splits the token stream of [from, to) into sentences: after a terminator (with any closing
 * quotes that follow it), and at every line break. A full stop inside «…» or “…” that is not
 * followed by the closing quote does not end the sentence when the quote stays open on the same line.
 */
export function splitSentences(
  text: string,
  tokens: Token[],
  tokenFrom: number,
  tokenTo: number,
  part: 'title' | 'text',
  out: Sentence[],
): void {
  let start = tokenFrom;
  let paragraph = 0;
  let depth = 0;
  const close = (endTok: number) => {
    if (endTok <= start) return;
    const s: Sentence = {
      i: out.length,
      start: tokens[start]!.start,
      end: tokens[endTok - 1]!.end,
      tokenStart: start,
      tokenEnd: endTok,
      part,
      paragraph,
    };
    for (let k = start; k < endTok; k++) tokens[k]!.sentence = s.i;
    out.push(s);
    start = endTok;
  };
  for (let k = tokenFrom; k < tokenTo; k++) {
    const t = tokens[k]!;
    // Line break between the previous token and this one closes the sentence and maybe the paragraph.
    if (k > start) {
      const gap = text.slice(tokens[k - 1]!.end, t.start);
      if (gap.includes('\n')) {
        close(k);
        paragraph++;
        depth = 0;
      }
    } else if (k > tokenFrom) {
      const gap = text.slice(tokens[k - 1]!.end, t.start);
      if (gap.includes('\n')) paragraph++;
    }
    if (OPENERS.has(t.text)) depth++;
    else if (CLOSERS.has(t.text) && t.text !== '"' && t.text !== "'" && depth > 0) depth--;
    if (!TERMINATORS.has(t.text)) continue;
    if (t.text === '.' && isAbbreviation(tokens, k)) continue;
    let end = k + 1;
    while (end < tokenTo && CLOSERS.has(tokens[end]!.text) && tokens[end]!.start === tokens[end - 1]!.end) {
      if (depth > 0) depth--;
      end++;
    }
    if (depth > 0 && end === k + 1) continue; // inside an open quotation
    close(end);
    k = end - 1;
  }
  close(tokenTo);
}
