import { loadResource, normMap, normSet, PhraseTable } from '../../numbers/common/phrases.js';
import type { Lang } from '../../types.js';
import type { DateLexicon } from '../types.js';

/** The JSON shape of resources/dates/{ar,en}.json. */
interface DateResource {
  months: Record<string, number>;
  ambiguousMonths: string[];
  weekdays: Record<string, number>;
  weekdayAbbrevs: Record<string, number>;
  weekdayBlockersAfter: string[];
  weekdayBlockersBefore: string[];
  dayWord: string[];
  dayParts: string[];
  dayPartsAfter: string[];
  relativeDays: Record<string, number>;
  todayBlockersAfter: string[];
  past: string[];
  future: string[];
  current: string[];
  weekWords: string[];
  monthWords: string[];
  yearWords: string[];
  agoWords: string[];
  agoUnits: Record<string, [string, number]>;
  monthContextBefore: string[];
  yearPrepsBefore: string[];
  yearWordsBefore: string[];
  yearSuffix: string[];
  dayConnectors: string[];
  weekdayDateConnectors: string[];
}

const lexicons = new Map<Lang, DateLexicon>();

export function dateLexicon(lang: Lang): DateLexicon {
  let lex = lexicons.get(lang);
  if (lex) return lex;
  const r = loadResource<DateResource>('dates', `${lang}.json`);
  lex = {
    lang,
    months: new PhraseTable(r.months),
    ambiguousMonths: normSet(r.ambiguousMonths),
    weekdays: new PhraseTable(r.weekdays),
    weekdayAbbrevs: new PhraseTable(r.weekdayAbbrevs),
    weekdayBlockersAfter: normSet(r.weekdayBlockersAfter),
    weekdayBlockersBefore: normSet(r.weekdayBlockersBefore),
    dayWord: normSet(r.dayWord),
    dayParts: new PhraseTable(r.dayParts.map((k) => [k, true] as [string, boolean])),
    dayPartsAfter: normSet(r.dayPartsAfter),
    relativeDays: new PhraseTable(r.relativeDays),
    todayBlockersAfter: normSet(r.todayBlockersAfter),
    past: normSet(r.past),
    future: normSet(r.future),
    current: new PhraseTable(r.current.map((k) => [k, true] as [string, boolean])),
    weekWords: normSet(r.weekWords),
    monthWords: normSet(r.monthWords),
    yearWords: normSet(r.yearWords),
    agoWords: normSet(r.agoWords),
    agoUnits: normMap(r.agoUnits),
    monthContextBefore: normSet(r.monthContextBefore),
    yearPrepsBefore: normSet(r.yearPrepsBefore),
    yearWordsBefore: normSet(r.yearWordsBefore),
    yearSuffix: normSet(r.yearSuffix),
    dayConnectors: normSet(r.dayConnectors),
    weekdayDateConnectors: normSet(r.weekdayDateConnectors),
  };
  lexicons.set(lang, lex);
  return lex;
}
