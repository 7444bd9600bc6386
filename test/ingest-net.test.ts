/**
 * Network ingestion, end to end against a local HTTP server: the SSRF guard and the fetch
 * limits, feed and page parsing, readTargets + ingestItems into an in-memory store, and the
 * feed watcher (conditional requests, backoff, per-host pacing). Nothing goes to the internet.
 */
import { getEventListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createExtractor } from '../src/extract/index.js';
import { parseFeed } from '../src/ingest/feed.js';
import { FetchError, HTML_TYPES, isPrivateAddress, safeFetch } from '../src/ingest/fetch.js';
import { htmlToArticle } from '../src/ingest/html.js';
import { type ExtractFn, ingestItems } from '../src/ingest/pipeline.js';
import { readTargets, type SourceOptions } from '../src/ingest/sources.js';
import { backoffMs, HostPacer, pollAll, pollFeed, type WatchOptions, watch } from '../src/ingest/watch.js';
import { SqliteRepository } from '../src/store/sqlite/repository.js';
import type { Repository } from '../src/store/types.js';
import {
  AR_CLASH,
  AR_PROTEST,
  AR_SHELLING,
  atomFeed,
  EN_AMBUSH,
  EN_PROTEST,
  EN_QUIET,
  encode1256,
  FixtureServer,
  iconvEncode,
  NOISE,
  newsPage,
  rssFeed,
} from './net-fixtures.js';

const srv = new FixtureServer();
let extract: ExtractFn;
const ALLOW = { allowPrivate: true } as const;
const HTML = 'text/html; charset=utf-8';

beforeAll(async () => {
  await srv.start();
  const ex = createExtractor();
  extract = async (a) => ex.extract(a);
});

afterAll(async () => {
  await srv.stop();
});

async function memoryRepo(): Promise<Repository> {
  const repo = new SqliteRepository(':memory:');
  await repo.migrate();
  return repo;
}

async function allArticles(repo: Repository) {
  return (await repo.listArticles({ limit: 100 })).articles;
}

function known(repo: Repository) {
  return async (canonical: string) => (await repo.findArticle(canonical, '')) !== null;
}

/** readTargets + ingestItems, with every failure kept by origin. */
async function ingest(repo: Repository, targets: string[], opts: SourceOptions = {}) {
  const failures = new Map<string, string>();
  const summary = await ingestItems(
    repo,
    readTargets(targets, { fetch: ALLOW, known: known(repo), ...opts }),
    extract,
    {
      onItem: (status, origin, detail) => {
        if (status === 'failed') failures.set(origin, detail ?? '');
      },
    },
  );
  return { summary, failures };
}

async function refused(url: string, opts = {}): Promise<string> {
  const err = await safeFetch(url, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return (err as FetchError).message;
}

describe('safeFetch: SSRF guard', () => {
  beforeAll(() => {
    srv.serve('/guard/secret', 'text/plain', 'internal secret');
    srv.redirect('/guard/to-loopback', '/guard/secret'); // same host: allowed only with allowPrivate
    srv.route('/guard/to-private', (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${srv.port}/guard/secret` });
      res.end();
    });
    srv.redirect('/guard/to-metadata', 'http://169.254.169.254/latest/meta-data/');
    srv.redirect('/guard/to-mapped', 'http://[::ffff:127.0.0.1]/guard/secret');
  });

  it('refuses loopback, private, link-local and metadata addresses by default', async () => {
    const before = srv.count('/guard/secret');
    expect(await refused(srv.url('/guard/secret'))).toMatch(/refused: private address 127\.0\.0\.1/);
    expect(await refused(`http://localhost:${srv.port}/guard/secret`)).toMatch(
      /refused: local host name localhost/,
    );
    expect(await refused(`http://localhost.:${srv.port}/guard/secret`)).toMatch(/refused: local host name/);
    expect(await refused(`http://api.localhost:${srv.port}/x`)).toMatch(/refused: local host name/);
    expect(await refused('http://10.1.2.3/')).toMatch(/refused: private address 10\.1\.2\.3/);
    expect(await refused('http://192.168.0.1/')).toMatch(/refused: private address/);
    expect(await refused('http://172.20.0.5/')).toMatch(/refused: private address/);
    expect(await refused('http://169.254.169.254/latest/meta-data/')).toMatch(
      /refused: private address 169\.254\.169\.254/,
    );
    expect(await refused(`http://[::1]:${srv.port}/guard/secret`)).toMatch(/refused: private address ::1/);
    expect(await refused('http://0.0.0.0/')).toMatch(/refused: private address/);
    // Other spellings of loopback that the URL parser normalises.
    expect(await refused(`http://2130706433:${srv.port}/guard/secret`)).toMatch(/refused: private address/);
    expect(await refused(`http://0x7f.1:${srv.port}/guard/secret`)).toMatch(/refused: private address/);
    // IPv4-mapped IPv6 (the URL parser turns ::ffff:127.0.0.1 into ::ffff:7f00:1).
    expect(await refused(`http://[::ffff:127.0.0.1]:${srv.port}/guard/secret`)).toMatch(
      /refused: private address/,
    );
    expect(await refused('http://[::ffff:a9fe:a9fe]/')).toMatch(/refused: private address/);
    expect(await refused('http://[fe80::1]/')).toMatch(/refused: private address/);
    expect(await refused('http://[fd00::1]/')).toMatch(/refused: private address/);
    // Nothing reached the server.
    expect(srv.count('/guard/secret')).toBe(before);
  });

  it('refuses other schemes, credentials and invalid URLs', async () => {
    expect(await refused('file:///etc/passwd')).toMatch(/unsupported scheme: file:/);
    expect(await refused('ftp://example.org/x')).toMatch(/unsupported scheme/);
    expect(await refused(`http://user:pw@127.0.0.1:${srv.port}/`, ALLOW)).toMatch(/credentials/);
    expect(await refused('not a url')).toMatch(/invalid URL/);
  });

  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '::ffff:0a00:0001',
      '::7f00:1',
      '64:ff9b::a9fe:a9fe',
      'not-an-address',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
    ])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('allows loopback with allowPrivate or allowHosts', async () => {
    const a = await safeFetch(srv.url('/guard/secret'), ALLOW);
    expect(a.body.toString()).toBe('internal secret');
    const b = await safeFetch(srv.url('/guard/secret'), { allowHosts: ['127.0.0.1'] });
    expect(b.status).toBe(200);
    const c = await safeFetch(srv.url('/guard/to-loopback'), ALLOW);
    expect(c.url).toBe(srv.url('/guard/secret'));
  });

  it('checks every redirect: an allowed host may not send the request to a private one', async () => {
    const before = srv.count('/guard/secret');
    // localhost is allowed by name; the redirect goes to 127.0.0.1, which is not.
    const msg = await refused(`http://localhost:${srv.port}/guard/to-private`, { allowHosts: ['localhost'] });
    expect(msg).toMatch(/refused: private address 127\.0\.0\.1/);
    expect(msg).toMatch(/redirect/);
    const meta = await refused(srv.url('/guard/to-metadata'), { allowHosts: ['127.0.0.1'] });
    expect(meta).toMatch(/refused: private address 169\.254\.169\.254/);
    const mapped = await refused(srv.url('/guard/to-mapped'), { allowHosts: ['127.0.0.1'] });
    expect(mapped).toMatch(/refused: private address/);
    expect(srv.count('/guard/secret')).toBe(before);
    expect(srv.count('/guard/to-private')).toBeGreaterThan(0);
  });
});

