/**
 * Stored (merged) events out: CSV in ACLED's column order, GeoJSON FeatureCollection, JSONL.
 * Streams page by page, so an export of the whole store runs in constant memory. Shared by
 * `marsad export` and the HTTP API.
 */
import type { EventFilter, Repository, StoredEvent } from '../store/types.js';
import { csvHeader, csvRow } from './csv.js';
import { eventFeature } from './geojson.js';

export type EventFormat = 'csv' | 'geojson' | 'jsonl';
export const EVENT_FORMATS: EventFormat[] = ['csv', 'geojson', 'jsonl'];

/** Every stored event that passes the filter, newest first, page by page. */
export async function* allEvents(
  repo: Repository,
  filter: EventFilter,
  pageSize = 500,
): AsyncGenerator<StoredEvent> {
  let cursor = filter.cursor;
  for (;;) {
    const page = await repo.listEvents({ ...filter, limit: pageSize, cursor });
    yield* page.events;
    if (!page.next) return;
    cursor = page.next;
  }
}

/** The JSON form of a stored event: the event model plus id, sources and report count. */
export function eventJson(e: StoredEvent): Record<string, unknown> {
  return { event_id: e.id, ...e.event, sources: e.sources, report_count: e.reportCount };
}

/** Writes events in a format; `write` returns a promise that resolves when the chunk is accepted. */
export async function writeEvents(
  format: EventFormat,
  events: AsyncIterable<StoredEvent>,
  write: (chunk: string) => Promise<void>,
): Promise<number> {
  let n = 0;
  if (format === 'csv') await write(csvHeader());
  if (format === 'geojson') await write('{"type":"FeatureCollection","features":[');
  for await (const e of events) {
    if (format === 'csv') {
      await write(
        csvRow({
          event: e.event,
          articleId: e.articleIds.join(' '),
          eventId: e.id,
          source: e.sources.join('; '),
        }),
      );
    } else if (format === 'jsonl') {
      await write(JSON.stringify(eventJson(e)) + '\n');
    } else {
      const f = eventFeature(e.event, { event_id: e.id, sources: e.sources, report_count: e.reportCount });
      if (!f) continue;
      await write((n ? ',\n' : '\n') + JSON.stringify(f));
    }
    n++;
  }
  if (format === 'geojson') await write('\n]}\n');
  return n;
}
