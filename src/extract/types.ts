import type { ResolvedLocation } from '../geo/index.js';
import type { ActorEntry, ResolvedActor } from '../lexicon/actors.js';
import type { CueEntry } from '../lexicon/cues.js';
import type { TriggerEntry } from '../lexicon/triggers.js';
import type { EventType } from '../model/taxonomy.js';
import type { DateValue } from '../text/dates/index.js';
import type { NumberValue } from '../text/numbers/index.js';
import type { Span } from '../text/types.js';
import type { Background } from './background.js';

/** A token range with character offsets. */
export interface Range {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  sentence: number;
}

export interface ActorMention extends Range {
  entries: ActorEntry[];
  /** Resolved for the article's country and year (null when it cannot be resolved). */
  actor: ResolvedActor | null;
  /** An anaphor (التنظيم، القوات، the group) resolved to an earlier mention. */
  anaphor?: boolean;
  /**
   * A further nationality of one weapon noun («العدوان الأمريكي البريطاني», "US and British
   * warplanes"): an ally of the mention it follows, never a side of its own.
   */
  conjunct?: boolean;
}

export interface TriggerHit extends Range {
  entry: TriggerEntry;
}

export interface CueHit extends Range {
  entry: CueEntry;
}

export interface PlaceHit extends Range {
  location: ResolvedLocation | null;
  regionOnly: boolean;
  dateline: boolean;
}

/** Everything the classifiers found in a document, grouped by kind and sorted by position. */
export interface Annotations {
  numbers: Span<NumberValue>[];
  dates: Span<DateValue>[];
  places: PlaceHit[];
  actors: ActorMention[];
  triggers: TriggerHit[];
  cues: CueHit[];
  /** Clauses about a war as a whole or a total since an earlier time (background.ts). */
  background?: Background;
  /** ISO2 and English name of the article's main country, if known. */
  country?: { iso2: string; name: string; iso: number };
  /** The article's year (from `published`), for actor validity periods. */
  year?: number;
}

export type VictimClass = 'civilian' | 'armed' | 'militant' | 'unknown';

/** A count of people (killed, wounded, arrested) found for a frame. */
export interface Count {
  value: number;
  range: Range;
  /** Vague or inferred (no number given: "قتلى", a combined killed-and-wounded figure). */
  vague: boolean;
  /** The figure updates an earlier one ("ارتفعت حصيلة", "the death toll rose to"). */
  update: boolean;
  /** Identity of the victims' group when known (actor identity or class). */
  victim?: string;
  victimClass: VictimClass;
  /** Token of the casualty word the figure is tied to: figures sharing it are parts of one toll. */
  anchor?: number;
  /** One more victim on top of those already told ("Another man was executed", «وقتل شخص آخر»). */
  additional?: boolean;
}

/** An event frame: a trigger and the arguments found around it. */
export interface Frame {
  id: number;
  sentence: number;
  /** The segment (clause group) it was built from. */
  segStart: number;
  segEnd: number;
  part: 'title' | 'text';
  triggers: TriggerHit[];
  eventType: EventType;
  subEventType: string;
  agent: ActorMention | null;
  target: ActorMention | null;
  agentAssoc: ActorMention[];
  targetAssoc: ActorMention[];
  /** Victims named without a group (militants, civilians, soldiers). */
  victimClass: VictimClass;
  deaths: Count[];
  wounded: Count[];
  arrested: Count[];
  place: PlaceHit | null;
  date: { value: DateValue; range: Range | null } | null;
  /** Frames merged into this one (for evidence). */
  merged: number;
  blocked?: string;
  /** Reports of different event types were merged into this frame. */
  typeConflict?: boolean;
  /** The text names no side as the one who acted (clashes between X and Y). */
  symmetric?: boolean;
  /** One of several events split from one report by place (a list of places). */
  split?: boolean;
  score: number;
  speaker: ActorMention | null;
}
