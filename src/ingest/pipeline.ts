/**
 * The ingest path shared by the CLI, the feed watcher and the queue worker: an article is
 * checked against the store (same URL or same content → duplicate, not extracted again),
 * extracted, and stored with its events merged into the events already known.
 */
import { recordArticle } from '../dedup/record.js';
import type { ArticleInput, Event } from '../model/event.js';
import type { NewArticle, Repository, StoreResult } from '../store/types.js';
import { contentHash } from './identity.js';
import type { Prepared, SourceItem } from './sources.js';

/** Extraction as the pipeline needs it (a local extractor or a worker pool). */
export type ExtractFn = (article: ArticleInput) => Promise<{ lang: 'ar' | 'en'; events: Event[] }>;

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  /** Events created. */
  events: number;
  /** Reports that joined an event already in the store. */
  merged: number;
}

export interface IngestHooks {
  /** After each item, with what happened to it. */
  onItem?: (status: 'new' | 'duplicate' | 'failed', origin: string, detail?: string) => void;
  /** Articles extracted at once (default 1). */
  concurrency?: number;
}

export function emptySummary(): IngestSummary {
  return { read: 0, new: 0, duplicate: 0, failed: 0, events: 0, merged: 0 };
}

/** The store's record of a prepared article. */
export function toNewArticle(
  p: Prepared,
  lang: 'ar' | 'en',
  hash = contentHash(p.article.text, p.article.title),
): NewArticle {
  const a = p.article;
  const out: NewArticle = {
    extId: a.id,
    contentHash: hash,
    lang,
    text: a.text,
    fetched: new Date().toISOString(),
  };
  if (a.url) out.url = a.url;
  if (p.canonicalUrl) out.canonicalUrl = p.canonicalUrl;
  if (a.title) out.title = a.title;
  if (a.published) out.published = a.published.slice(0, 10);
  if (a.source) out.source = a.source;
  if (p.feedId !== undefined) out.feedId = p.feedId;
  return out;
}

/** Stores one prepared article (extracting it unless it is a duplicate); throws on failure. */
export async function ingestOne(repo: Repository, p: Prepared, extract: ExtractFn): Promise<StoreResult> {
  const x = await extractEarly(repo, p, extract);
  if (x instanceof Error) throw x;
  if ('status' in x) return x;
  const r = await store(repo, p, x);
  if (r instanceof Error) throw r;
  return r;
}

function tally(summary: IngestSummary, r: StoreResult): void {
  if (r.status === 'duplicate') {
    summary.duplicate++;
    return;
  }
  summary.new++;
  for (const e of r.events) {
    if (e.merged) summary.merged++;
    else summary.events++;
  }
}

/**
 * Ingests a stream of items. Extraction of up to `concurrency` articles overlaps; articles are
 * stored in input order. Each article is stored in its own transaction, so an interrupted run
 * leaves every stored article complete and a rerun adds only what is missing.
 */
export async function ingestItems(
  repo: Repository,
  items: AsyncIterable<SourceItem>,
  extract: ExtractFn,
  hooks: IngestHooks = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  const limit = Math.max(1, hooks.concurrency ?? 1);
  const inFlight: { origin: string; result: Promise<StoreResult | Error> }[] = [];
  // Stores run one after another (in order); extraction runs ahead.
  let chain: Promise<unknown> = Promise.resolve();
  const settle = async () => {
    const head = inFlight.shift()!;
    const r = await head.result;
    if (r instanceof Error) {
      summary.failed++;
      hooks.onItem?.('failed', head.origin, r.message);
    } else {
      tally(summary, r);
      hooks.onItem?.(r.status, head.origin);
    }
  };
  for await (const it of items) {
    summary.read++;
    if (!it.ok) {
      while (inFlight.length) await settle();
      if (it.error === 'duplicate') {
        summary.duplicate++;
        hooks.onItem?.('duplicate', it.origin);
      } else {
        summary.failed++;
        hooks.onItem?.('failed', it.origin, it.error);
      }
      continue;
    }
    const p = it.item;
    const extracted = extractEarly(repo, p, extract);
    const stored = chain.then(() =>
      extracted.then(
        (x) => (x instanceof Error || 'status' in x ? x : store(repo, p, x)),
        (e: unknown) => e as Error,
      ),
    );
    chain = stored;
    inFlight.push({
      origin: p.origin,
      result: stored.then(
        (r) => r,
        (e: unknown) => e as Error,
      ),
    });
    while (inFlight.length >= limit) await settle();
  }
  while (inFlight.length) await settle();
  return summary;
}

/** An extraction with the content hash computed on the way (so it is computed once). */
type Extraction = { lang: 'ar' | 'en'; events: Event[]; hash: string };
type Extracted = Extraction | StoreResult | Error;

/** Extracts unless the article is already stored (then its StoreResult says duplicate). */
async function extractEarly(repo: Repository, p: Prepared, extract: ExtractFn): Promise<Extracted> {
  try {
    if (!p.article.text.trim()) return new Error('empty text');
    const hash = contentHash(p.article.text, p.article.title);
    const existing = await repo.findArticle(p.canonicalUrl, hash);
    if (existing) {
      const why = existing.contentHash === hash ? 'same content' : 'same URL';
      return { status: 'duplicate', articleId: existing.id, duplicateOf: why, events: [] };
    }
    return { ...(await extract(p.article)), hash };
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

async function store(repo: Repository, p: Prepared, out: Extraction): Promise<StoreResult | Error> {
  try {
    const article = toNewArticle(p, p.article.lang ?? out.lang, out.hash);
    return await repo.transaction((tx) => recordArticle(tx, article, out.events));
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
