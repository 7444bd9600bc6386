import type { LangRules } from '../lang.js';

/** English closed-class words (lowercase). */
export const EN_RULES: LangRules = {
  agentMarkers: [['by'], ['carried', 'out', 'by'], ['claimed', 'by'], ['launched', 'by'], ['hands', 'of']],
  targetMarkers: [['against'], ['on'], ['targeting'], ['targeted'], ['at'], ['positions', 'of']],
  partitive: ['of'],
  between: ['between'],
  and: ['and', '&'],
  with: ['with'],
  reportVerbs: ['said', 'says', 'reported', 'announced', 'claimed', 'stated', 'confirmed', 'told'],
  personNouns: [
    'members',
    'member',
    'soldiers',
    'soldier',
    'fighters',
    'fighter',
    'militants',
    'militant',
    'people',
    'persons',
    'civilians',
    'officers',
    'officer',
    'troops',
    'policemen',
    'personnel',
    'elements',
    'supporters',
  ],
  noCasualties: ['no', 'without', 'not', "n't", 'never'],
  auxiliaries: ['were', 'was', 'have', 'has', 'had', 'been', 'be', 'are', 'is', 'reportedly', 'reported', 'also', 'all', 'found', 'confirmed', 'later', 'subsequently', 'others', 'other', 'more'],
};
