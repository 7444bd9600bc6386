/**
 * Name keys for gazetteer matching. Latin names: lowercase, no diacritics, no apostrophes or
 * ayn/hamza marks, split into parts at spaces and hyphens, Arabic articles (al-, el-, ash-, ...)
 * dropped. Arabic names: the project normaliser (text/normalize.ts) and the article ال dropped
 * from each word. The skeleton is a transliteration-tolerant key (consonants only, with common
 * digraphs folded) used as a lower-confidence fallback.
 */
import { normalize } from '../text/normalize.js';

const ARTICLES = new Set([
  'al',
  'el',
  'il',
  'ul',
  'ar',
  'er',
  'as',
  'es',
  'ash',
  'esh',
  'ad',
  'ed',
  'adh',
  'an',
  'en',
  'at',
  'et',
  'ath',
  'az',
  'ez',
  'aş',
]);

export function isArticle(part: string): boolean {
  return ARTICLES.has(part);
}

const MARKS = /[\u0300-\u036f]/g;
const QUOTES = /['’‘`ʿʾʻʼ′"“”]/g;

/** Lowercase, strip diacritics and apostrophe-like marks; keep letters, digits, spaces, hyphens. */
export function latinClean(s: string): string {
  return s
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(QUOTES, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9\s-]/g, ' ');
}

/** Parts of a Latin name without articles: "Deir ez-Zor" → ["deir", "zor"]. */
export function latinParts(s: string): string[] {
  const parts = latinClean(s)
    .split(/[\s-]+/)
    .filter((p) => p.length > 0);
  const kept = parts.filter((p) => !ARTICLES.has(p));
  return kept.length ? kept : parts;
}

/** One-string Latin key: "Al-Hasakah" → "hasakah". */
export function latinKey(s: string): string {
  return latinParts(s).join(' ');
}

/** Consonant skeleton of a Latin name: "Dayr az Zawr" and "Deir ez-Zor" → "drzr". */
export function skeleton(s: string): string {
  return skeletonOfParts(latinParts(s));
}

/** The skeleton of a name already split by latinParts. */
export function skeletonOfParts(parts: readonly string[]): string {
  let k = parts.join('');
  k = k
    .replace(/dj/g, 'j')
    .replace(/ou/g, 'u')
    .replace(/ph/g, 'f')
    .replace(/[kg]h/g, (m) => m[0]!)
    .replace(/[dt]h/g, (m) => m[0]!)
    .replace(/sh|ch/g, 's')
    .replace(/q/g, 'k')
    .replace(/c/g, 'k')
    .replace(/j/g, 'g')
    .replace(/x/g, 'ks')
    .replace(/[aeiouyw]/g, '')
    .replace(/h$/g, '');
  // Collapse doubled letters (Raqqa → rk).
  let out = '';
  for (const ch of k) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/**
 * Looser skeleton keys for a skeleton: g/k one class (ق is written g, k or q; ج g or j), and,
 * for names glued to their article ("Lakhdaria" = الأخضرية), the key without a leading l.
 */
export function looseSkeleton(sk: string): string[] {
  const a = sk.replace(/g/g, 'k');
  const out = [a];
  if (a.length >= 4 && a.startsWith('l')) out.push(a.slice(1));
  return out;
}

const ARABIC_ONLY = /^[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06FA-\u06FF\s\u0640\u064B-\u065F\u0670-]+$/;
const LATIN_ONLY = /^[\p{Script=Latin}\s'’‘`ʿʾʻʼ.-]+$/u;

export function isArabicName(s: string): boolean {
  return ARABIC_ONLY.test(s) && /[\u0621-\u064A]/.test(s);
}

export function isLatinName(s: string): boolean {
  return LATIN_ONLY.test(s) && /\p{L}/u.test(s);
}

/** Arabic words of a name, normalised, with the article dropped where a stem of 2+ letters remains. */
export function arabicParts(s: string): string[] {
  return normalize(s)
    .replace(/[-_()،,.]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(arabicWordKey);
}

export function arabicWordKey(w: string): string {
  if (w.startsWith('ال') && w.length >= 4) return w.slice(2);
  return w;
}

export function arabicKey(s: string): string {
  return arabicParts(s).join(' ');
}

/** A key for either script. */
export function nameKey(s: string): string {
  return /[\u0600-\u06FF]/.test(s) ? arabicKey(s) : latinKey(s);
}

/** Admin-name comparison key (as in ACLED scoring: no articles, no vowels). */
export function adminCompareKey(s: string): string {
  return skeleton(s);
}

const AR_SKELETON: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'g',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
};

/** The consonant skeleton of an Arabic name, comparable with skeleton() of its transliteration. */
export function arabicSkeleton(s: string): string {
  let k = '';
  for (const ch of arabicParts(s).join('')) k += AR_SKELETON[ch] ?? '';
  k = k.replace(/h$/, '');
  let out = '';
  for (const ch of k) if (out[out.length - 1] !== ch) out += ch;
  return out;
}
