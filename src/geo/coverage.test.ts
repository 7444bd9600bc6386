/** Recognition, resolution and coverage fixes found on English ACLED-style notes (own fixtures). */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../text/doc.js';
import { loadGazetteer, recognizePlaces, resolvePlaces } from './index.js';

const gaz = loadGazetteer();

function run(text: string, source?: string, published = '2016-03-01') {
  const doc = createDoc({ text, published, lang: 'en', ...(source ? { source } : {}) });
  const mentions = recognizePlaces(doc, gaz);
  const resolved = resolvePlaces(doc, mentions, gaz);
  return { doc, mentions, resolved };
}

describe('English prepositions spelled like an Arabic article', () => {
  it('"at X": the preposition is not the article of the name', () => {
    const { mentions, resolved } = run('A detainee died at Tanta police station.');
    expect(mentions.map((m) => m.text)).toEqual(['Tanta']);
    expect(mentions[0]!.locative).toBe(true);
    expect(resolved[0]?.admin1).toBe('Gharbia');
  });
  it('a capitalised article stays part of the name', () => {
    const { mentions } = run('Shelling hit As Suwayda on Monday.');
    expect(mentions[0]?.text).toBe('As Suwayda');
  });
});

describe('lowercase direction words opening a region name', () => {
  it('"south Sinai" is South Sinai, not the Sinai read as North Sinai', () => {
    const { resolved } = run('Tourists were attacked in south Sinai.');
    expect(resolved[0]?.admin1).toBe('South Sinai');
  });
  it('"central Sinai" is the central Sinai area (North Sinai)', () => {
    const { mentions, resolved } = run(
      'The exchange of fire took place in a mountainous area in central Sinai.',
    );
    expect(mentions[0]?.text).toBe('central Sinai');
    expect(resolved[0]?.admin1).toBe('North Sinai');
    expect(resolved[0]!.latitude).toBeLessThan(30.5);
  });
  it('a lowercase direction word before a town is not part of it', () => {
    const { mentions } = run('Protesters marched north towards Cairo.');
    expect(mentions.map((m) => m.text)).toEqual(['Cairo']);
  });
});

describe('authored coverage', () => {
  it('spelling variants of governorates and delegation seats', () => {
    expect(run('A prisoner in the city of Sharqeya died.').resolved[0]?.admin1).toBe('Sharkia');
    const chamekh = run('Four men attacked a National Guard post in Ouled Chamekh.').resolved[0];
    expect(chamekh?.admin1).toBe('Mahdia');
    expect(chamekh?.geo_precision).toBe(1);
  });
});

describe('named events', () => {
  it('a place naming another event, after a year or a quote, is a point of reference', () => {
    const { mentions } = run('Fans marked the anniversary of the 2012 "Port Said Massacre" in Cairo.');
    expect(mentions.map((m) => [m.text, !!m.reference])).toEqual([
      ['Port Said', true],
      ['Cairo', false],
    ]);
  });
});
