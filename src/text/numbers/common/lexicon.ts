import type { Lang } from '../../types.js';
import type { NumberKind, NumberLexicon } from '../types.js';
import { loadResource, normMap, normSet, PhraseTable, phraseKeys } from './phrases.js';

/** The JSON shape shared by resources/numbers/{ar,en}.json (language-specific fields are optional). */
export interface NumberResource {
  units: Record<string, number>;
  tens: Record<string, number>;
  hundreds?: Record<string, number>;
  hundredWord: string[];
  scales: Record<string, number>;
  scalePlurals?: Record<string, number>;
  scaleDuals?: Record<string, number>;
  teenOnly?: Record<string, number>;
  teenMarker?: string[];
  dozenWord?: string[];
  article?: string[];
  oneBlockers?: string[];
  vague: Record<string, number>;
  vagueNeedsOf?: string[];
  vaguePhrases: Record<string, number>;
  aboutPhrases: Record<string, number>;
  vagueScales: Record<string, number>;
  ordinals: Record<string, number>;
  ordinalBlockers?: string[];
  ordinalSuffixes?: string[];
  modifiersBefore: Record<string, NumberKind>;
  modifiersAfter: Record<string, NumberKind>;
  rangeStart: string[];
  rangeJoin: string[];
  unitWords: Record<string, string>;
  currencyBefore?: string[];
  yearBefore: string[];
  yearAfter: string[];
  timeBefore: string[];
  timeAfter: string[];
  dualNouns?: { sg: string; ynPlural?: boolean; unit?: string }[];
}

const lexicons = new Map<Lang, NumberLexicon>();

export function numberResource(lang: Lang): NumberResource {
  return loadResource<NumberResource>('numbers', `${lang}.json`);
}

/** The compiled lexicon used by the shared parsers and refiners. */
export function numberLexicon(lang: Lang): NumberLexicon {
  let lex = lexicons.get(lang);
  if (lex) return lex;
  const r = numberResource(lang);
  const dates = loadResource<{ months: Record<string, number> }>('dates', `${lang}.json`);
  const digitScales = normMap({ ...r.scales, ...(r.scalePlurals ?? {}) });
  for (const w of r.hundredWord) digitScales.set(phraseKeys(w)[0]!, 100);
  lex = {
    lang,
    digitScales,
    modifiersBefore: new PhraseTable(r.modifiersBefore),
    modifiersAfter: new PhraseTable(r.modifiersAfter),
    rangeStart: new PhraseTable(
      r.rangeStart.map((k) => [k, k !== 'من' && k !== 'from'] as [string, boolean]),
    ),
    rangeJoin: normSet(r.rangeJoin),
    unitWords: new PhraseTable(r.unitWords),
    currencyBefore: normSet(r.currencyBefore ?? []),
    yearBefore: normSet(r.yearBefore),
    yearAfter: normSet(r.yearAfter),
    timeBefore: normSet(r.timeBefore),
    timeAfter: normSet(r.timeAfter),
    ordinalSuffixes: normSet(r.ordinalSuffixes ?? []),
    months: new PhraseTable(dates.months),
  };
  lexicons.set(lang, lex);
  return lex;
}
