/**
 * The extractor's confidence in an event: an additive score over what the report gives, so that
 * an event at 0.8 or more is one whose type is named by a strong trigger, whose actors and place
 * are in the text, and which nothing contradicts. The weights were set by hand and checked on the
 * dev sets (`npm run eval` prints the precision of events at confidence ≥ 0.8).
 */
export interface ConfidenceFeatures {
  /** Weight of the trigger that decided the type (0.1–1). */
  triggerWeight: number;
  /** The type was inferred from a bare killing/attack, not named. */
  inferred: boolean;
  /** Triggers of several event types in the report. */
  multiType: boolean;
  /** The perpetrator (actor1) is named in the text and is a specific group. */
  namedAgent: boolean;
  /** Some actor of the event is named in the text. */
  anyActor: boolean;
  /** The place is named in the event's own sentence. */
  placeInSentence: boolean;
  /** A location could be resolved at all (own sentence or article default). */
  located: boolean;
  /** The date is written in the event's sentence. */
  explicitDate: boolean;
  /** Reported more than once in the article (title, lead, body). */
  corroborated: boolean;
  /** The death toll is a vague figure. */
  vagueDeaths: boolean;
  /** A toll too large for one event was dropped (plausible.ts): the report mixes in a total. */
  droppedToll?: boolean;
  /** Split from a report that names a list of places. */
  split: boolean;
  /** Sentences of the article report the event as different types. */
  typeConflict: boolean;
}

export function confidenceOf(f: ConfidenceFeatures): number {
  let c = 0.35 + 0.35 * f.triggerWeight;
  if (f.namedAgent) c += 0.1;
  if (f.anyActor) c += 0.05;
  if (f.placeInSentence) c += 0.08;
  if (!f.located) c -= 0.15;
  if (f.explicitDate) c += 0.04;
  if (f.corroborated) c += 0.08;
  if (f.inferred) c -= 0.2;
  if (f.multiType) c -= 0.12;
  if (f.vagueDeaths) c -= 0.1;
  if (f.droppedToll) c -= 0.15;
  if (f.split) c -= 0.1;
  if (f.typeConflict) c -= 0.15;
  return Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100;
}