describe('safeFetch: limits and conditional requests', () => {
  const pending = new Set<ServerResponse>();
  beforeAll(() => {
    srv.redirect('/lim/loop', '/lim/loop');
    for (let i = 0; i < 3; i++) srv.redirect(`/lim/chain${i}`, `/lim/chain${i + 1}`, 301);
    srv.serve('/lim/chain3', HTML, '<p>end of chain</p>');
    srv.status('/lim/no-location', 302);
    srv.redirect('/lim/bad-location', 'http://[bad');
    srv.serve('/lim/big', HTML, 'x'.repeat(50_000));
    srv.route('/lim/big-chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': HTML }); // no content-length: chunked
      for (let i = 0; i < 10; i++) res.write('y'.repeat(8_000));
      res.end();
    });
    srv.route('/lim/hang', (_req, res) => {
      pending.add(res); // never answers
    });
    srv.route('/lim/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': HTML });
      res.flushHeaders();
      const t = setInterval(() => res.write('<p>drip</p>\n'), 40);
      const stop = setTimeout(() => {
        clearInterval(t);
        res.end();
      }, 3_000);
      res.on('close', () => {
        clearInterval(t);
        clearTimeout(stop);
      });
    });
    srv.serve(
      '/lim/doc.pdf',
      'application/pdf',
      Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
    );
    srv.status('/lim/gone', 410);
    srv.route('/lim/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') {
        res.writeHead(304, { etag: '"abc"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"abc"',
        'last-modified': 'Wed, 05 Jun 2024 08:00:00 GMT',
      });
      res.end('<rss version="2.0"><channel><title>c</title></channel></rss>');
    });
  });
  afterAll(() => {
    for (const r of pending) r.destroy();
  });

  it('follows redirects up to the limit and refuses a loop', async () => {
    const ok = await safeFetch(srv.url('/lim/chain0'), { ...ALLOW, maxRedirects: 3 });
    expect(ok.url).toBe(srv.url('/lim/chain3'));
    expect(ok.body.toString()).toContain('end of chain');
    const before = srv.count('/lim/loop');
    expect(await refused(srv.url('/lim/loop'), { ...ALLOW, maxRedirects: 3 })).toMatch(/too many redirects/);
    expect(srv.count('/lim/loop') - before).toBe(4); // the request and three redirects
    expect(await refused(srv.url('/lim/chain0'), { ...ALLOW, maxRedirects: 2 })).toMatch(
      /too many redirects/,
    );
    expect(await refused(srv.url('/lim/no-location'), ALLOW)).toMatch(/without a Location/);
    expect(await refused(srv.url('/lim/bad-location'), ALLOW)).toMatch(/invalid URL/);
  });

  it('refuses a body over the size limit, declared or streamed', async () => {
    expect(await refused(srv.url('/lim/big'), { ...ALLOW, maxBytes: 10_000 })).toMatch(/too large/);
    expect(await refused(srv.url('/lim/big-chunked'), { ...ALLOW, maxBytes: 10_000 })).toMatch(/too large/);
    const fits = await safeFetch(srv.url('/lim/big-chunked'), { ...ALLOW, maxBytes: 100_000 });
    expect(fits.body.length).toBe(80_000);
  });

  it('gives up on a silent server and on a slow drip at the time limit', async () => {
    let t = Date.now();
    expect(await refused(srv.url('/lim/hang'), { ...ALLOW, timeoutMs: 200 })).toMatch(/timed out/);
    expect(Date.now() - t).toBeLessThan(1_500);
    t = Date.now();
    // Bytes keep coming (the socket is never idle), but the whole request must still stop.
    expect(await refused(srv.url('/lim/drip'), { ...ALLOW, timeoutMs: 300 })).toMatch(/timed out/);
    expect(Date.now() - t).toBeLessThan(1_500);
  });

  it('refuses unexpected content types and HTTP errors', async () => {
    const pdf = await refused(srv.url('/lim/doc.pdf'), { ...ALLOW, accept: HTML_TYPES });
    expect(pdf).toMatch(/unexpected content type "application\/pdf"/);
    const err = await safeFetch(srv.url('/lim/gone'), ALLOW).catch((e: FetchError) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).status).toBe(410);
    expect((err as FetchError).message).toMatch(/HTTP 410/);
  });

  it('sends conditional headers and reports 304 as not modified', async () => {
    const first = await safeFetch(srv.url('/lim/cond'), ALLOW);
    expect(first.etag).toBe('"abc"');
    expect(first.lastModified).toBe('Wed, 05 Jun 2024 08:00:00 GMT');
    expect(first.notModified).toBe(false);
    const again = await safeFetch(srv.url('/lim/cond'), {
      ...ALLOW,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again.notModified).toBe(true);
    expect(again.status).toBe(304);
    const last = srv.hits.filter((h) => h.path === '/lim/cond').at(-1)!;
    expect(last.headers['if-none-match']).toBe('"abc"');
    expect(last.headers['if-modified-since']).toBe('Wed, 05 Jun 2024 08:00:00 GMT');
  });
});

