import { dropProvisionalRefiner, weekdayDateRefiner } from '../common/engine.js';
import { dateLexicon } from '../common/lexicon.js';
import {
  dayMonthParser,
  enAgoParser,
  monthDayParser,
  monthParser,
  numericDateParser,
  periodParser,
  relativeDayParser,
  weekdayParser,
  yearParser,
} from '../common/parsers.js';
import { dayAt, dayValue, m, tok } from '../common/parts.js';
import type { DateConfig, DateParser } from '../types.js';

/** "on the 21st": a day of the month alone, in the publication month or the one before. */
export const onTheDayParser: DateParser = {
  name: 'en-on-the-nth',
  firstWords: () => ['the'],
  match(ctx, i) {
    if (!ctx.pub || tok(ctx, i)?.norm !== 'the' || tok(ctx, i - 1)?.norm !== 'on') return null;
    const day = dayAt(ctx, i + 1);
    if (!day || day.end !== i + 3) return null; // needs the suffix: the 21st
    const next = tok(ctx, day.end);
    if (next && next.norm === 'of') return null;
    let { y, m: mo } = ctx.pub;
    if (day.d > ctx.pub.d) {
      mo -= 1;
      if (mo === 0) {
        mo = 12;
        y -= 1;
      }
    }
    return m(i, day.end, dayValue(y, mo, day.d, true));
  },
};

let config: DateConfig | null = null;

export function enDateConfig(): DateConfig {
  config ??= {
    lang: 'en',
    lex: dateLexicon('en'),
    parsers: [
      numericDateParser,
      monthDayParser,
      dayMonthParser,
      monthParser,
      yearParser,
      relativeDayParser,
      weekdayParser,
      periodParser,
      enAgoParser,
      onTheDayParser,
    ],
    refiners: [weekdayDateRefiner, dropProvisionalRefiner],
  };
  return config;
}
