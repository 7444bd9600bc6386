import type { Event } from '../model/event.js';

/** ACLED's export column order, followed by Marsad's extra columns. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export const EXTRA_COLUMNS = [
  'article_id',
  'confidence',
  'wounded',
  'arrested',
  'fatalities_low',
  'fatalities_high',
] as const;

/**
 * Quotes a CSV cell (RFC 4180) and neutralises spreadsheet formulas: a cell starting with
 * = + - @ (or a tab/carriage return) gets a leading apostrophe, unless it is a plain number.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  if (/[",\n\r]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvHeader(): string {
  return [...ACLED_COLUMNS, ...EXTRA_COLUMNS].join(',') + '\n';
}

export interface EventRow {
  event: Event;
  articleId: string;
  eventId: string;
  source?: string;
}

/** One CSV line for an event, in ACLED column order. */
export function csvRow({ event: e, articleId, eventId, source }: EventRow): string {
  const values: Record<string, unknown> = {
    event_id_cnty: eventId,
    year: e.event_date ? Number(e.event_date.slice(0, 4)) : '',
    region: '',
    source: source ?? '',
    source_scale: '',
    tags: '',
    timestamp: '',
    article_id: articleId,
  };
  const rec = e as unknown as Record<string, unknown>;
  const cells = [...ACLED_COLUMNS, ...EXTRA_COLUMNS].map((c) => csvCell(c in values ? values[c] : rec[c]));
  return cells.join(',') + '\n';
}
