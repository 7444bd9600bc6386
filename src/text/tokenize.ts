import { memoByString } from '../util/memo.js';
import { segmentArabic } from './ar/clitics.js';
import { normalize } from './normalize.js';
import type { Token, TokenKind } from './types.js';

/**
 * Tokens: words (letters and combining marks, with internal apostrophes, hyphens, tatweel and
 * zero-width joiners), numbers (digits of any script with internal separators), and single
 * punctuation or symbol characters. Whitespace separates. Linear time: one pass, no backtracking.
 */
const TOKEN_RE =
  /[\p{L}\p{M}\u0640\u200c\u200d]+(?:['’-][\p{L}\p{M}]+)*|\p{Nd}+(?:[.,٫٬]\p{Nd}+)*|[^\s\p{L}\p{M}\p{Nd}]/gu;

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

function kindOf(s: string): TokenKind {
  const c = s.codePointAt(0)!;
  if (/\p{Nd}/u.test(s[0]!)) return 'number';
  if (/[\p{L}\p{M}]/u.test(String.fromCodePoint(c))) return 'word';
  if (/\p{P}/u.test(s)) return 'punct';
  return 'symbol';
}

/** Matching forms of an English word: the lowercase form, and without a possessive 's. */
function englishForms(norm: string): string[] {
  const forms = [norm];
  const m = /^(.+)['’]s$/.exec(norm);
  if (m) forms.push(m[1]!);
  return forms;
}

/**
 * A word's forms and segmentation depend on its normalised form only: they are computed once per
 * distinct word, and the tokens of one word share them (read-only), so that the lexicon matchers
 * can keep what a word's forms matched.
 */
const arabicSegmentation = memoByString(segmentArabic);
const latinForms = memoByString((norm: string): readonly string[] => englishForms(norm));
const plainForms = memoByString((norm: string): readonly string[] => [norm]);

/** Tokenises `text` between `from` and `to`, appending to `out`. Sentence indices are set later. */
export function tokenize(text: string, from = 0, to = text.length, out: Token[] = []): Token[] {
  const slice = text.slice(from, to);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m !== null; m = TOKEN_RE.exec(slice)) {
    const surface = m[0];
    // A word is broken at a zero-width non-joiner boundary only by the regex; keep as is.
    const norm = normalize(surface);
    const kind = kindOf(surface);
    let forms: readonly string[];
    let prefix = '';
    let stem = norm;
    let suffix = '';
    if (kind === 'word' && ARABIC_LETTER.test(surface)) {
      const seg = arabicSegmentation(norm);
      forms = seg.forms;
      prefix = seg.best.prefix;
      stem = seg.best.stem;
      suffix = seg.best.suffix;
    } else if (kind === 'word') {
      forms = latinForms(norm);
    } else {
      forms = plainForms(norm);
    }
    out.push({
      i: out.length,
      start: from + m.index,
      end: from + m.index + surface.length,
      text: surface,
      norm,
      forms,
      prefix,
      stem,
      suffix,
      kind,
      sentence: -1,
    });
  }
  return out;
}
