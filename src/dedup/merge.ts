/**
 * One event from several reports: the fields of the most confident report, the place of the most
 * precise one, fatalities reconciled (the most conservative figure, the others as low/high).
 */
import type { Event } from '../model/event.js';

export interface ReportValue {
  event: Event;
  /** Outlet name (or host) of the report's article. */
  source?: string;
}

function byConfidence(a: Event, b: Event): number {
  return b.confidence - a.confidence;
}

/** Merges the reports of one event; `reports` must not be empty. The result is deterministic. */
export function mergeReports(reports: readonly ReportValue[]): Event {
  if (!reports.length) throw new Error('mergeReports: no reports');
  const events = reports.map((r) => r.event);
  if (events.length === 1) return { ...events[0]! };
  const lead = [...events].sort(byConfidence)[0]!;
  const merged: Event = { ...lead };

  // Place: the most precise report (then the most confident).
  const place = [...events].sort((a, b) => a.geo_precision - b.geo_precision || byConfidence(a, b))[0]!;
  for (const k of [
    'country',
    'iso',
    'admin1',
    'admin2',
    'admin3',
    'location',
    'latitude',
    'longitude',
    'geo_precision',
    'location_ar',
  ] as const) {
    (merged as unknown as Record<string, unknown>)[k] = place[k];
  }
  // Date: the most precise report (then the earliest: a later report of "yesterday" is the same day).
  const dated = [...events].sort(
    (a, b) => a.time_precision - b.time_precision || a.event_date.localeCompare(b.event_date),
  )[0]!;
  merged.event_date = dated.event_date;
  merged.time_precision = dated.time_precision;
  // A missing second actor is filled from another report.
  if (!merged.actor2) {
    const other = events.find((e) => e.actor2 && e.actor2 !== merged.actor1);
    if (other) {
      merged.actor2 = other.actor2;
      merged.inter2 = other.inter2;
      merged.interaction =
        Number([merged.inter1, merged.inter2].sort((x, y) => x - y).join('')) || merged.inter1;
    }
  }
  // Fatalities: reports that give a figure; the lowest is the event's, the range is kept.
  const figures = events.map((e) => e.fatalities).filter((n) => n > 0);
  if (figures.length) {
    const low = Math.min(...figures);
    const high = Math.max(...figures);
    merged.fatalities = low;
    if (high > low) {
      merged.fatalities_low = low;
      merged.fatalities_high = high;
    } else {
      delete merged.fatalities_low;
      delete merged.fatalities_high;
    }
  } else {
    merged.fatalities = 0;
  }
  for (const k of ['wounded', 'arrested'] as const) {
    const vals = events.map((e) => e[k]).filter((n): n is number => typeof n === 'number' && n > 0);
    if (vals.length) merged[k] = Math.min(...vals);
  }
  // Independent reports make the event more certain.
  const miss = events.reduce((p, e) => p * (1 - Math.min(0.99, Math.max(0, e.confidence))), 1);
  merged.confidence = Math.round(Math.min(0.99, 1 - miss) * 100) / 100;
  return merged;
}

/** The distinct outlets of a set of reports, in first-seen order. */
export function sourcesOf(reports: readonly ReportValue[]): string[] {
  const out: string[] = [];
  for (const r of reports) if (r.source && !out.includes(r.source)) out.push(r.source);
  return out;
}
