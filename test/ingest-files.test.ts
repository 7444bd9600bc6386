/**
 * `marsad ingest` over files and folders, as a user runs it (the built CLI): every format, the
 * charsets, bad input reported and skipped, idempotence, then export and events show.
 */
import { closeSync, mkdirSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { marsad, tempDir } from './helpers.js';

const AR =
  'الحسكة - قُتل خمسة عناصر من قوات سوريا الديمقراطية أمس في هجوم شنه تنظيم الدولة الإسلامية على حاجز قرب مدينة الحسكة.';
const EN =
  'Gunmen killed three civilians on Sunday in an attack on a market in the town of Baidoa, police said.';
const AR_PROTEST = 'تظاهر المئات أمس في مدينة السويداء للمطالبة بالإفراج عن المعتقلين.';

/** windows-1256 bytes of a text (the inverse of the WHATWG decoder's table). */
function encode1256(text: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

const SUMMARY = /read (\d+), new (\d+), duplicate (\d+), failed (\d+), events (\d+), merged (\d+)/;
function summary(stdout: string) {
  const m = SUMMARY.exec(stdout);
  if (!m) throw new Error(`no summary in: ${stdout}`);
  const [read, fresh, duplicate, failed, events, merged] = m.slice(1).map(Number) as number[];
  return { read, new: fresh, duplicate, failed, events, merged };
}

function fixtureFolder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), AR);
  writeFileSync(join(dir, 'nested', 'cp1256.txt'), encode1256(AR_PROTEST));
  writeFileSync(
    join(dir, 'nested', 'page.html'),
    `<!doctype html><html lang="en"><head><title>Baidoa attack</title><meta property="article:published_time" content="2024-03-11T08:00:00Z"><script>var x = "<b>not text</b>";</script></head><body><nav>Home | World</nav><article><h1>Gunmen kill three in Baidoa</h1><p>${EN}</p><p>The attack happened in the main market, witnesses said, and the gunmen fled.</p></article></body></html>`,
  );
  writeFileSync(
    join(dir, 'nested', 'deeper', 'batch.jsonl'),
    [
      JSON.stringify({
        id: 'j1',
        text: 'Protesters gathered in Tunis on Monday to demand jobs.',
        published: '2024-03-11',
      }),
      '{"id": "truncated", "text": "half a line',
      JSON.stringify({ id: 'j2', title: 'no text' }),
      JSON.stringify({
        id: 'j3',
        text: 'Security forces arrested 12 people in Kasserine on Monday.',
        published: '2024-03-11',
      }),
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'articles.csv'),
    'id,title,published,text\n' +
      'c1,Clash,2024-03-11,"Clashes between the army and gunmen near Sirte killed two soldiers on Monday."\n' +
      'c2,,not-a-date,"Some text"\n' +
      'c3,Quote,2024-03-11,"An ""unclosed quote\n',
  );
  writeFileSync(join(dir, 'ignored.bin'), Buffer.from([0, 1, 2, 3]));
  writeFileSync(join(dir, 'junk.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'empty.txt'), '   \n');
  return dir;
}

describe('marsad ingest (files and folders)', () => {
  it('reads a folder recursively, reports bad inputs, stores the rest, and adds nothing the second time', () => {
    const dir = fixtureFolder();
    const db = join(tempDir(), 'store.sqlite');
    const r1 = marsad(['ingest', dir, '--db', db, '--published', '2024-03-12', '-j', '1']);
    expect(r1.code).toBe(1);
    const s1 = summary(r1.stdout);
    // a.txt, cp1256.txt, page.html, j1, j3, c1 stored; truncated JSON, missing text, bad date,
    // the unclosed quote, the binary and the empty file reported
    expect(s1.new).toBe(6);
    expect(s1.failed).toBeGreaterThanOrEqual(5);
    expect(s1.events).toBeGreaterThan(3);
    expect(r1.stderr).toMatch(/batch\.jsonl:2: invalid JSON/);
    expect(r1.stderr).toMatch(/batch\.jsonl:3: missing "text"/);
    expect(r1.stderr).toMatch(/articles\.csv:\d+: .*date/);
    expect(r1.stderr).toMatch(/junk\.txt: binary data/);
    expect(r1.stderr).toMatch(/empty\.txt: empty text/);
    expect(r1.stderr).not.toMatch(/ignored\.bin/);

    const sqlite = new Database(db, { readonly: true });
    const texts = sqlite.prepare('SELECT ext_id, title, text, lang, published FROM articles').all() as Record<
      string,
      string
    >[];
    sqlite.close();
    const byId = new Map(texts.map((t) => [t.ext_id, t]));
    expect(byId.get('cp1256')!.text).toBe(AR_PROTEST);
    const page = byId.get('page')!;
    expect(page.title).toBe('Gunmen kill three in Baidoa');
    expect(page.published).toBe('2024-03-11');
    expect(page.lang).toBe('en');
    expect(page.text).toContain('Gunmen killed three civilians');
    expect(page.text).not.toContain('not text');
    expect(page.text).not.toContain('Home | World');

    const r2 = marsad(['ingest', dir, '--db', db, '--published', '2024-03-12', '-q']);
    const s2 = summary(r2.stdout);
    expect(s2.new).toBe(0);
    expect(s2.duplicate).toBe(6);
    expect(r2.stderr).toBe('');

    // re-extraction keeps every event id
    const ids = () =>
      marsad(['export', '--db', db, '--format', 'jsonl'])
        .stdout.trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { event_id: string; event_type: string }).event_id)
        .sort();
    const before = ids();
    const re = marsad(['reextract', '--db', db]);
    expect(re.stdout).toMatch(/re-extracted 6 article/);
    expect(ids()).toEqual(before);

    // export: ACLED CSV column order, GeoJSON points, JSONL; events show explains the event
    const csv = marsad(['export', '--db', db, '--format', 'csv', '--country', 'Syria']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.slice(1).every((l) => /^MRS\d+,/.test(l))).toBe(true);
    const geo = JSON.parse(marsad(['export', '--db', db, '--format', 'geojson']).stdout) as {
      type: string;
      features: { geometry: { type: string } }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(0);
    expect(geo.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    const jsonl = marsad(['export', '--db', db, '--format', 'jsonl', '-q', 'الحسكة'])
      .stdout.trim()
      .split('\n');
    const ev = JSON.parse(jsonl[0]!) as { event_id: string; admin1: string };
    expect(ev.admin1).toBe('Al Hasakeh');
    const show = marsad(['events', 'show', ev.event_id, '--db', db]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('first report of this event');
    expect(show.stdout).toMatch(/report \d+ from article/);
    expect(marsad(['events', 'show', 'MRS999999', '--db', db]).code).toBe(2);
    expect(marsad(['export', '--db', db, '--event-type', 'War']).stderr).toMatch(/event_type/);
  });

  it('refuses a file over the size limit without reading it (a sparse 1 GB file)', () => {
    const dir = tempDir();
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w');
    writeFileSync(fd, 'x');
    closeSync(fd);
    // 1 GB of holes: no disk space used
    truncateSync(big, 1024 * 1024 * 1024);
    writeFileSync(join(dir, 'ok.txt'), EN);
    const r = marsad(['ingest', dir, '--db', join(dir, 's.sqlite'), '--published', '2024-03-11']);
    expect(r.stderr).toMatch(/huge\.txt: file too large/);
    expect(summary(r.stdout)).toMatchObject({ new: 1, failed: 1 });
  });

  it('gives a usage error without inputs and a clear error for a missing path', () => {
    expect(marsad(['ingest']).code).toBe(2);
    const dir = tempDir();
    const r = marsad(['ingest', join(dir, 'nope.jsonl'), '--db', join(dir, 's.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.jsonl: no such file or folder/);
  });
});
