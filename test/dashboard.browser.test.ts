/**
 * The web dashboard in a real browser (Debian's Chromium through playwright-core) over a real
 * `marsad serve` on a store seeded by `marsad ingest` from our own test reports: the map,
 * timeline and table agree with the API; filters; an event's evidence highlighted in its
 * article; Arabic right-to-left; the extract page; article markup shown as text; and no request
 * leaving the machine. Screenshots go to test-artifacts/screenshots/.
 *
 * Needs Chromium at /usr/bin/chromium (or MARSAD_CHROMIUM). CI installs it; a CI run without it
 * fails rather than skips.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers.js';

const CHROMIUM = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const TOKEN = 'browser-test-token';

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install chromium)`);

/** An article written for this test whose text and title carry markup and script. */
const HOSTILE = {
  id: 'hostile-1',
  lang: 'en',
  published: '2024-06-03',
  source: 'Markup Gazette',
  url: 'https://news.example/en/hostile',
  title: '<b>Protest</b> in Tripoli <img src=x onerror="window.__pwned=1">',
  text:
    'Dozens of residents protested in Tripoli, Libya, on Sunday against power cuts. ' +
    '<script>window.__pwned = 2</script> <img src=x onerror="window.__pwned=3"> The protest was peaceful.',
};

const ARABIC_PASTE =
  'قُتل أربعة عناصر من قوات سوريا الديمقراطية، أمس الثلاثاء، في هجوم شنه مسلحون من تنظيم الدولة الإسلامية على حاجز في بلدة الشحيل بريف دير الزور الشرقي، بحسب مصادر محلية.';

interface ApiEvents {
  count: number;
  events: { event_id: string; event_type: string; country: string; sources: string[] }[];
}

let dir: string;
let server: ChildProcess | undefined;
let base: string;
let ctx: BrowserContext;
let page: Page;
const external: string[] = [];
const consoleErrors: string[] = [];

