import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, marsad, tempDir } from './helpers.js';

const AR_ARTICLE =
  'دمشق - قتل خمسة جنود من الجيش السوري أمس في هجوم شنه تنظيم داعش على حاجز عسكري قرب مدينة تدمر في ريف حمص الشرقي.\n' +
  'وقال مصدر عسكري إن اشتباكات عنيفة دارت بين الطرفين استمرت ساعات.';
const EN_ARTICLE =
  'Gunmen killed three civilians on Sunday in an attack on a market in the town of Baidoa, police said.';

/** Encodes text as windows-1256 (the inverse of the WHATWG decoder's table). */
function encode1256(text: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

function expectOneLineError(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(1);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(lines[0]).toMatch(/^marsad: /);
}

describe('marsad CLI', () => {
  it('is an executable file, as `npx marsad` and the package bin run it', () => {
    expect(statSync(CLI).mode & 0o111, 'dist/src/cli/main.js must be executable').not.toBe(0);
    const r = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints help and version', () => {
    const r = marsad(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('extract');
    expect(marsad(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(marsad(['help', 'extract']).stdout).toContain('--published');
  });

  it('rejects an unknown command with exit code 2', () => {
    const r = marsad(['frobnicate']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
  });

  it('extracts events with evidence from an Arabic text file', () => {
    const dir = tempDir();
    const f = join(dir, 'a.txt');
    writeFileSync(f, AR_ARTICLE);
    const r = marsad(['extract', f, '--published', '2024-03-11']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(out.id).toBe('a');
    expect(out.lang).toBe('ar');
    expect(out.events.length).toBeGreaterThanOrEqual(1);
    const e = out.events[0];
    expect(e.event_type).toBe('Battles');
    expect(e.event_date).toBe('2024-03-10');
    expect(e.country).toBe('Syria');
    for (const ev of e.evidence) expect(AR_ARTICLE.slice(ev.start, ev.end)).toBe(ev.text);
  });

  it('reads stdin, and text in windows-1256', () => {
    const r = marsad(['extract', '--published', '2024-03-11', '--lang', 'en'], EN_ARTICLE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('stdin');
    const dir = tempDir();
    const f = join(dir, 'cp1256.txt');
    writeFileSync(f, encode1256(AR_ARTICLE));
    const r2 = marsad(['extract', f, '--published', '2024-03-11']);
    expect(r2.code).toBe(0);
    const out = JSON.parse(r2.stdout);
    expect(out.lang).toBe('ar');
    expect(out.events.length).toBeGreaterThanOrEqual(1);
    for (const ev of out.events[0].evidence) expect(AR_ARTICLE.slice(ev.start, ev.end)).toBe(ev.text);
  });

  it('gives one-line errors for an empty file, a binary file, a missing file and a bad date', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    let r = marsad(['extract', empty]);
    expect(r.code).toBe(1);
    expectOneLineError(r.stderr);
    expect(r.stderr).toContain('empty');

    const bin = join(dir, 'junk.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1, 2, 3]));
    r = marsad(['extract', bin]);
    expect(r.code).toBe(1);
    expectOneLineError(r.stderr);
    expect(r.stderr).toContain('binary');

    r = marsad(['extract', join(dir, 'nope.txt')]);
    expect(r.code).toBe(1);
    expectOneLineError(r.stderr);

    r = marsad(['extract', empty, '--published', '2024-02-30']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
    expect(r.stderr).toContain('--published');

    r = marsad(['extract', empty, '--format', 'xml']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr);
  });

  it('reports a bad JSONL line by number, processes the others, and exits 1', () => {
    const dir = tempDir();
    const f = join(dir, 'in.jsonl');
    writeFileSync(
      f,
      [
        JSON.stringify({ id: 'one', text: AR_ARTICLE, published: '2024-03-11' }),
        '{"id": "two", "text": "broken',
        JSON.stringify({ id: 'three', text: EN_ARTICLE, published: '2024-03-11' }),
        JSON.stringify({ id: 'four' }),
        JSON.stringify({ id: 'five', text: 'x', published: 'yesterday' }),
      ].join('\n'),
    );
    const r = marsad(['extract', '--input', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\.jsonl:2: invalid JSON/);
    expect(r.stderr).toMatch(/in\.jsonl:4: missing "text"/);
    expect(r.stderr).toMatch(/in\.jsonl:5: invalid date/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const ids = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual(['one', 'three']);
  });

  it('writes json, csv and geojson', () => {
    const dir = tempDir();
    const f = join(dir, 'in.jsonl');
    writeFileSync(f, JSON.stringify({ id: 'x', text: AR_ARTICLE, published: '2024-03-11' }) + '\n');
    const json = JSON.parse(marsad(['extract', f, '-f', 'json']).stdout);
    expect(Array.isArray(json)).toBe(true);
    expect(json[0].id).toBe('x');
    const csv = marsad(['extract', f, '-f', 'csv']).stdout.split('\n');
    expect(csv[0]!.startsWith('event_id_cnty,event_date,year,time_precision,disorder_type,event_type')).toBe(
      true,
    );
    expect(csv.length).toBeGreaterThan(2);
    const gj = JSON.parse(marsad(['extract', f, '-f', 'geojson']).stdout);
    expect(gj.type).toBe('FeatureCollection');
    for (const feat of gj.features) expect(feat.geometry.type).toBe('Point');
    const outFile = join(dir, 'out.jsonl');
    expect(marsad(['extract', f, '-o', outFile]).code).toBe(0);
  });

  it('gives the same output, in input order, with worker threads', () => {
    const dir = tempDir();
    const f = join(dir, 'many.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) {
      lines.push(
        JSON.stringify({ id: `a${i}`, text: i % 2 ? AR_ARTICLE : EN_ARTICLE, published: '2024-03-11' }),
      );
    }
    writeFileSync(f, lines.join('\n'));
    const one = marsad(['extract', f, '--jobs', '1']);
    const two = marsad(['extract', f, '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('geocodes names and JSONL queries, reporting a bad line by number', () => {
    const one = marsad(['geocode', 'الحسكة', '--country', 'SY']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Al Hasakeh');
    const dir = tempDir();
    const q = join(dir, 'q.jsonl');
    const a = join(dir, 'a.jsonl');
    writeFileSync(
      q,
      ['{"id":"1","query":"حلب"}', 'not json', '{"id":"3","query":"Derna","country":"LY"}'].join('\n'),
    );
    const r = marsad(['geocode', '--input', q, '--output', a]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/q\.jsonl:2: invalid JSON/);
    const lines = readFileSync(a, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['1', '3']);
    expect(lines[0].match.admin1).toBe('Aleppo');
    expect(lines[1].match.country).toBe('Libya');
  });
});