describe('parsing feeds and pages', () => {
  it('reads RSS 2.0, RDF and Atom items with absolute links, dates and bodies', () => {
    const rss = parseFeed(
      rssFeed('أخبار', [
        { title: 'خبر &amp; تحليل', link: '/ar/1?utm_source=rss', date: '2024-06-05T08:00:00Z', body: 'نص' },
        { title: 'no link', guid: 'g-2', date: '2024-06-04T08:00:00Z', body: 'body two' },
      ]),
      'http://news.example:8080/feeds/rss.xml',
    );
    expect(rss.title).toBe('أخبار');
    expect(rss.items).toHaveLength(2);
    expect(rss.items[0]).toMatchObject({
      link: 'http://news.example:8080/ar/1?utm_source=rss',
      title: 'خبر & تحليل',
      published: '2024-06-05',
      html: '<p>نص</p>',
    });
    expect(rss.items[1]).toMatchObject({ guid: 'g-2', title: 'no link' });
    expect(rss.items[1]!.link).toBeUndefined();

    const atom = parseFeed(
      atomFeed('Atom news', [
        { title: 'One', link: '/en/1', guid: 'urn:1', date: '2024-06-03T21:30:00-04:00', body: 'b1' },
      ]),
      'http://news.example/atom.xml',
    );
    expect(atom.items[0]).toMatchObject({
      link: 'http://news.example/en/1', // the alternate link, not rel=self
      guid: 'urn:1',
      published: '2024-06-03',
      html: '<p>b1</p>',
    });

    const rdf = parseFeed(
      `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://news.example/"><title>RDF news</title></channel>
<item rdf:about="http://news.example/r/1"><title>R1</title><link>http://news.example/r/1</link><dc:date>2024-05-30T10:00:00Z</dc:date><description>rdf body</description></item>
</rdf:RDF>`,
    );
    expect(rdf.title).toBe('RDF news');
    expect(rdf.items[0]).toMatchObject({ link: 'http://news.example/r/1', published: '2024-05-30' });
  });

  it('uses a permalink guid as the link, and strips markup from titles', () => {
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>t</title>
<item><title>A</title><guid>http://news.example/p/7</guid><description>d</description></item>
<item><title>B</title><guid isPermaLink="false">http://news.example/p/8</guid></item>
</channel></rss>`,
    );
    expect(feed.items[0]!.link).toBe('http://news.example/p/7');
    expect(feed.items[1]!.link).toBeUndefined();
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title type="html">Clashes in &lt;b&gt;Gao&lt;/b&gt; &amp;amp; Mopti</title><link href="http://news.example/e/1"/><id>e1</id></entry></feed>`,
    );
    expect(atom.items[0]!.title).toBe('Clashes in Gao & Mopti');
  });

  it('refuses what is not a feed, with a clear message', () => {
    expect(() => parseFeed('{"items": []}')).toThrow(/not an XML feed/);
    expect(() => parseFeed('<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut')).toThrow(
      /malformed feed XML/,
    );
    expect(() => parseFeed('<html><body><p>hello</p></body></html>')).toThrow(/not an RSS or Atom feed/);
  });

  it('does not expand nested entities (billion laughs)', () => {
    const ents = ['<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'];
    for (const [p, c] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ])
      ents.push(`<!ENTITY ${p} "${`&${c};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${ents.join('')}]><rss version="2.0"><channel><title>t</title><item><title>&g;</title><link>http://news.example/1</link></item></channel></rss>`;
    const t = Date.now();
    let title = '';
    try {
      title = parseFeed(xml).items[0]?.title ?? '';
    } catch {
      // refusing the document is fine too
    }
    expect(title.length).toBeLessThan(10_000);
    expect(Date.now() - t).toBeLessThan(2_000);
  });

  it('turns an Arabic page into an article without the noise', () => {
    const page = htmlToArticle(
      newsPage({
        lang: 'ar',
        title: 'مقتل ثلاثة مدنيين بقصف على سوق في إدلب',
        paragraphs: AR_SHELLING,
        published: '2024-05-14T09:30:00+03:00',
        canonical: '/ar/news/1042',
        siteName: 'المرصد',
      }),
      'http://news.example/ar/news/1042?utm_source=tw',
    );
    expect(page.lang).toBe('ar');
    expect(page.title).toContain('مقتل ثلاثة مدنيين');
    expect(page.published).toBe('2024-05-14');
    expect(page.canonicalUrl).toBe('http://news.example/ar/news/1042');
    expect(page.siteName).toBe('المرصد');
    expect(page.text).toContain('قصف مدفعي');
    expect(page.text).not.toContain(NOISE);
    expect(page.text).not.toContain('جميع الحقوق محفوظة');
    expect(page.text).not.toContain('رياضة');
  });
});

