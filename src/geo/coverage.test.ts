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
