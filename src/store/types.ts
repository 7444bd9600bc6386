/**
 * The store's interface. Two implementations share it (SQLite by default, PostgreSQL for a
 * team); no SQL lives outside src/store/. Everything is async so that both fit.
 */
import type { Event } from '../model/event.js';

/** An article as it enters the store (after fetching/reading, before extraction). */
export interface NewArticle {
  /** The caller's identifier (a JSONL id, a file path, a URL); kept for reference. */
  extId: string;
  url?: string;
  canonicalUrl?: string;
  /** sha256 of the normalised text: the same content is never stored twice. */
  contentHash: string;
  lang: 'ar' | 'en';
  title?: string;
  text: string;
  /** YYYY-MM-DD. */
  published?: string;
  /** ISO timestamp of when we read or fetched it. */
  fetched: string;
  /** The outlet's name. */
  source?: string;
  /** The feed it came from, when it did. */
  feedId?: number;
}

export interface StoredArticle extends NewArticle {
  id: number;
  extractedAt?: string;
}

/** One article's report of one event: its own values and evidence. */
export interface Report {
  id: number;
  eventId: string;
  articleId: number;
  /** Position of the event in the article's extraction output. */
  index: number;
  event: Event;
  /** Why this report joined its event (empty for the report that created it). */
  mergeReason: string;
  createdAt: string;
}

/** A merged event: the event model plus its id and the number of reports behind it. */
export interface StoredEvent {
  id: string;
  event: Event;
  sources: string[];
  reportCount: number;
  articleIds: number[];
  createdAt: string;
  updatedAt: string;
}

/** A report with the article it came from (title, URL, outlet, date, language). */
export interface ReportWithArticle extends Report {
  article: Pick<StoredArticle, 'id' | 'title' | 'url' | 'source' | 'published' | 'lang'>;
}

export interface EventWithReports extends StoredEvent {
  reports: ReportWithArticle[];
}

/** Where an event may find the events it could merge with: its country and a date window. */
export interface EventArea {
  country: string;
  dateFrom: string;
  dateTo: string;
}

/** ACLED-style filters shared by export, the API and the CLI. */
export interface EventFilter {
  country?: string;
  admin1?: string;
  eventType?: string;
  subEventType?: string;
  /** Matches actor1, actor2 or the associated actors (case-insensitive substring). */
  actor?: string;
  dateFrom?: string;
  dateTo?: string;
  /** [west, south, east, north] */
  bbox?: [number, number, number, number];
  /** Full text over the source articles. */
  q?: string;
  minFatalities?: number;
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/** An event's date, type, place and fatalities only (for maps and timelines). */
export interface EventPoint {
  id: string;
  date: string;
  eventType: string;
  country: string;
  admin1: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  fatalities: number;
}

export interface EventPage {
  count: number;
  events: StoredEvent[];
  next: string | null;
}

export interface Feed {
  id: number;
  url: string;
  name: string;
  etag?: string;
  lastModified?: string;
  lastPolled?: string;
  lastStatus?: string;
  failures: number;
  /** ISO timestamp before which the feed is not polled again (backoff). */
  nextPoll?: string;
}

export type FeedState = Pick<
  Feed,
  'etag' | 'lastModified' | 'lastPolled' | 'lastStatus' | 'failures' | 'nextPoll'
>;

/** What happened to one event of an article when it was stored. */
export interface EventOutcome {
  eventId: string;
  merged: boolean;
  reason: string;
}

export interface StoreResult {
  status: 'new' | 'duplicate';
  articleId: number;
  /** Why the article counts as a duplicate (same URL, same content). */
  duplicateOf?: string;
  events: EventOutcome[];
}

/**
 * The low-level operations one transaction can do. The dedup logic (src/dedup/) runs on top of
 * this, so that both stores merge reports in exactly the same way.
 */
export interface StoreTx {
  findArticle(canonicalUrl: string | undefined, contentHash: string): Promise<StoredArticle | null>;
  findArticleById(id: number): Promise<StoredArticle | null>;
  /**
   * Stores a new article and returns its id, or null when an article with the same content hash
   * or canonical URL is stored already (findArticle then finds it). `extractedAt`: its extraction
   * is stored in the same transaction.
   */
  insertArticle(article: NewArticle, extractedAt?: string): Promise<number | null>;
  markExtracted(articleId: number, at: string): Promise<void>;
  /**
   * Optional: announces the areas the transaction's candidateEvents calls will cover, before the
   * first of them, so that a store that locks them (PostgreSQL) takes all its locks at once and
   * in one fixed order.
   */
  lockAreas?(areas: readonly EventArea[]): Promise<void>;
  /** Events in `country` whose date lies in [dateFrom, dateTo]. */
  candidateEvents(country: string, dateFrom: string, dateTo: string): Promise<StoredEvent[]>;
  /** An event's reports (oldest first), each with its article's outlet and URL. */
  reportsOf(eventId: string): Promise<ReportWithArticle[]>;
  reportsOfArticle(articleId: number): Promise<Report[]>;
  /** Creates an event and returns its new id. */
  insertEvent(event: Event, sources: string[], articleIds: number[]): Promise<string>;
  updateEvent(id: string, event: Event, sources: string[], articleIds: number[]): Promise<void>;
  deleteEvent(id: string): Promise<void>;
  insertReport(
    eventId: string,
    articleId: number,
    index: number,
    event: Event,
    mergeReason: string,
  ): Promise<void>;
  deleteReport(id: number): Promise<void>;
}

export interface Repository {
  /** 'sqlite' or 'postgres'. */
  readonly kind: string;
  /** Applies pending migrations; returns the schema version. */
  migrate(): Promise<number>;
  close(): Promise<void>;
  /** Runs `fn` in one serialisable write transaction (retried by the caller on conflict). */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  findArticle(canonicalUrl: string | undefined, contentHash: string): Promise<StoredArticle | null>;
  getArticle(id: number): Promise<StoredArticle | null>;
  listArticles(opts: { limit?: number; cursor?: string; q?: string }): Promise<{
    count: number;
    articles: StoredArticle[];
    next: string | null;
  }>;
  /** Article ids in insertion order, for re-extraction. */
  articleIds(afterId: number, limit: number): Promise<number[]>;
  /** The reports extracted from one article (its events as it told them), in article order. */
  articleReports(articleId: number): Promise<Report[]>;
  getEvent(id: string): Promise<EventWithReports | null>;
  listEvents(filter: EventFilter): Promise<EventPage>;
  /** The filtered events, newest first, at most `cap`, as light rows (limit and cursor ignored). */
  eventPoints(filter: EventFilter, cap: number): Promise<EventPoint[]>;
  counts(): Promise<{ articles: number; events: number; reports: number; feeds: number }>;

  addFeed(url: string, name: string): Promise<Feed>;
  listFeeds(): Promise<Feed[]>;
  removeFeed(idOrUrl: string): Promise<boolean>;
  updateFeed(id: number, state: FeedState): Promise<void>;
  /** Low-level integrity check; returns problems found (empty when sound). */
  check(): Promise<string[]>;
}