describe('ingesting pages and feeds from the server', () => {
  let repo: Repository;
  beforeEach(async () => {
    repo = await memoryRepo();
  });

  it('stores an Arabic article page with its title, date, language and canonical URL', async () => {
    srv.serve(
      '/ar/news/1042',
      HTML,
      newsPage({
        lang: 'ar',
        title: 'مقتل ثلاثة مدنيين بقصف على سوق في إدلب',
        paragraphs: AR_SHELLING,
        published: '2024-05-14T09:30:00+03:00',
        canonical: '/ar/news/1042',
        siteName: 'المرصد',
      }),
    );
    const { summary, failures } = await ingest(repo, [srv.url('/ar/news/1042?utm_source=twitter&b=2#top')]);
    expect([...failures]).toEqual([]);
    expect(summary).toMatchObject({ read: 1, new: 1, failed: 0 });
    expect(summary.events).toBeGreaterThanOrEqual(1);
    const [a] = await allArticles(repo);
    expect(a).toMatchObject({
      lang: 'ar',
      title: 'مقتل ثلاثة مدنيين بقصف على سوق في إدلب',
      published: '2024-05-14',
      canonicalUrl: srv.url('/ar/news/1042'),
      source: 'المرصد',
    });
    expect(a!.text).toContain('قتل ثلاثة مدنيين وأصيب سبعة آخرون');
    expect(a!.text).not.toContain(NOISE);
    expect(a!.text).not.toContain('<p>');
    const events = (await repo.listEvents({})).events;
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0]!.event).toMatchObject({
      event_type: 'Explosions/Remote violence',
      country: 'Syria',
      event_date: '2024-05-13',
    });
    // The same page again (another tracking parameter): a duplicate, not a second article.
    const again = await ingest(repo, [srv.url('/ar/news/1042?utm_medium=social')]);
    expect(again.summary).toMatchObject({ read: 1, new: 0, duplicate: 1 });
    expect((await repo.counts()).articles).toBe(1);
  });

  it('reads an RSS and an Atom feed; a second run adds nothing and fetches no page again', async () => {
    const en = (title: string, paragraphs: string[], path: string, date: string) =>
      srv.serve(path, HTML, newsPage({ lang: 'en', title, paragraphs, published: date, canonical: path }));
    const ar = (title: string, paragraphs: string[], path: string, date: string) =>
      srv.serve(path, HTML, newsPage({ lang: 'ar', title, paragraphs, published: date, canonical: path }));
    en('Police fire tear gas at Beirut protest', EN_PROTEST, '/f/en/protest', '2024-06-04T18:00:00Z');
    en('Four soldiers killed in Gao ambush', EN_AMBUSH, '/f/en/ambush', '2024-06-03T12:00:00Z');
    en('Central bank holds rates', EN_QUIET, '/f/en/rates', '2024-06-05T09:00:00Z');
    ar('طلاب يتظاهرون أمام البرلمان في عمان', AR_PROTEST, '/f/ar/protest', '2024-06-03T10:00:00+03:00');
    ar('اشتباكات في الفاشر', AR_CLASH, '/f/ar/clash', '2024-06-02T10:00:00+03:00');
    const item = (title: string, link: string, date: string) => ({ title, link, date, body: title });
    srv.serve(
      '/f/rss.xml',
      'application/rss+xml; charset=utf-8',
      rssFeed('English wire', [
        item('Protest in Beirut', `${srv.url('/f/en/protest')}?utm_source=rss`, '2024-06-04T18:00:00Z'),
        item('Ambush near Gao', '/f/en/ambush', '2024-06-03T12:00:00Z'),
        item('Rates', '/f/en/rates', '2024-06-05T09:00:00Z'),
      ]),
    );
    srv.serve(
      '/f/atom.xml',
      'application/atom+xml',
      atomFeed('نشرة عربية', [
        { ...item('طلاب', '/f/ar/protest', '2024-06-03T10:00:00+03:00'), guid: 'urn:ar:1' },
        { ...item('الفاشر', '/f/ar/clash', '2024-06-02T10:00:00+03:00'), guid: 'urn:ar:2' },
      ]),
    );
    const pages = ['/f/en/protest', '/f/en/ambush', '/f/en/rates', '/f/ar/protest', '/f/ar/clash'];
    const hitsOf = () => pages.map((p) => srv.count(p));
    const before = hitsOf();

    const first = await ingest(repo, [srv.url('/f/rss.xml'), srv.url('/f/atom.xml')]);
    expect([...first.failures]).toEqual([]);
    expect(first.summary).toMatchObject({ read: 5, new: 5, duplicate: 0, failed: 0 });
    expect(first.summary.events).toBeGreaterThanOrEqual(3);
    expect(hitsOf().map((n, i) => n - before[i]!)).toEqual([1, 1, 1, 1, 1]);
    const stored = await allArticles(repo);
    const byUrl = new Map(stored.map((a) => [a.canonicalUrl, a]));
    expect(byUrl.get(srv.url('/f/en/protest'))).toMatchObject({
      lang: 'en',
      title: 'Police fire tear gas at Beirut protest',
      published: '2024-06-04',
      source: 'English wire',
    });
    expect(byUrl.get(srv.url('/f/ar/clash'))).toMatchObject({
      lang: 'ar',
      published: '2024-06-02',
      source: 'نشرة عربية',
    });

    const second = await ingest(repo, [srv.url('/f/rss.xml'), srv.url('/f/atom.xml')]);
    expect(second.summary).toMatchObject({ read: 5, new: 0, duplicate: 5, failed: 0, events: 0 });
    expect(hitsOf().map((n, i) => n - before[i]!)).toEqual([1, 1, 1, 1, 1]); // no page fetched again
    expect((await repo.counts()).articles).toBe(5);
  });

  it('reports failures and keeps going: bad feeds, non-HTML, too large, loops, timeouts, 404 items', async () => {
    const pending = new Set<ServerResponse>();
    srv.status('/x/feed500', 500);
    srv.serve('/x/garbage.xml', 'application/rss+xml', 'Service temporarily unavailable {"retry": true}');
    srv.serve(
      '/x/truncated.xml',
      'application/rss+xml',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>cut</title><item><title>Half an item</title><link>/x/',
    );
    srv.serve(
      '/x/report.pdf',
      'application/pdf',
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0xff, 0xfe]),
    );
    srv.serve('/x/binary', 'text/html', Buffer.from([0x3c, 0x70, 0, 0, 1, 2, 3, 4, 5, 0, 0, 0, 9, 8]));
    srv.serve(
      '/x/big.html',
      HTML,
      newsPage({ lang: 'en', title: 'Big', paragraphs: Array(600).fill(EN_QUIET[0]) }),
    );
    srv.route('/x/big-chunked.html', (_req, res) => {
      res.writeHead(200, { 'content-type': HTML });
      for (let i = 0; i < 20; i++) res.write(`<p>${'z'.repeat(4000)}</p>`);
      res.end();
    });
    srv.redirect('/x/loop', '/x/loop2');
    srv.redirect('/x/loop2', '/x/loop');
    srv.route('/x/slow', (_req, res) => {
      pending.add(res);
    });
    srv.route('/x/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': HTML });
      res.flushHeaders();
      const t = setInterval(() => res.write('<p>.</p>'), 40);
      res.on('close', () => clearInterval(t));
      pending.add(res);
    });
    srv.serve(
      '/x/feed-404.xml',
      'application/rss+xml',
      rssFeed('Items whose pages are gone', [
        {
          title: 'Beirut protest (page gone)',
          link: '/x/missing/a',
          date: '2024-06-04T18:00:00Z',
          body: EN_PROTEST.join(' '),
        },
        { title: 'Short item', link: '/x/missing/b', date: '2024-06-04T18:00:00Z', body: 'Too short.' },
      ]),
    );
    srv.serve(
      '/x/ok',
      HTML,
      newsPage({ lang: 'en', title: 'Gao ambush', paragraphs: EN_AMBUSH, published: '2024-06-03' }),
    );
    const targets = [
      '/x/feed500',
      '/x/garbage.xml',
      '/x/truncated.xml',
      '/x/report.pdf',
      '/x/binary',
      '/x/big.html',
      '/x/big-chunked.html',
      '/x/loop',
      '/x/slow',
      '/x/drip',
      '/x/feed-404.xml',
      '/x/ok',
    ].map((p) => srv.url(p));
    const t = Date.now();
    const { summary, failures } = await ingest(repo, targets, {
      fetch: { ...ALLOW, timeoutMs: 300, maxBytes: 40_000, maxRedirects: 4 },
    });
    for (const r of pending) r.destroy();
    expect(Date.now() - t).toBeLessThan(5_000);
    const why = (p: string) => failures.get(srv.url(p)) ?? '(not failed)';
    expect(why('/x/feed500')).toMatch(/HTTP 500/);
    expect(why('/x/garbage.xml')).toMatch(/not an XML feed/);
    expect(why('/x/truncated.xml')).toMatch(/malformed feed XML/);
    expect(why('/x/report.pdf')).toMatch(/unexpected content type "application\/pdf"/);
    expect(why('/x/binary')).toMatch(/binary data/);
    expect(why('/x/big.html')).toMatch(/too large/);
    expect(why('/x/big-chunked.html')).toMatch(/too large/);
    expect(why('/x/loop')).toMatch(/too many redirects/);
    expect(why('/x/slow')).toMatch(/timed out/);
    expect(why('/x/drip')).toMatch(/timed out/);
    expect(why('/x/missing/b')).toMatch(/HTTP 404/);
    expect(failures.has(srv.url('/x/missing/a'))).toBe(false);
    expect(failures.size).toBe(11);
    expect(summary).toMatchObject({ read: 13, new: 2, failed: 11 });
    const stored = await allArticles(repo);
    const fromBody = stored.find((a) => a.url === srv.url('/x/missing/a'));
    expect(fromBody).toMatchObject({ title: 'Beirut protest (page gone)', published: '2024-06-04' });
    expect(fromBody!.text).toContain('Police fired tear gas');
    expect(stored.find((a) => a.url === srv.url('/x/ok'))).toBeDefined();
  });

  it('decodes windows-1256 and ISO-8859-6 pages to Arabic', async () => {
    const title = 'طلاب يتظاهرون أمام البرلمان';
    const html = (charset: string) =>
      newsPage({ lang: 'ar', title, paragraphs: AR_PROTEST, published: '2024-06-03', charset }).replace(
        /<script[\s\S]*?<\/script>/g,
        '',
      );
    const cp1256 = encode1256(html('windows-1256'));
    expect(cp1256.includes(Buffer.from('طلاب'))).toBe(false); // really not UTF-8
    srv.serve('/cs/1256-header', 'text/html; charset=windows-1256', cp1256);
    srv.serve(
      '/cs/1256-meta',
      'text/html',
      encode1256(html('windows-1256').replaceAll('البرلمان', 'مجلس النواب')),
    );
    const targets = [srv.url('/cs/1256-header'), srv.url('/cs/1256-meta')];
    const iso = iconvEncode(html('iso-8859-6').replaceAll('البرلمان', 'الوزارة'), 'ISO-8859-6');
    if (iso) {
      srv.serve('/cs/iso', 'text/html; charset=iso-8859-6', iso);
      targets.push(srv.url('/cs/iso'));
    }
    const { summary, failures } = await ingest(repo, targets);
    expect([...failures]).toEqual([]);
    expect(summary.new).toBe(targets.length);
    const stored = await allArticles(repo);
    const at = (p: string) => stored.find((a) => a.url === srv.url(p))!;
    expect(at('/cs/1256-header').title).toBe(title);
    expect(at('/cs/1256-header').text).toContain('تظاهر مئات الطلاب أمس الأحد أمام مبنى البرلمان');
    expect(at('/cs/1256-meta').text).toContain('أمام مبنى مجلس النواب');
    if (iso) {
      expect(at('/cs/iso').title).toBe('طلاب يتظاهرون أمام الوزارة');
      expect(at('/cs/iso').text).toContain('تظاهر مئات الطلاب أمس الأحد أمام مبنى الوزارة');
    }
    for (const a of stored) expect(a.lang).toBe('ar');
  });

  it('treats an XHTML page with an XML declaration as a page, not a feed', async () => {
    const body = newsPage({ lang: 'en', title: 'Tear gas in Beirut', paragraphs: EN_PROTEST }).replace(
      '<!doctype html>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>',
    );
    srv.serve('/xh/page', 'application/xhtml+xml', body);
    const { summary, failures } = await ingest(repo, [srv.url('/xh/page')]);
    expect([...failures]).toEqual([]);
    expect(summary.new).toBe(1);
  });
});

