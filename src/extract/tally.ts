/**
 * A coder's tally: event notes written for a dataset often end with the figure actually recorded
 * for the event ("[13 fatalities recorded]", "3 fatalities recorded in Arish and 2 in Rafah",
 * "14 fatalities recorded, remaining 26 recorded on 5 and 6 March"). That figure is the event's
 * count, whatever larger or split figures the report gives before it.
 */
import type { Doc, Token } from '../text/types.js';
import type { Annotations, Range } from './types.js';

export interface Tally {
  value: number;
  range: Range;
}

const NOUNS = new Set(['fatalities', 'fatality', 'deaths', 'death', 'killed', 'dead']);
const VERBS = new Set(['recorded', 'coded', 'recoded']);
/** Figures for the other events of a split ("remaining 26", "12 other fatalities"). */
const OTHER = new Set(['remaining', 'other', 'further', 'additional']);
/** Words after the verb that make it a statistic, not this event's figure ("recorded since January"). */
const STATISTIC = new Set(['since', 'so', 'this', 'last', 'past', 'during', 'throughout', 'year']);

function rangeOf(doc: Doc, a: number, b: number): Range {
  const t = doc.tokens;
  return { tokenStart: a, tokenEnd: b, start: t[a]!.start, end: t[b - 1]!.end, sentence: t[a]!.sentence };
}

const norm = (t: Token | undefined) => t?.norm ?? '';

/**
 * The recorded figure of an English note, or null. A total spread "over 3 events" is not the
 * event's figure: its first part ("[10 in Arish; ...]") is; figures for "other events" are skipped.
 */
export function findTally(doc: Doc, ann: Annotations): Tally | null {
  if (doc.lang !== 'en') return null;
  const tokens = doc.tokens;
  const numbers = ann.numbers
    .filter((n) => !n.value.ordinal && !n.value.vague && (!n.value.unit || n.value.unit === 'people'))
    .sort((a, b) => a.tokenStart - b.tokenStart);
  for (const n of numbers) {
    if (OTHER.has(norm(tokens[n.tokenStart - 1]))) continue;
    let j = n.tokenEnd;
    if (OTHER.has(norm(tokens[j]))) continue;
    if (NOUNS.has(norm(tokens[j]))) j++;
    if (norm(tokens[j]) === 'were' || norm(tokens[j]) === 'was') j++;
    if (!VERBS.has(norm(tokens[j])) || tokens[j]!.sentence !== tokens[n.tokenStart]!.sentence) continue;
    const after = tokens.slice(j + 1, j + 5).map((t) => t.norm);
    if (after.some((w) => STATISTIC.has(w))) continue;
    // "... recorded in other events"
    if (after[0] === 'in' && OTHER.has(after[1] ?? '')) continue;
    // "32 fatalities recorded over 3 events [10 in Al-Arish; 10 in Rafah ...]": the first part
    const spread =
      ['over', 'across', 'between', 'in'].includes(after[0] ?? '') && after[2]?.startsWith('event');
    if (spread) {
      const part = numbers.find(
        (m) =>
          m.tokenStart > j + 3 &&
          tokens[m.tokenStart]!.sentence === tokens[j]!.sentence &&
          norm(tokens[m.tokenEnd]) === 'in' &&
          /^[A-Z]/.test(tokens[m.tokenEnd + 1]?.text ?? ''),
      );
      if (part) return { value: part.value.value, range: rangeOf(doc, part.tokenStart, part.tokenEnd + 2) };
      continue;
    }
    return { value: n.value.value, range: rangeOf(doc, n.tokenStart, j + 1) };
  }
  return null;
}
