/**
 * Place-name comparison. Names are compared after dropping Arabic articles (al-, el-, ad-, as-, ar-, …),
 * a final -ah/-eh, vowels, hyphens, apostrophes and spaces, and collapsing doubled letters; a small table
 * of known spelling variants (Hasaka/Hasakeh, Deir ez-Zor/Dayr az Zawr, …) maps variants to one key.
 */

/** Article tokens dropped wherever they stand as a separate word (Al Hasakeh, Deir ez-Zor, Es Senia). */
const ARTICLES = new Set([
  'al',
  'el',
  'il',
  'ul',
  'ad',
  'ed',
  'adh',
  'an',
  'en',
  'ar',
  'er',
  'as',
  'es',
  'ash',
  'esh',
  'at',
  'et',
  'ath',
  'az',
  'ez',
  'the',
]);

/** Lowercase, strip diacritics and apostrophes, split into word tokens. */
export function nameTokens(name: string): string[] {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʿʾ´]/g, '');
  return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function squeeze(token: string): string {
  let t = token;
  if (t.length > 3 && /[aeiou]h$/.test(t)) t = t.slice(0, -1);
  t = t.replace(/[aeiou]/g, '');
  return t.replace(/(.)\1+/g, '$1');
}

/** The spelling-insensitive form of a place name ("Al Hasakeh" and "Hasakah" → "hsk"). */
export function normPlace(name: string | null | undefined): string {
  if (!name) return '';
  const toks = nameTokens(name);
  const kept = toks.length > 1 ? toks.filter((t) => !ARTICLES.has(t)) : toks;
  return kept.map(squeeze).join('');
}

/**
 * Known spelling variants of the same place (first is the canonical name). Kept to variants that the
 * normalisation above cannot unify.
 */
export const PLACE_VARIANTS: readonly (readonly string[])[] = [
  ['Al Hasakeh', 'Hasaka', 'Hasakah', 'Hassakeh', 'Hasake', 'Al-Hasakah'],
  ['Deir ez-Zor', 'Deir Ezzor', 'Dayr az Zawr', 'Deir el-Zour', 'Deir Ezour', 'Deir al-Zor', 'Deir Azzor'],
  ['Idlib', 'Idleb'],
  ['Ar-Raqqa', 'Raqqa', 'Raqa', 'Rakka', 'Al Raqqah'],
  ['Daraa', "Dar'a", 'Deraa'],
  ['As-Sweida', 'Sweida', 'Suwayda', 'As Suwayda', 'Sweyda'],
  ['Latakia', 'Lattakia', 'Al Ladhiqiyah', 'Ladhiqiyah'],
  ['Tartus', 'Tartous'],
  ['Homs', 'Hims'],
  ['Hama', 'Hamah', 'Hamat'],
  ['Aleppo', 'Halab'],
  ['Damascus', 'Dimashq'],
  ['Rural Damascus', 'Rif Dimashq', 'Damascus countryside', 'Damascus Countryside', 'Reef Damascus'],
  ['Quneitra', 'Al Qunaytirah', 'Qunaitra'],
  ['Taizz', "Ta'izz", 'Taiz'],
  ['Al Hudaydah', 'Hodeidah', 'Hudaydah', 'Hodeida'],
  ['Sanaa', "Sana'a", 'Amanat al Asimah'],
  ['Saada', "Sa'dah", 'Sadah'],
  ['Ad Dali', "Al Dhale'e", 'Dhale', 'Dhalea', "Ad Dali'"],
];

/**
 * Wider areas: for loose document-level matching a name inside the area matches the area (the crowd
 * gold writes "Damascus" for events in Eastern Ghouta and the other way round).
 */
export const PLACE_AREAS: readonly (readonly string[])[] = [
  ['Damascus', 'Rural Damascus', 'Eastern Ghouta', 'Ghouta', 'Damascus suburbs'],
];

const VARIANT_KEY = new Map<string, string>();
for (const group of PLACE_VARIANTS) {
  const key = normPlace(group[0]);
  for (const v of group) VARIANT_KEY.set(normPlace(v), key);
}

const AREA_KEY = new Map<string, string>();
for (const group of PLACE_AREAS) {
  const key = `area:${placeKey(group[0])}`;
  for (const v of group) AREA_KEY.set(placeKey(v), key);
}

/** The comparison key of a place name: normalised, with known spelling variants unified. */
export function placeKey(name: string | null | undefined): string {
  const n = normPlace(name);
  return VARIANT_KEY.get(n) ?? n;
}

/** Like placeKey, but places inside a known wider area share the area's key. */
export function placeAreaKey(name: string | null | undefined): string {
  const k = placeKey(name);
  return AREA_KEY.get(k) ?? k;
}

/** Same place (both names non-empty). */
export function samePlace(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = placeKey(a);
  return ka !== '' && ka === placeKey(b);
}

/**
 * Loose match of a predicted name against a (possibly noisy, multi-place) gold location string:
 * equal area keys, or the predicted name occurs as a run of words inside the gold string
 * ("Tal Abyad Raqqa" ⊇ "Ar-Raqqa", "Damascus Aleppo and Idleb" ⊇ "Idlib", "Northern Homs" ⊇ "Homs").
 */
export function placeInGold(gold: string, pred: string | null | undefined): boolean {
  if (!pred || !gold) return false;
  const pk = placeAreaKey(pred);
  if (!pk) return false;
  if (pk === placeAreaKey(gold)) return true;
  const toks = nameTokens(gold);
  for (let i = 0; i < toks.length; i++) {
    for (let j = i + 1; j <= Math.min(toks.length, i + 4); j++) {
      if (placeAreaKey(toks.slice(i, j).join(' ')) === pk) return true;
    }
  }
  return false;
}
