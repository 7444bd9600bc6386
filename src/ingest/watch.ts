/**
 * Polling feeds: conditional requests (ETag / Last-Modified), a politeness delay per host,
 * exponential backoff for a feed that fails, and one feed's failure never stops the others.
 */

import type { Feed, Repository } from '../store/types.js';
import { decodeBody } from './charset.js';
import { FEED_TYPES, type FetchOptions, safeFetch } from './fetch.js';
import { type ExtractFn, emptySummary, type IngestSummary, ingestItems } from './pipeline.js';
import { feedArticles, type SourceItem } from './sources.js';

export interface WatchOptions {
  extract: ExtractFn;
  /** Time between two polls of one feed (ms). */
  intervalMs: number;
  /** Least time between two requests to one host (ms). */
  hostDelayMs: number;
  /** Longest backoff after failures (ms). */
  maxBackoffMs?: number;
  fetch?: FetchOptions;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  /**
   * Stops after the article in progress: the feed being read keeps its previous state and stays
   * due, so that the next poll reads the rest of it.
   */
  signal?: AbortSignal;
  /**
   * Instead of extracting and storing the new articles here, hand them to this (`watch
   * --queue`: put them on the queue for the workers); `new` in its summary counts those taken.
   */
  enqueue?: (items: AsyncIterable<SourceItem>) => Promise<IngestSummary>;
}

export interface PollOutcome {
  feed: Feed;
  /** `interrupted`: stopped by the signal before the end of the feed. */
  status: 'skipped' | 'not-modified' | 'ok' | 'interrupted' | 'failed';
  detail?: string;
  summary: IngestSummary;
}

/** Resolves after the event loop has gone through its poll phase (where signals arrive) once. */
const nextPollPhase = () => new Promise<void>((r) => setImmediate(() => setImmediate(r)));

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits so that two requests to one host are at least `delayMs` apart. */
export class HostPacer {
  private last = new Map<string, number>();
  constructor(
    private readonly delayMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {}

  async wait(url: string): Promise<void> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return;
    }
    const prev = this.last.get(host);
    const t = this.now();
    const at = prev === undefined ? t : Math.max(t, prev + this.delayMs);
    this.last.set(host, at);
    if (at > t) await this.sleep(at - t);
  }
}

/** Backoff after `failures` consecutive failures: interval × 2^(failures−1), capped. */
export function backoffMs(failures: number, intervalMs: number, maxMs: number): number {
  return Math.min(maxMs, intervalMs * 2 ** Math.max(0, failures - 1));
}

/** Polls one feed now (unless its backoff says not yet). */
export async function pollFeed(
  repo: Repository,
  feed: Feed,
  opts: WatchOptions,
  pacer: HostPacer,
): Promise<PollOutcome> {
  const now = opts.now ?? Date.now;
  const summary = emptySummary();
  if (feed.nextPoll && Date.parse(feed.nextPoll) > now()) return { feed, status: 'skipped', summary };
  const polled = new Date(now()).toISOString();
  try {
    await pacer.wait(feed.url);
    const res = await safeFetch(feed.url, {
      ...opts.fetch,
      accept: FEED_TYPES,
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
    if (res.notModified) {
      await repo.updateFeed(feed.id, {
        ...feed,
        lastPolled: polled,
        lastStatus: '304 not modified',
        failures: 0,
        nextPoll: new Date(now() + opts.intervalMs).toISOString(),
      });
      return { feed, status: 'not-modified', summary };
    }
    const xml = decodeBody(res.body, res.contentType);
    let feedError = '';
    let interrupted = false;
    const items = feedArticles(res.url, xml, {
      fetch: opts.fetch,
      feedId: feed.id,
      feedName: feed.name,
      beforeFetch: (u) => pacer.wait(u),
      known: async (canonical) => (await repo.findArticle(canonical, '')) !== null,
    });
    const checked = (async function* () {
      for await (const it of items) {
        // A feed that is not a feed fails as a whole (and backs off); its items' failures do not.
        if (!it.ok && it.origin === res.url && !feedError) feedError = it.error;
        yield it;
        // Asked for the next item, so this one is done: when stopping, fetch no other. A signal
        // that came during the synchronous work is delivered in the event loop's next poll phase.
        if (opts.signal) await nextPollPhase();
        if (opts.signal?.aborted) {
          interrupted = true;
          return;
        }
      }
    })();
    const result = opts.enqueue
      ? await opts.enqueue(checked)
      : await ingestItems(repo, checked, opts.extract);
    Object.assign(summary, result);
    if (feedError) throw new Error(feedError);
    if (interrupted) {
      // Not the feed's validators of this response: a conditional request would then be answered
      // 304 and the items not read yet would be skipped. The stored ones are known next time.
      await repo.updateFeed(feed.id, {
        ...feed,
        lastPolled: polled,
        lastStatus: `interrupted: ${result.new} new`,
      });
      return { feed, status: 'interrupted', summary };
    }
    await repo.updateFeed(feed.id, {
      etag: res.etag,
      lastModified: res.lastModified,
      lastPolled: polled,
      lastStatus: `200 ok: ${result.new} new`,
      failures: 0,
      nextPoll: new Date(now() + opts.intervalMs).toISOString(),
    });
    return { feed, status: 'ok', summary };
  } catch (e) {
    const failures = feed.failures + 1;
    const wait = backoffMs(failures, opts.intervalMs, opts.maxBackoffMs ?? 24 * 3600_000);
    const detail = (e as Error).message;
    await repo.updateFeed(feed.id, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      lastPolled: polled,
      lastStatus: `error: ${detail}`.slice(0, 500),
      failures,
      nextPoll: new Date(now() + wait).toISOString(),
    });
    return { feed, status: 'failed', detail, summary };
  }
}

/** Polls every feed that is due, one after another; returns what happened to each. */
export async function pollAll(
  repo: Repository,
  opts: WatchOptions,
  pacer: HostPacer,
): Promise<PollOutcome[]> {
  const out: PollOutcome[] = [];
  for (const feed of await repo.listFeeds()) {
    if (opts.signal?.aborted) break;
    const r = await pollFeed(repo, feed, opts, pacer);
    out.push(r);
    if (r.status !== 'skipped') {
      const s = r.summary;
      opts.log?.(
        `${feed.name || feed.url}: ${r.status}${r.detail ? ` (${r.detail})` : ''}; new ${s.new}, duplicate ${s.duplicate}, failed ${s.failed}, events ${s.events}, merged ${s.merged}`,
      );
    }
  }
  return out;
}

/** Polls until `signal` aborts (or once). */
export async function watch(repo: Repository, opts: WatchOptions & { once?: boolean }): Promise<void> {
  const pacer = new HostPacer(opts.hostDelayMs, opts.now, opts.sleep);
  const sleep = opts.sleep ?? defaultSleep;
  // One listener for the whole watch (one per round would pile up on a long-running signal).
  const aborted = new Promise<void>((r) => opts.signal?.addEventListener('abort', () => r(), { once: true }));
  for (;;) {
    await pollAll(repo, opts, pacer);
    if (opts.once || opts.signal?.aborted) return;
    const feeds = await repo.listFeeds();
    const now = (opts.now ?? Date.now)();
    const due = feeds
      .map((f) => (f.nextPoll ? Date.parse(f.nextPoll) : now))
      .reduce((a, b) => Math.min(a, b), now + opts.intervalMs);
    const wait = Math.max(1000, due - now);
    await Promise.race([sleep(wait), aborted]);
    if (opts.signal?.aborted) return;
  }
}
