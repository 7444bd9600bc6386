import type { DateValue } from '../text/dates/index.js';
import type { Span } from '../text/types.js';
import type { Frame } from './types.js';

/** A frame's date from a date span: the value and the words it was read from. */
export function frameDate(d: Span<DateValue>): NonNullable<Frame['date']> {
  return {
    value: d.value,
    range: {
      tokenStart: d.tokenStart,
      tokenEnd: d.tokenEnd,
      start: d.start,
      end: d.end,
      sentence: d.sentence,
    },
  };
}
