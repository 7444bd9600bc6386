/**
 * A plausibility guard on one event's toll: a figure of many thousands (resources/background/
 * limits.json `maxEventFatalities`) is almost always a war's total or a campaign's, told in
 * passing. It is kept only when its sentence is clearly about that one event: a specific event
 * word (not a bare "killed") in the figure's clause and a recent day-level date in its sentence.
 */
import type { Doc } from '../text/types.js';
import { clauseOf, recentDay } from './background.js';
import type { Annotations, Frame, Range } from './types.js';

/** Whether the figure at `range` is told as the toll of one dated, named event. */
function aboutOneEvent(doc: Doc, ann: Annotations, f: Frame, range: Range): boolean {
  const [a, b] = clauseOf(doc, range.tokenStart);
  const specific = f.triggers.some((t) => !t.entry.pseudo && t.tokenStart >= a && t.tokenStart < b);
  if (!specific) return false;
  return ann.dates.some((d) => d.sentence === range.sentence && recentDay(doc.published, d.value));
}

/**
 * Whether a frame's reconciled death toll is credible as one event's: below the limit, or at or
 * above it with every figure used told as the toll of one dated event.
 */
export function credibleToll(
  doc: Doc,
  ann: Annotations,
  f: Frame,
  toll: { value: number; used: { range: Range }[] },
  max: number,
): boolean {
  if (toll.value < max) return true;
  return toll.used.length > 0 && toll.used.every((c) => aboutOneEvent(doc, ann, f, c.range));
}
