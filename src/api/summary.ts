/**
 * What the dashboard's map and timeline draw: the filtered events as compact points (newest first,
 * up to a cap) and their counts and fatalities per day and event type, from the store's light
 * rows (no event JSON is parsed).
 */
import type { EventPoint } from '../store/types.js';

/** One event on the map: [id, longitude, latitude, event type, fatalities, date, location]. */
export type SummaryPoint = [string, number, number, string, number, string, string];

export interface DailyCount {
  date: string;
  event_type: string;
  events: number;
  fatalities: number;
}

export interface Summary {
  /** Matching events, and how many of them are in `points` and `daily`. */
  count: number;
  scanned: number;
  /** True when more events match than were scanned (`daily` covers the newest `scanned`). */
  truncated: boolean;
  fatalities: number;
  points: SummaryPoint[];
  daily: DailyCount[];
  /** Facets of the scanned events, for the filter suggestions: value → events. */
  countries: Record<string, number>;
  admin1: Record<string, number>;
  event_types: Record<string, number>;
}

function bump(counts: Record<string, number>, key: string): void {
  if (key) counts[key] = (counts[key] ?? 0) + 1;
}

/** Aggregates the newest `cap` events; `count` is how many match in all. */
export function summarise(events: Iterable<EventPoint>, count: number, cap: number): Summary {
  const out: Summary = {
    count,
    scanned: 0,
    truncated: false,
    fatalities: 0,
    points: [],
    daily: [],
    countries: {},
    admin1: {},
    event_types: {},
  };
  const days = new Map<string, DailyCount>();
  for (const e of events) {
    if (out.scanned >= cap) break;
    out.scanned++;
    const deaths = Number.isFinite(e.fatalities) ? e.fatalities : 0;
    out.fatalities += deaths;
    if (typeof e.latitude === 'number' && typeof e.longitude === 'number')
      out.points.push([e.id, e.longitude, e.latitude, e.eventType, deaths, e.date, e.location]);
    const key = `${e.date}\u0000${e.eventType}`;
    let d = days.get(key);
    if (!d) {
      d = { date: e.date, event_type: e.eventType, events: 0, fatalities: 0 };
      days.set(key, d);
    }
    d.events++;
    d.fatalities += deaths;
    bump(out.countries, e.country);
    bump(out.admin1, e.admin1);
    bump(out.event_types, e.eventType);
  }
  out.truncated = count > out.scanned;
  out.daily = [...days.values()].sort((a, b) =>
    a.date === b.date ? a.event_type.localeCompare(b.event_type) : a.date < b.date ? -1 : 1,
  );
  return out;
}
