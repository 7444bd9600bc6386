/**
 * Normalisation for matching. The original text is never changed: every function here returns
 * a new string and, where needed, a map from each normalised character back to its offset in
 * the original, so matches found on the normalised text become evidence offsets into the original.
 */

/** Characters removed entirely: tatweel, Arabic diacritics and Quranic marks, zero-width and bidi controls. */
function isDropped(cp: number): boolean {
  return (
    cp === 0x0640 || // tatweel
    (cp >= 0x064b && cp <= 0x065f) || // harakat, tanwin, shadda, sukun, ...
    cp === 0x0670 || // superscript alef
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    cp === 0x00ad || // soft hyphen
    (cp >= 0x200b && cp <= 0x200f) || // zero width space/joiners, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff ||
    cp === 0x061c // Arabic letter mark
  );
}

const LETTER_MAP: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي', // Persian yeh
  ې: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ک: 'ك', // Persian keheh
  ڪ: 'ك',
  گ: 'ك',
  پ: 'ب',
  چ: 'ج',
  ڤ: 'ف',
  ژ: 'ز',
};

/** Normalises one code point (already NFKC-decomposed into `s`) to its matching form. */
function mapCodePoint(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isDropped(cp)) continue;
    if (cp >= 0x0660 && cp <= 0x0669) {
      out += String.fromCharCode(48 + cp - 0x0660);
      continue;
    }
    if (cp >= 0x06f0 && cp <= 0x06f9) {
      out += String.fromCharCode(48 + cp - 0x06f0);
      continue;
    }
    if (cp === 0x066b) {
      out += '.'; // Arabic decimal separator
      continue;
    }
    if (cp === 0x066c) {
      out += ','; // Arabic thousands separator
      continue;
    }
    const m = LETTER_MAP[ch];
    if (m !== undefined) {
      out += m;
      continue;
    }
    out += ch.toLowerCase();
  }
  return out;
}

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** map[i] is the offset in the original of normalised character i; map[text.length] is the original length. */
  map: Int32Array;
}

/**
 * Normalises a whole text and keeps, for every normalised character, the offset of the original
 * character it came from. NFKC is applied code point by code point so the mapping stays exact.
 */
export function normalizeWithMap(original: string): Normalized {
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let ch = original.slice(i, i + width);
    // Lone surrogates stay as they are (normalize() would keep them too).
    if (cp < 0x80) {
      const lower = cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
      parts.push(lower);
      map.push(i);
    } else {
      ch = ch.normalize('NFKC');
      const out = mapCodePoint(ch);
      for (let k = 0; k < out.length; k++) map.push(i);
      if (out) parts.push(out);
    }
    i += width;
  }
  map.push(original.length);
  return { text: parts.join(''), map: Int32Array.from(map) };
}

/** Normalises a string for matching (no offset map). */
export function normalize(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
    else out += mapCodePoint(ch.normalize('NFKC'));
  }
  return out;
}

const ARABIC_RE = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function hasArabic(s: string): boolean {
  return ARABIC_RE.test(s);
}
