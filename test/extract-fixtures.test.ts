import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../src/extract/index.js';
import { pct, readFixture, scoreFixtures } from './fixture-score.js';

let ex: Extractor;
beforeAll(() => {
  ex = createExtractor();
});

/**
 * The hand-written sentence fixtures (test/fixtures/README.md) as a quality floor: these are
 * regression bounds measured when the rules were written, not per-item expectations, so a rule
 * change that loses ground on any dimension fails here.
 */
describe.each([
  ['ar', { relevance: 84, type: 80, sub: 74, fatal: 70, actor1: 56, date: 78 }],
  ['en', { relevance: 85, type: 78, sub: 72, fatal: 73, actor1: 52, date: 75 }],
])('sentence fixtures (%s)', (lang, floor) => {
  it('meets the quality floor', () => {
    const items = readFixture(`test/fixtures/sentences.${lang}.jsonl`);
    const s = scoreFixtures(ex, items);
    const got = {
      relevance: pct(s.relevanceCorrect, s.items),
      type: pct(s.typeHit, s.events),
      sub: pct(s.subHit, s.events),
      fatal: pct(s.fatalHit, s.events),
      actor1: pct(s.actor1Hit, s.events),
      date: pct(s.dateHit, s.events),
    };
    if (process.env.MARSAD_FIXTURE_REPORT) console.log(lang, got, '\n' + s.failures.join('\n'));
    for (const k of Object.keys(floor) as (keyof typeof floor)[])
      expect(got[k], k).toBeGreaterThanOrEqual(floor[k]);
  });
});

describe('bundled examples', () => {
  it('finds the events an analyst coded in examples/expected.jsonl', () => {
    const items = readFixture('examples/articles.jsonl');
    const expected = new Map(readFixture('examples/expected.jsonl').map((x) => [x.id, x.events ?? []]));
    const s = scoreFixtures(ex, items, expected);
    if (process.env.MARSAD_FIXTURE_REPORT) console.log(s);
    expect(pct(s.relevanceCorrect, s.items)).toBeGreaterThanOrEqual(90);
    expect(pct(s.typeHit, s.events)).toBeGreaterThanOrEqual(80);
    expect(pct(s.dateHit, s.events)).toBeGreaterThanOrEqual(75);
  });
});
