import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEval } from '../cli/eval.js';
import { loadSeed, scoreSeed } from './seed.js';

const expected = [
  {
    event_date: '2022-01-21',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1_is_one_of: ['Islamic State', 'ISIS'],
    actor2_is_one_of: ['Syrian Democratic Forces', 'SDF'],
    assoc_actor_2_includes_one_of: ['Asayish', 'Kurdish internal security'],
    country: 'Syria',
    admin1: 'Al Hasakeh',
    latitude: 36.502,
    longitude: 40.748,
    geo_precision: 1,
    fatalities: 30,
    why: 'explanation, not checked',
  },
  {
    event_type: 'Strategic developments',
    sub_event_type: 'Arrests',
    admin1: 'Al Hasakeh',
    geo_precision_at_most: 2,
    fatalities: 0,
  },
];
const clash = {
  event_date: '2022-01-21',
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actor1: 'Islamic State (Syria)',
  actor2: 'SDF: Syrian Democratic Forces',
  assoc_actor_2: 'Asayish: Kurdish Internal Security Forces',
  country: 'Syria',
  admin1: 'Hasakah',
  latitude: 36.55,
  longitude: 40.7,
  geo_precision: 1,
  fatalities: 30,
  confidence: 0.9,
};
const arrests = {
  event_type: 'Strategic developments',
  sub_event_type: 'Arrests',
  admin1: 'Al-Hasakeh',
  geo_precision: 2,
  fatalities: 0,
};

function seedRecord(r: ReturnType<typeof scoreSeed>) {
  return r.records[0] as { exact: boolean; mismatches: string[] };
}

describe('seed', () => {
  it('exact when every expected event is matched and nothing else is extracted (order-free)', () => {
    const r = scoreSeed(expected, [arrests, clash]);
    expect(seedRecord(r)).toMatchObject({ exact: true, mismatches: [] });
    expect(r.metrics.find((m) => m.key === 'seed_exact')?.value).toBe('yes');
  });
  it('lists mismatching fields, missing and extra events', () => {
    const wrong = {
      ...clash,
      actor2: 'Military Forces of Turkey',
      assoc_actor_2: '',
      latitude: 37.0,
      fatalities: 23,
    };
    const r = seedRecord(
      scoreSeed(expected, [wrong, { ...arrests, geo_precision: 3 }, { event_type: 'Protests' }]),
    );
    expect(r.exact).toBe(false);
    const fields = r.mismatches.map((s) =>
      s.startsWith('extra event') ? 'extra' : s.split(': ')[1]!.split(' ')[0],
    );
    expect(fields).toEqual([
      'actor2',
      'assoc_actor_2',
      'fatalities',
      'coordinates',
      'geo_precision',
      'extra',
    ]);
    expect(seedRecord(scoreSeed(expected, [clash])).mismatches).toEqual([
      'event 2 (Strategic developments/Arrests): not extracted',
    ]);
  });
  it('loads the article named by expected.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-seed-'));
    writeFileSync(join(dir, 'a.txt'), 'نص');
    writeFileSync(
      join(dir, 'expected.json'),
      JSON.stringify({
        input: { id: 's', published: '2022-01-21', lang: 'ar', text_file: 'a.txt' },
        events: [],
      }),
    );
    expect(loadSeed(join(dir, 'expected.json')).article).toEqual({
      id: 's',
      text: 'نص',
      published: '2022-01-21',
      lang: 'ar',
    });
  });
});

describe('marsad eval', () => {
  afterEach(() => vi.restoreAllMocks());
  const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
  const gold = join(dir, 'toy.gold.jsonl');
  writeFileSync(
    gold,
    `${JSON.stringify({ id: 'a', relevant: true, events: [{ event_type: 'Battles', admin1: 'Aden', actor1: 'Houthis', actor2: '' }] })}\n${JSON.stringify({ id: 'b', relevant: false, events: [] })}\n`,
  );

  function capture() {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err += String(s);
      return true;
    });
    return { out: () => out, err: () => err };
  }

  it('scores predictions, prints a table and writes the report', async () => {
    const pred = join(dir, 'p.jsonl');
    writeFileSync(
      pred,
      `${JSON.stringify({ id: 'a', lang: 'en', events: [{ event_type: 'Battles', admin1: 'Adan', actor1: 'Ansar Allah', actor2: '' }] })}\n`,
    );
    const report = join(dir, 'out', 'r.json');
    const io = capture();
    expect(await runEval(['--gold', gold, '--pred', pred, '--report', report])).toBe(0);
    expect(io.out()).toMatch(/event type accuracy\s+100\.0% \(1\/1\)/);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json).toMatchObject({ set: 'toy', mode: 'single' });
  });
  it('one clear line and exit code 2 on a bad JSON line', async () => {
    const pred = join(dir, 'bad.jsonl');
    writeFileSync(pred, '{"id":"a","events":[]}\n{"id": "b", events}\n');
    const io = capture();
    expect(await runEval(['--gold', gold, '--pred', pred])).toBe(2);
    expect(io.err()).toMatch(/^marsad eval: .*bad\.jsonl:2: invalid JSON/);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
  it('exit code 2 on usage errors', async () => {
    const io = capture();
    expect(await runEval(['--gold', gold])).toBe(2);
    expect(await runEval(['--gold', gold, '--input', 'x', '--pred', 'y'])).toBe(2);
    expect(await runEval(['--gold', gold, '--bogus'])).toBe(2);
    expect(await runEval(['--gold', join(dir, 'missing.jsonl'), '--pred', gold])).toBe(2);
    expect(io.err()).toContain('give exactly one of --input and --pred');
    expect(io.err()).toContain('cannot read');
  });
  it('runs the extractor with --input', async () => {
    const inputs = join(dir, 'in.jsonl');
    writeFileSync(
      inputs,
      `${JSON.stringify({ id: 'a', text: 'x', lang: 'en' })}\n${JSON.stringify({ id: 'b', text: 'y', lang: 'en' })}\n`,
    );
    capture();
    expect(await runEval(['--gold', gold, '--input', inputs, '--set', 'named'])).toBe(0);
  });
});
