import { dropProvisionalRefiner, weekdayDateRefiner } from '../common/engine.js';
import { dateLexicon } from '../common/lexicon.js';
import {
  arAgoParser,
  dayMonthParser,
  monthParser,
  numericDateParser,
  periodParser,
  relativeDayParser,
  weekdayParser,
  yearParser,
} from '../common/parsers.js';
import type { DateConfig } from '../types.js';

let config: DateConfig | null = null;

/** The Arabic date configuration: parsers (longest match wins, the first on ties), then refiners. */
export function arDateConfig(): DateConfig {
  config ??= {
    lang: 'ar',
    lex: dateLexicon('ar'),
    parsers: [
      numericDateParser,
      dayMonthParser,
      monthParser,
      yearParser,
      relativeDayParser,
      weekdayParser,
      periodParser,
      arAgoParser,
    ],
    refiners: [weekdayDateRefiner, dropProvisionalRefiner],
  };
  return config;
}
