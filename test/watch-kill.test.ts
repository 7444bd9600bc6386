/**
 * Crash safety of the feed watcher: `marsad watch` killed with SIGKILL while it stores a feed's
 * items leaves a sound store and no feed state that would skip the rest; `watch --once` then
 * stores exactly the missing items, and the polls after it neither skip nor duplicate. Stopped
 * with SIGTERM, it finishes the article in progress and exits at once, leaving the feed due.
 * Feed and pages come from a local HTTP server (self-written news, nothing from the internet).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NewsArticle, reportedEvents } from './event-fixtures.js';
import { marsad, marsadAsync, spawnMarsad, tempDir, waitFor } from './helpers.js';
import { FixtureServer, newsPage, rssFeed } from './net-fixtures.js';
import { articleCount, eventSignatures, expectSoundStore, feedRows, storedIds } from './store-checks.js';

const GROUPS = 24;
const PER_GROUP = 5;
const FEED = '/feed.xml';
/** Extract and store here, whatever queue the environment names. */
const LOCAL = { MARSAD_QUEUE: '' };

/** A news site: its feed (newest first, with ETag and Last-Modified) and a page per item. */
class NewsSite {
  readonly srv = new FixtureServer();
  items: NewsArticle[] = [];
  version = 0;

  async start(): Promise<void> {
    await this.srv.start();
    this.srv.route(FEED, (req, res) => {
      const validators = { etag: this.etag(), 'last-modified': this.lastModified() };
      if (req.headers['if-none-match'] === validators.etag) {
        res.writeHead(304, validators);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...validators });
      const entries = [...this.items].reverse().map((a) => ({
        title: a.title,
        link: this.link(a),
        guid: a.id,
        date: `${a.published}T08:00:00Z`,
        body: a.text,
      }));
      res.end(rssFeed('Marsad crash news', entries));
    });
  }

  etag(): string {
    return `"v${this.version}"`;
  }

  lastModified(): string {
    return new Date(Date.UTC(2024, 5, 1, this.version)).toUTCString();
  }

  path(a: NewsArticle): string {
    return new URL(a.url).pathname;
  }

  link(a: NewsArticle): string {
    return this.srv.url(this.path(a));
  }

  /** Adds items to the feed (a new version of it) and serves their pages. */
  publish(items: NewsArticle[]): void {
    for (const a of items) {
      const [lead, ...rest] = a.text.split('\n');
      const lang = /[\u0600-\u06ff]/.test(lead!) ? 'ar' : 'en';
      const page = newsPage({ lang, title: a.title, paragraphs: [lead!, ...rest], published: a.published });
      this.srv.serve(this.path(a), 'text/html; charset=utf-8', page);
    }
    this.items.push(...items);
    this.version++;
  }

  /** How many times each item's page was requested. */
  pageHits(items: NewsArticle[]): number[] {
    return items.map((a) => this.srv.count(this.path(a)));
  }
}

let site: NewsSite;
beforeEach(async () => {
  site = new NewsSite();
  await site.start();
});
afterEach(() => site.srv.stop());