describe('watching feeds', () => {
  let repo: Repository;
  let clock: number;
  let sleeps: number[];
  const HOUR = 3600_000;
  const opts = (over: Partial<WatchOptions> = {}): WatchOptions => ({
    extract,
    intervalMs: HOUR,
    hostDelayMs: 2_000,
    fetch: ALLOW,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...over,
  });
  const pacer = (o: WatchOptions) => new HostPacer(o.hostDelayMs, o.now, o.sleep);
  const feedByUrl = async (url: string) => (await repo.listFeeds()).find((f) => f.url === url)!;

  beforeAll(() => {
    srv.serve('/w/a1', HTML, newsPage({ lang: 'en', title: 'Tear gas', paragraphs: EN_PROTEST }));
    srv.serve('/w/a2', HTML, newsPage({ lang: 'ar', title: 'الفاشر', paragraphs: AR_CLASH }));
    srv.route('/w/feed.xml', (req, res) => {
      const lm = 'Wed, 05 Jun 2024 08:00:00 GMT';
      if (req.headers['if-none-match'] === '"feed-v1"' || req.headers['if-modified-since'] === lm) {
        res.writeHead(304, { etag: '"feed-v1"', 'last-modified': lm });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-v1"', 'last-modified': lm });
      res.end(
        rssFeed('Watched', [
          { title: 'Tear gas', link: '/w/a1', date: '2024-06-04T18:00:00Z', body: 'x' },
          { title: 'الفاشر', link: '/w/a2', date: '2024-06-02T10:00:00Z', body: 'y' },
        ]),
      );
    });
    srv.serve('/w/a3', HTML, newsPage({ lang: 'en', title: 'Ambush', paragraphs: EN_AMBUSH }));
    srv.route('/w/three.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"three-v1"' });
      res.end(
        rssFeed('Three', [
          { title: 'Tear gas', link: '/w/a1', date: '2024-06-04T18:00:00Z', body: 'x' },
          { title: 'الفاشر', link: '/w/a2', date: '2024-06-02T10:00:00Z', body: 'y' },
          { title: 'Ambush', link: '/w/a3', date: '2024-06-03T10:00:00Z', body: 'z' },
        ]),
      );
    });
    srv.status('/w/broken.xml', 500);
    srv.serve('/w/notxml', 'application/rss+xml', 'oops');
  });

  beforeEach(async () => {
    repo = await memoryRepo();
    clock = Date.parse('2024-06-05T12:00:00Z');
    sleeps = [];
  });

  it('stores ETag and Last-Modified, then gets 304 and ingests nothing', async () => {
    await repo.addFeed(srv.url('/w/feed.xml'), 'Watched feed');
    const o = opts();
    const p = pacer(o);
    const r1 = await pollFeed(repo, await feedByUrl(srv.url('/w/feed.xml')), o, p);
    expect(r1.status).toBe('ok');
    expect(r1.summary).toMatchObject({ read: 2, new: 2, failed: 0 });
    // Two page requests to the feed's host after the feed itself: each waits the host delay.
    expect(sleeps).toEqual([2_000, 2_000]);
    const f1 = await feedByUrl(srv.url('/w/feed.xml'));
    expect(f1).toMatchObject({
      etag: '"feed-v1"',
      lastModified: 'Wed, 05 Jun 2024 08:00:00 GMT',
      failures: 0,
    });
    expect(f1.lastStatus).toMatch(/^200 ok: 2 new/);
    expect(Date.parse(f1.nextPoll!)).toBe(clock + HOUR);
    for (const a of await allArticles(repo)) expect(a.feedId).toBe(f1.id);

    // Not due yet: skipped without a request.
    const hits = srv.count('/w/feed.xml');
    expect((await pollFeed(repo, f1, o, p)).status).toBe('skipped');
    expect(srv.count('/w/feed.xml')).toBe(hits);

    clock += HOUR + 1;
    const pageHits = srv.count('/w/a1') + srv.count('/w/a2');
    const r2 = await pollFeed(repo, f1, o, p);
    expect(r2.status).toBe('not-modified');
    expect(r2.summary.new).toBe(0);
    const req = srv.hits.filter((h) => h.path === '/w/feed.xml').at(-1)!;
    expect(req.headers['if-none-match']).toBe('"feed-v1"');
    expect(req.headers['if-modified-since']).toBe('Wed, 05 Jun 2024 08:00:00 GMT');
    expect(srv.count('/w/a1') + srv.count('/w/a2')).toBe(pageHits);
    const f2 = await feedByUrl(srv.url('/w/feed.xml'));
    expect(f2).toMatchObject({ lastStatus: '304 not modified', failures: 0, etag: '"feed-v1"' });
    expect(Date.parse(f2.nextPoll!)).toBe(clock + HOUR);
    expect((await repo.counts()).articles).toBe(2);
  });

  it('stopped midway: the article in progress is stored, the feed stays due, the next poll reads the rest', async () => {
    await repo.addFeed(srv.url('/w/three.xml'), 'Three');
    const stop = new AbortController();
    const hits = () => ['/w/a1', '/w/a2', '/w/a3'].map((p) => srv.count(p));
    const before = hits();
    // Stopped while waiting to fetch the first item's page.
    const o = opts({
      signal: stop.signal,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
        stop.abort();
      },
    });
    const r1 = await pollFeed(repo, await feedByUrl(srv.url('/w/three.xml')), o, pacer(o));
    expect(r1.status).toBe('interrupted');
    expect(r1.summary).toMatchObject({ read: 1, new: 1, failed: 0 });
    expect(hits()).toEqual([before[0]! + 1, before[1], before[2]]);
    const f1 = await feedByUrl(srv.url('/w/three.xml'));
    expect(f1.etag).toBeUndefined();
    expect(f1.nextPoll).toBeUndefined();
    expect(f1.lastStatus).toBe('interrupted: 1 new');

    const r2 = await pollFeed(repo, f1, opts(), pacer(opts()));
    expect(r2.status).toBe('ok');
    expect(r2.summary).toMatchObject({ read: 3, new: 2, duplicate: 1, failed: 0 });
    expect(hits()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1]);
    expect((await feedByUrl(srv.url('/w/three.xml'))).etag).toBe('"three-v1"');
    expect((await repo.counts()).articles).toBe(3);
  });

  it('backs off a failing feed and skips it until it is due', async () => {
    await repo.addFeed(srv.url('/w/broken.xml'), 'Broken');
    const o = opts();
    const p = pacer(o);
    const r1 = await pollFeed(repo, await feedByUrl(srv.url('/w/broken.xml')), o, p);
    expect(r1.status).toBe('failed');
    expect(r1.detail).toMatch(/HTTP 500/);
    const f1 = await feedByUrl(srv.url('/w/broken.xml'));
    expect(f1.failures).toBe(1);
    expect(f1.lastStatus).toMatch(/^error: HTTP 500/);
    expect(Date.parse(f1.nextPoll!)).toBe(clock + HOUR);

    const hits = srv.count('/w/broken.xml');
    clock += 60_000;
    expect((await pollFeed(repo, f1, o, p)).status).toBe('skipped');
    expect(srv.count('/w/broken.xml')).toBe(hits);

    clock += HOUR;
    expect((await pollFeed(repo, f1, o, p)).status).toBe('failed');
    const f2 = await feedByUrl(srv.url('/w/broken.xml'));
    expect(f2.failures).toBe(2);
    expect(Date.parse(f2.nextPoll!)).toBe(clock + 2 * HOUR);

    expect(backoffMs(1, HOUR, 24 * HOUR)).toBe(HOUR);
    expect(backoffMs(3, HOUR, 24 * HOUR)).toBe(4 * HOUR);
    expect(backoffMs(30, HOUR, 24 * HOUR)).toBe(24 * HOUR);
  });

  it('a feed that is not XML fails as a whole and backs off', async () => {
    await repo.addFeed(srv.url('/w/notxml'), 'Not XML');
    const r = await pollFeed(repo, await feedByUrl(srv.url('/w/notxml')), opts(), pacer(opts()));
    expect(r.status).toBe('failed');
    expect(r.detail).toMatch(/not an XML feed/);
    expect((await feedByUrl(srv.url('/w/notxml'))).failures).toBe(1);
  });

  it('pollAll: one failing feed does not stop the others', async () => {
    await repo.addFeed(srv.url('/w/broken.xml'), 'Broken');
    await repo.addFeed(srv.url('/w/notxml'), 'Not XML');
    await repo.addFeed(srv.url('/w/feed.xml'), 'Watched feed');
    const lines: string[] = [];
    const o = opts({ log: (l) => lines.push(l) });
    const out = await pollAll(repo, o, pacer(o));
    expect(out.map((r) => r.status)).toEqual(['failed', 'failed', 'ok']);
    expect(out[2]!.summary.new).toBe(2);
    expect((await repo.counts()).articles).toBe(2);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Broken: failed \(HTTP 500/);
    expect(lines[2]).toMatch(/^Watched feed: ok; new 2/);
    // Every request went to one host: each waited the host delay after the previous one.
    expect(sleeps).toEqual([2_000, 2_000, 2_000, 2_000]);
    // Again at once: every feed is skipped.
    const again = await pollAll(repo, o, pacer(o));
    expect(again.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('HostPacer spaces requests to one host and not across hosts', async () => {
    const p = new HostPacer(
      1_000,
      () => clock,
      async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    );
    const t0 = clock;
    const at: [string, number][] = [];
    for (const u of [
      'http://a.example/1',
      'http://a.example/2',
      'http://b.example/1',
      'http://a.example/3',
    ]) {
      await p.wait(u);
      at.push([u, clock - t0]);
    }
    expect(at).toEqual([
      ['http://a.example/1', 0],
      ['http://a.example/2', 1_000],
      ['http://b.example/1', 1_000],
      ['http://a.example/3', 2_000],
    ]);
    clock += 5_000; // long after: no wait
    await p.wait('http://a.example/4');
    expect(sleeps).toEqual([1_000, 1_000]);
  });

  it('watch: once polls every feed; a long-running watch does not pile up abort listeners', async () => {
    await repo.addFeed(srv.url('/w/feed.xml'), 'Watched feed');
    await watch(repo, { ...opts(), once: true });
    expect((await repo.counts()).articles).toBe(2);

    const empty = await memoryRepo();
    const stop = new AbortController();
    let rounds = 0;
    let maxListeners = 0;
    await watch(empty, {
      ...opts(),
      signal: stop.signal,
      sleep: async (ms) => {
        clock += ms;
        maxListeners = Math.max(maxListeners, getEventListeners(stop.signal, 'abort').length);
        if (++rounds === 25) stop.abort();
      },
    });
    expect(rounds).toBe(25);
    expect(maxListeners).toBeLessThanOrEqual(1);
  });
});
