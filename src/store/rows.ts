/**
 * Database rows to the store's types, the same for SQLite and PostgreSQL (the only difference,
 * how an event's JSON comes back, is the caller's `event` argument).
 */
import type { Event } from '../model/event.js';
import { eventId } from './ids.js';
import type { EventPoint, Feed, Report, StoredArticle } from './types.js';

export type Row = Record<string, unknown>;

export function str(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

/** Copies the non-null columns of `opt` as strings onto `target`. */
function optional(target: object, opt: Row): void {
  for (const [k, v] of Object.entries(opt)) if (v !== null && v !== undefined) (target as Row)[k] = String(v);
}

export function articleFromRow(r: Row): StoredArticle {
  const a: StoredArticle = {
    id: Number(r.id),
    extId: String(r.ext_id),
    contentHash: String(r.content_hash),
    lang: r.lang as 'ar' | 'en',
    text: String(r.text),
    fetched: String(r.fetched),
  };
  optional(a, {
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    published: r.published,
    source: r.source,
    extractedAt: r.extracted_at,
  });
  if (r.feed_id !== null && r.feed_id !== undefined) a.feedId = Number(r.feed_id);
  return a;
}

export function reportFromRow(r: Row, event: Event): Report {
  return {
    id: Number(r.id),
    eventId: eventId(Number(r.event_seq)),
    articleId: Number(r.article_id),
    index: Number(r.idx),
    event,
    mergeReason: String(r.merge_reason),
    createdAt: String(r.created_at),
  };
}

/** The article columns joined to a report (title, url, source, published, lang). */
export function reportArticleFromRow(r: Row) {
  return {
    id: Number(r.article_id),
    title: str(r.title),
    url: str(r.url),
    source: str(r.source),
    published: str(r.published),
    lang: r.lang as 'ar' | 'en',
  };
}

export function feedFromRow(r: Row): Feed {
  const f: Feed = {
    id: Number(r.id),
    url: String(r.url),
    name: String(r.name),
    failures: Number(r.failures),
  };
  optional(f, {
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolled: r.last_polled,
    lastStatus: r.last_status,
    nextPoll: r.next_poll,
  });
  return f;
}

/** The text the actor filter searches: every actor of the event, lower-cased. */
export function actorsText(e: Event): string {
  return [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].join(' | ').toLowerCase();
}

/** Event page cursors are [event_date, seq]. */
export function isCursor(v: unknown): v is [string, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';
}

/** A light event row: what a map or a timeline needs. */
export function pointFromRow(r: Row): EventPoint {
  return {
    id: eventId(Number(r.seq)),
    date: String(r.event_date),
    eventType: String(r.event_type),
    country: String(r.country),
    admin1: String(r.admin1),
    location: str(r.location) ?? '',
    latitude: r.latitude === null || r.latitude === undefined ? null : Number(r.latitude),
    longitude: r.longitude === null || r.longitude === undefined ? null : Number(r.longitude),
    fatalities: Number(r.fatalities),
  };
}