/** `watch --once` over the store; returns its log line for the feed. */
async function watchOnce(db: string): Promise<string> {
  const once = ['watch', '--once', '--db', db, '--allow-private', '--host-delay', '0', '--interval', '0'];
  const r = await marsadAsync(once, LOCAL);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('watch killed while it stores a feed', () => {
  it('resumes after SIGKILL with every item stored exactly once, and later polls neither skip nor duplicate', async () => {
    const first = reportedEvents(GROUPS, PER_GROUP, 'w');
    const later = reportedEvents(GROUPS + 2, PER_GROUP, 'w').slice(first.length);
    const N = first.length;
    site.publish(first);
    const dir = tempDir();
    const db = join(dir, 'store.sqlite');
    expect(marsad(['feeds', 'add', site.srv.url(FEED), '--db', db, '--name', 'crash-news']).code).toBe(0);

    // 1. Watch (loopback allowed by host name), killed once a quarter of the items are stored.
    const watcher = spawnMarsad(['watch', '--db', db, '--host-delay', '0'], {
      ...LOCAL,
      MARSAD_ALLOW_HOSTS: '127.0.0.1',
    });
    await waitFor(
      () => {
        if (watcher.child.exitCode !== null) throw new Error(`watch exited: ${watcher.stderr()}`);
        return articleCount(db) >= N / 4;
      },
      `${N / 4} items stored`,
    );
    watcher.child.kill('SIGKILL');
    expect((await watcher.exited).signal).toBe('SIGKILL');
    const afterKill = articleCount(db);
    expect(afterKill).toBeGreaterThanOrEqual(N / 4);
    expect(afterKill).toBeLessThan(N);
    expectSoundStore(db, { everyArticleReports: true });
    // The poll did not finish, so nothing of it is remembered: the next one reads the whole feed.
    expect(feedRows(db)).toEqual([
      { etag: null, last_modified: null, last_polled: null, last_status: null, failures: 0, next_poll: null },
    ]);
    const stored = storedIds(db);
    const storedBefore = first.filter((a) => stored.has(site.link(a)));
    expect(storedBefore).toHaveLength(afterKill);

    // 2. The next poll stores exactly the missing items, without fetching the stored ones again.
    const hitsBefore = site.pageHits(first);
    expect(await watchOnce(db)).toMatch(
      new RegExp(`crash-news: ok; new ${N - afterKill}, duplicate ${afterKill}, failed 0,`),
    );
    expect(site.pageHits(storedBefore)).toEqual(
      hitsBefore.filter((_, i) => stored.has(site.link(first[i]!))),
    );
    const [state] = feedRows(db);
    expect(state).toMatchObject({
      etag: site.etag(),
      last_modified: site.lastModified(),
      last_status: `200 ok: ${N - afterKill} new`,
      failures: 0,
    });

    // 3. The feed has not changed: a conditional request, answered 304; nothing fetched or stored.
    const hitsFeed = site.srv.count(FEED);
    const hitsPages = site.pageHits(first);
    expect(await watchOnce(db)).toMatch(/crash-news: not-modified; new 0, duplicate 0, failed 0,/);
    expect(site.srv.count(FEED)).toBe(hitsFeed + 1);
    expect(site.srv.hits.at(-1)?.headers['if-none-match']).toBe(site.etag());
    expect(site.pageHits(first)).toEqual(hitsPages);
    expect(articleCount(db)).toBe(N);

    // 4. New items: exactly those are fetched and stored.
    site.publish(later);
    expect(await watchOnce(db)).toMatch(
      new RegExp(
        `crash-news: ok; new ${later.length}, duplicate ${N}, failed 0, events 2, merged ${later.length - 2}`,
      ),
    );
    expect(site.pageHits(first)).toEqual(hitsPages);
    expect(site.pageHits(later)).toEqual(later.map(() => 1));
    expect(feedRows(db)[0]).toMatchObject({ etag: site.etag(), last_modified: site.lastModified() });

    const all = [...first, ...later];
    const ids = storedIds(db);
    expect(ids.size).toBe(all.length);
    for (const a of all) expect(ids.get(site.link(a)), a.id).toBe(1);
    expectSoundStore(db, { everyArticleReports: true });

    // 5. One clean poll of the same feed into a fresh store gives the same events.
    const clean = join(dir, 'clean.sqlite');
    expect(marsad(['feeds', 'add', site.srv.url(FEED), '--db', clean, '--name', 'crash-news']).code).toBe(0);
    expect(await watchOnce(clean)).toMatch(
      new RegExp(`crash-news: ok; new ${all.length}, duplicate 0, failed 0, events ${GROUPS + 2},`),
    );
    const signatures = eventSignatures(db);
    expect(signatures).toHaveLength(GROUPS + 2);
    expect(signatures).toEqual(eventSignatures(clean));
  }, 120_000);

  it('stops on SIGTERM after the current article, and the next poll stores the rest', async () => {
    const items = reportedEvents(12, PER_GROUP, 't');
    const N = items.length;
    site.publish(items);
    const dir = tempDir();
    const db = join(dir, 'store.sqlite');
    expect(marsad(['feeds', 'add', site.srv.url(FEED), '--db', db, '--name', 'crash-news']).code).toBe(0);

    const watcher = spawnMarsad(['watch', '--db', db, '--allow-private', '--host-delay', '0'], LOCAL);
    const atSignal = await waitFor(() => {
      if (watcher.child.exitCode !== null) throw new Error(`watch exited: ${watcher.stderr()}`);
      const n = articleCount(db);
      return n >= 10 ? n : 0;
    }, '10 items stored');
    watcher.child.kill('SIGTERM');
    expect(await watcher.exited).toEqual({ code: 0, signal: null });
    const afterStop = articleCount(db);
    // The article in progress is finished and no other is started (+1; +2 if one more was stored
    // between counting and signalling).
    expect(afterStop).toBeLessThanOrEqual(atSignal + 2);
    expect(afterStop).toBeLessThan(N);
    expect(watcher.stdout()).toMatch(
      new RegExp(`crash-news: interrupted; new ${afterStop}, duplicate 0, failed 0,`),
    );
    expectSoundStore(db, { everyArticleReports: true });
    // The feed's validators are not kept from an unfinished poll, and it stays due.
    const [state] = feedRows(db);
    expect(state).toMatchObject({ etag: null, last_modified: null, failures: 0, next_poll: null });
    expect(state?.last_status).toBe(`interrupted: ${afterStop} new`);

    expect(await watchOnce(db)).toMatch(
      new RegExp(`crash-news: ok; new ${N - afterStop}, duplicate ${afterStop}, failed 0,`),
    );
    const ids = storedIds(db);
    expect(ids.size).toBe(N);
    for (const a of items) expect(ids.get(site.link(a)), a.id).toBe(1);
    expect(feedRows(db)[0]).toMatchObject({ etag: site.etag(), last_modified: site.lastModified() });
  }, 120_000);
});
