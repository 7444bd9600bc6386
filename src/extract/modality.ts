import { BLOCKING_CUE_KINDS } from '../lexicon/cues.js';
import type { Doc } from '../text/types.js';
import type { CueHit, TriggerHit } from './types.js';

/** Cue kinds that mean a trigger does not report a real, recent event (non-event phrases aside). */
export const BLOCKING_KINDS = new Set<string>(BLOCKING_CUE_KINDS.filter((k) => k !== 'non_event'));

/** Punctuation that ends a clause. */
export const CLAUSE_BREAKS = new Set(['،', ',', '؛', ';', ':', '(', ')', '«', '»', '"', '“', '”', '-', '—']);

/** Whether a clause boundary (comma, semicolon, quote) lies between tokens a and b (a < b). */
export function clauseBreakBetween(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (CLAUSE_BREAKS.has(doc.tokens[k]!.text)) return true;
  return false;
}

/**
 * Why a trigger is not an event report, or null. A cue blocks by its scope: `sentence` (anywhere
 * in the sentence), `clause` (a cue before the trigger in the same clause), `nextN` (the trigger
 * starts within N tokens after the cue), `prev` (a cue after the trigger in the same clause, as in
 * "X happened, he claimed"). Negation is always local: it blocks only a trigger within three tokens.
 */
export function blockReason(doc: Doc, trigger: TriggerHit, cues: CueHit[]): string | null {
  for (const c of cues) {
    if (c.sentence !== trigger.sentence) continue;
    const kind = c.entry.kind;
    const overlap = c.tokenStart < trigger.tokenEnd && trigger.tokenStart < c.tokenEnd;
    // a phrase that contains a trigger word but reports nothing (ضربة جزاء, heart attack)
    if (kind === 'non_event' && (overlap || c.entry.scope === 'sentence')) return kind;
    if (!BLOCKING_KINDS.has(kind)) continue;
    if (overlap) continue; // the cue is the trigger's own word
    // people protesting at a trial or chanting at a funeral are protesting now
    if (
      (kind === 'trial' || kind === 'funeral') &&
      /protest|demonstrat|riot|mob/i.test(trigger.entry.subEventType)
    )
      continue;
    const before = c.tokenEnd <= trigger.tokenStart;
    const dist = before ? trigger.tokenStart - c.tokenEnd : c.tokenStart - trigger.tokenEnd;
    if (kind === 'negation') {
      if (before && dist <= 2) return kind;
      continue;
    }
    const scope = c.entry.scope;
    // a sentence-wide cue after the trigger, in another clause («...، over the past year»), only
    // qualifies its own clause
    if (scope === 'sentence' && !before && clauseBreakBetween(doc, trigger.tokenEnd, c.tokenStart)) continue;
    if (scope === 'sentence') return kind;
    if (scope === 'clause' && before && !clauseBreakBetween(doc, c.tokenEnd, trigger.tokenStart)) return kind;
    // a time adverbial of the past («منذ سنوات», "years ago") dates its whole clause
    if (
      kind === 'history' &&
      scope === 'clause' &&
      !before &&
      !clauseBreakBetween(doc, trigger.tokenEnd, c.tokenStart)
    ) {
      return kind;
    }
    const m = /^next(\d+)$/.exec(scope);
    if (m && before && dist < Number(m[1])) return kind;
    if (scope === 'prev' && !before && !clauseBreakBetween(doc, trigger.tokenEnd, c.tokenStart)) return kind;
  }
  return null;
}