async function json<T>(path: string): Promise<T> {
  const res = await fetch(base + path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function shot(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--quiet'], {
    env: { ...process.env, MARSAD_TOKEN: TOKEN, MARSAD_TILES: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${out} ${err}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0] });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe.skipIf(!HAVE_CHROMIUM)('web dashboard (Chromium)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-web-'));
    const db = join(dir, 'store.sqlite');
    const hostile = join(dir, 'hostile.jsonl');
    writeFileSync(hostile, JSON.stringify(HOSTILE) + '\n');
    const ingest = spawnSync(
      process.execPath,
      [CLI, 'ingest', '--db', db, join(ROOT, 'test', 'fixtures', 'dedup', 'reports.jsonl'), hostile],
      { encoding: 'utf8' },
    );
    expect(ingest.status, ingest.stderr).toBe(0);
    const started = await startServe(db);
    server = started.child;
    base = started.url;
    ctx = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      viewport: { width: 1400, height: 1000 },
      locale: 'en-GB',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(base) && !u.startsWith('data:')) external.push(u);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the map, the timeline and the table of every stored event', async () => {
    const all = await json<ApiEvents>('/api/events?limit=1000');
    expect(all.count).toBeGreaterThan(15);
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid=event-row]');
    expect(await page.textContent('[data-testid=count]')).toBe(all.count.toLocaleString('en-GB'));
    expect(await page.locator('[data-testid=event-row]').count()).toBe(all.count);
    // The basemap outlines come with the app, and the events are drawn on it (dots or clusters).
    await page.waitForSelector('[data-testid=map][data-outlines=loaded]');
    const drawn = await page.evaluate(() => {
      const dots = document.querySelectorAll('.event-dot').length;
      let inClusters = 0;
      for (const c of document.querySelectorAll<HTMLElement>('.cluster-marker'))
        inClusters += Number(c.dataset.count);
      return dots + inClusters;
    });
    const placed = (await json<{ points: unknown[] }>('/api/summary')).points.length;
    expect(drawn).toBe(placed);
    // The timeline's bars add up to the events.
    const barTotal = await page.$$eval('[data-testid=timeline] .bar', (bars) =>
      bars.reduce((n, b) => n + Number(b.getAttribute('data-events')), 0),
    );
    expect(barTotal).toBe(all.count);
    await shot('dashboard-en');
  });

  it('filters by country and event type, in the address too', async () => {
    const expected = await json<ApiEvents>('/api/events?country=Sudan&event_type=Violence+against+civilians');
    expect(expected.count).toBeGreaterThan(0);
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid=event-row]');
    const before = await page.locator('[data-testid=event-row]').count();
    await page.fill('[data-testid=filter-country]', 'Sudan');
    await page.selectOption('[data-testid=filter-event_type]', 'Violence against civilians');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=event-row]').length === n,
      expected.count,
    );
    expect(expected.count).toBeLessThan(before);
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('country=Sudan');
    const rows = await page.$$eval('[data-testid=event-row]', (trs) => trs.map((tr) => tr.textContent ?? ''));
    for (const r of rows) {
      expect(r).toContain('Violence against civilians');
      expect(r).toContain('Sudan');
    }
    const ids = await page.$$eval('[data-testid=event-row]', (trs) =>
      trs.map((tr) => tr.getAttribute('data-id')),
    );
    expect(ids.sort()).toEqual(expected.events.map((e) => e.event_id).sort());
    // Sorting by fatalities puts the largest first.
    await page.click('th:nth-child(7) button');
    const deaths = await page.$$eval('[data-testid=event-row] td:nth-child(7)', (tds) =>
      tds.map((td) => Number((td.textContent ?? '').replace(/\D/g, ''))),
    );
    expect(deaths).toEqual([...deaths].sort((a, b) => b - a));
    // The download links export exactly the filtered events.
    const csvHref = await page.getAttribute('[data-testid=downloads] a[href*="events.csv"]', 'href');
    const csv = await (await fetch(base + csvHref!)).text();
    expect(csv.trim().split('\n')).toHaveLength(expected.count + 1);
    await shot('dashboard-filtered');
    // A filter nothing matches says so, with an empty table.
    await page.goto(`${base}/#/?country=Atlantis`);
    await page.waitForSelector('[data-testid=empty]');
    expect(await page.textContent('[data-testid=empty]')).toBe('No events match these filters.');
    expect(await page.locator('[data-testid=event-row]').count()).toBe(0);
  });

  it('opens an event and highlights its evidence in the source articles', async () => {
    const all = await json<ApiEvents>('/api/events?limit=1000');
    const merged = all.events.find((e) => e.sources.length >= 2)!;
    expect(merged, 'an event merged from several outlets').toBeTruthy();
    await page.goto(`${base}/#/?country=${encodeURIComponent(merged.country)}`);
    await page.click(`[data-testid=event-row][data-id="${merged.event_id}"] td:nth-child(2)`);
    await page.waitForSelector(`[data-testid=event-page][data-id="${merged.event_id}"]`);
    const reports = page.locator('[data-testid=report]');
    expect(await reports.count()).toBeGreaterThanOrEqual(2);
    const detail = await json<{
      reports: { article: { id: number }; evidence: { text: string; part: string }[] }[];
    }>(`/api/events/${merged.event_id}`);
    for (let i = 0; i < detail.reports.length; i++) {
      const marks = await reports
        .nth(i)
        .locator('[data-testid=article-text] mark.evidence')
        .allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      // Every evidence span of the report is highlighted, word for word.
      const highlighted = marks.join('');
      for (const ev of detail.reports[i]!.evidence) expect(highlighted).toContain(ev.text.trim());
    }
    // An Arabic source keeps its right-to-left direction even in the English interface.
    const dirs = await page.$$eval('[data-testid=article-text]', (els) =>
      els.map((e) => e.getAttribute('dir')),
    );
    expect(dirs).toContain('rtl');
    await shot('event-en');
  });

  it('switches the whole interface to Arabic, right to left', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid=event-row]');
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.waitForSelector('[data-testid=event-row]');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).direction)).toBe(
      'rtl',
    );
    expect(await page.textContent('[data-nav=events]')).toBe('الأحداث');
    // Mirrored layout: the brand is now on the right, the language switch on the left.
    const brand = (await page.locator('[data-testid=brand]').boundingBox())!;
    const switcher = (await page.locator('[data-testid=lang-switch]').boundingBox())!;
    expect(brand.x).toBeGreaterThan(switcher.x);
    // The first table column (date) is at the right edge of the table.
    const table = (await page.locator('[data-testid=events-table]').boundingBox())!;
    const firstHead = (await page.locator('[data-testid=events-table] th').first().boundingBox())!;
    expect(firstHead.x + firstHead.width).toBeGreaterThan(table.x + table.width * 0.8);
    expect(await page.textContent('[data-testid=filter-apply]')).toBe('تطبيق');
    await page.waitForSelector('[data-testid=map][data-outlines=loaded]');
    await shot('dashboard-ar');
    // The choice is remembered.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  it('extracts a pasted article without storing it', async () => {
    const before = await json<{ counts: { articles: number } }>('/healthz');
    await page.goto(`${base}/#/extract`);
    await page.fill('[data-testid=extract-text]', ARABIC_PASTE);
    await page.fill('[data-testid=extract-published]', '2024-10-09');
    await page.click('[data-testid=extract-run]');
    await page.waitForSelector('[data-testid=extract-event]');
    const card = await page.textContent('[data-testid=extract-event]');
    expect(card).toContain('Battles');
    expect(card).toContain('Islamic State');
    expect(card).toContain('2024-10-08');
    const marks = await page
      .locator('[data-testid=extract-result] [data-testid=article-text] mark.evidence')
      .count();
    expect(marks).toBeGreaterThan(2);
    expect(await page.getAttribute('[data-testid=extract-result] [data-testid=article-text]', 'dir')).toBe(
      'rtl',
    );
    const after = await json<{ counts: { articles: number } }>('/healthz');
    expect(after.counts.articles).toBe(before.counts.articles);
    await shot('extract');
  });

  it('shows markup in an article as text, never running it', async () => {
    const articles = await json<{ articles: { id: number; title: string }[] }>('/api/articles?limit=100');
    const hostile = articles.articles.find((a) => a.title?.includes('<b>Protest</b>'))!;
    expect(hostile).toBeTruthy();
    await page.goto(`${base}/#/articles/${hostile.id}`);
    await page.waitForSelector('[data-testid=article-page] [data-testid=article-text]');
    const text = await page.textContent('[data-testid=article-page] [data-testid=article-text]');
    expect(text).toContain('<script>window.__pwned = 2</script>');
    expect(text).toContain('<b>Protest</b>');
    expect(
      await page.locator('[data-testid=article-text] script, [data-testid=article-text] img').count(),
    ).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('loads nothing from other origins and logs no errors', async () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const res = await fetch(`${base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
