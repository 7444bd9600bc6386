/** Gold records (../shared/eval/README.md "Gold kinds") and predictions: shapes, kind detection, validation. */

/** One gold event: ACLED fields, with `event_type` or `event_type_any_of`. */
export interface GoldEvent {
  event_type?: string;
  event_type_any_of?: string[];
  sub_event_type?: string | null;
  actor1?: string;
  actor2?: string;
  country?: string;
  admin1?: string;
  admin2?: string;
  location?: string;
  latitude?: number | null;
  longitude?: number | null;
  fatalities?: number | null;
  event_date?: string;
  [k: string]: unknown;
}

export interface EventsGold {
  id: string;
  relevant?: boolean;
  events: GoldEvent[];
}

export interface DocGoldFields {
  location?: string | null;
  actor?: string | null;
  cause?: string | null;
  civilians?: number | null;
  noncivilians?: number | null;
  children?: number | null;
  women?: number | null;
  date?: string | null;
}

export interface DocGold {
  id: string;
  doc: DocGoldFields;
}

/** A predicted event as read from `marsad extract` output; every field may be missing. */
export interface PredEvent {
  event_type?: string;
  sub_event_type?: string;
  actor1?: string;
  actor2?: string;
  assoc_actor_1?: string;
  assoc_actor_2?: string;
  country?: string;
  admin1?: string;
  admin2?: string;
  location?: string;
  latitude?: number | null;
  longitude?: number | null;
  geo_precision?: number;
  fatalities?: number | null;
  event_date?: string;
  confidence?: number;
  [k: string]: unknown;
}

export interface Prediction {
  id: string;
  events: PredEvent[];
}

export type GoldKind = 'events' | 'doc';

/** `events` gold is `single` when no record has more than one gold event (ACLED-notes style), else `multi`. */
export type GoldMode = 'single' | 'multi' | 'doc';

export type Gold = { kind: 'events'; records: EventsGold[] } | { kind: 'doc'; records: DocGold[] };

function where(source: string, i: number): string {
  return `${source}: record ${i + 1}`;
}

/** Validates raw gold records and detects their kind; all records must be of one kind. */
export function parseGold(raw: Record<string, unknown>[], source = 'gold'): Gold {
  if (raw.length === 0) throw new Error(`${source}: no gold records`);
  const kinds = new Set<GoldKind>();
  const seen = new Set<string>();
  raw.forEach((r, i) => {
    if (typeof r.id !== 'string' || !r.id) throw new Error(`${where(source, i)}: missing "id"`);
    if (seen.has(r.id)) throw new Error(`${where(source, i)}: duplicate id ${r.id}`);
    seen.add(r.id);
    if (Array.isArray(r.events)) {
      kinds.add('events');
      r.events.forEach((e, j) => {
        if (!e || typeof e !== 'object')
          throw new Error(`${where(source, i)}: event ${j + 1} is not an object`);
        const ev = e as GoldEvent;
        if (typeof ev.event_type !== 'string' && !Array.isArray(ev.event_type_any_of)) {
          throw new Error(
            `${where(source, i)} (${r.id}): event ${j + 1} has no event_type or event_type_any_of`,
          );
        }
      });
    } else if (r.doc && typeof r.doc === 'object') kinds.add('doc');
    else throw new Error(`${where(source, i)} (${r.id}): neither "events" nor "doc"`);
  });
  if (kinds.size > 1) throw new Error(`${source}: mixes per-event ("events") and per-document ("doc") gold`);
  return kinds.has('doc')
    ? { kind: 'doc', records: raw as unknown as DocGold[] }
    : { kind: 'events', records: raw as unknown as EventsGold[] };
}

export function goldMode(gold: Gold): GoldMode {
  if (gold.kind === 'doc') return 'doc';
  return gold.records.every((r) => r.events.length <= 1) ? 'single' : 'multi';
}

/** Is the article relevant in the gold? `relevant` when given, else "has events". */
export function goldRelevant(r: EventsGold): boolean {
  return typeof r.relevant === 'boolean' ? r.relevant : r.events.length > 0;
}

/** The acceptable event types of a gold event. */
export function goldTypes(e: GoldEvent): string[] {
  if (Array.isArray(e.event_type_any_of) && e.event_type_any_of.length) return e.event_type_any_of;
  return e.event_type ? [e.event_type] : [];
}

/** Validates prediction lines (`{"id", "events": [...]}`). */
export function parsePredictions(raw: Record<string, unknown>[], source = 'predictions'): Prediction[] {
  return raw.map((r, i) => {
    if (typeof r.id !== 'string' || !r.id) throw new Error(`${where(source, i)}: missing "id"`);
    if (!Array.isArray(r.events)) throw new Error(`${where(source, i)} (${r.id}): missing "events" array`);
    return { id: r.id, events: r.events as PredEvent[] };
  });
}

/** Number-valued field, or null. */
export function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

export function str(x: unknown): string {
  return typeof x === 'string' ? x : '';
}
