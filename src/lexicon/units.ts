/**
 * Unit designations: actor aliases that name a military unit only by its kind and number
 * («الفرقة 25», «اللواء 106», «الفرقة الرابعة مدرعات», "25th Division", "Fifth Corps"). Armies of
 * many countries have a 25th Division or a 106th Brigade, so such an alias names the unit of the
 * event's country, not the one row of the lexicon that happens to list it.
 */
import { phraseKeys } from './matcher.js';

/** Unit nouns (normalised, Arabic article stripped as in phrase keys). */
const UNIT_NOUNS = new Set([
  'فرقه',
  'لواء',
  'كتيبه',
  'فوج',
  'فيلق',
  'سريه',
  'division',
  'brigade',
  'battalion',
  'regiment',
  'squadron',
  'corps',
]);

/** Ordinal words and suffixes that number a unit (Arabic normalised: ة→ه, ى→ي). */
const ORDINALS = new Set([
  'th',
  'st',
  'nd',
  'rd',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'اول',
  'اولي',
  'ثاني',
  'ثانيه',
  'ثالث',
  'ثالثه',
  'رابع',
  'رابعه',
  'خامس',
  'خامسه',
  'سادس',
  'سادسه',
  'سابع',
  'سابعه',
  'ثامن',
  'ثامنه',
  'تاسع',
  'تاسعه',
  'عاشر',
  'عاشره',
]);

/** Words that describe the kind of unit without naming whose it is. */
const QUALIFIERS = new Set([
  'the',
  '-',
  'armored',
  'armoured',
  'mechanized',
  'mechanised',
  'infantry',
  'special',
  'mission',
  'missions',
  'forces',
  'assault',
  'airborne',
  'commando',
  'قوات',
  'مدرعات',
  'مدرعه',
  'مهام',
  'خاصه',
  'اقتحام',
  'مشاه',
  'ميكانيكيه',
]);

/**
 * Whether an alias is a bare unit designation: a unit noun and a number or ordinal, with at most
 * some words for the kind of unit ("armoured", «مهام خاصة»). A name, a leader or a country in the
 * alias ("Maher al-Assad's 4th Division", «الفرقة الذهبية», «اللواء حفتر») makes it specific.
 */
export function isUnitDesignation(alias: string): boolean {
  const keys = phraseKeys(alias.replace(/^[~!]+/, ''));
  let unit = false;
  let number = false;
  for (const k of keys) {
    if (UNIT_NOUNS.has(k)) unit = true;
    else if (/^\d+$/.test(k) || ORDINALS.has(k)) number = true;
    else if (!QUALIFIERS.has(k)) return false;
  }
  return unit && number;
}
