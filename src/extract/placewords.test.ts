import { beforeAll, describe, expect, it } from 'vitest';
import { createDoc } from '../text/doc.js';
import { annotate } from './annotate.js';
import { type ExtractContext, loadContext } from './context.js';
import type { Annotations } from './types.js';

let ctx: ExtractContext;
beforeAll(() => {
  ctx = loadContext();
});

function ann(text: string): { words: (r: { start: number; end: number }) => string; a: Annotations } {
  const doc = createDoc({ id: 't', text, published: '2024-03-12' });
  const a = annotate(doc, ctx);
  return { words: (r) => doc.text.slice(r.start, r.end), a };
}

describe('words inside a place name', () => {
  it('are no actor or victim noun («مدني» in «ود مدني»)', () => {
    const { a, words } = ann('سيطرت قوات الدعم السريع على مدينة ود مدني يوم الاثنين.');
    expect(a.places.map(words)).toEqual(['ود مدني']);
    expect(a.actors.map(words)).toEqual(['قوات الدعم السريع']);
    expect(a.cues.filter((c) => c.entry.kind === 'civilian_victim')).toEqual([]);
  });
  it('leave the same word outside the name alone («قتل مدني في ود مدني»)', () => {
    const { a, words } = ann('قتل مدني في ود مدني يوم الاثنين.');
    expect(a.actors.map((m) => [words(m), m.actor?.name])).toEqual([['مدني', 'Civilians (Sudan)']]);
    expect(a.cues.filter((c) => c.entry.kind === 'civilian_victim').map(words)).toEqual(['مدني']);
  });
  it('are no trigger, target word, date or figure', () => {
    expect(
      ann('تظاهر المئات في ميدان التحرير يوم الجمعة.').a.triggers.map((t) => t.entry.subEventType),
    ).toEqual(['Peaceful protest']);
    expect(
      ann('اندلعت مواجهات في بيت لحم أمس.').a.cues.filter((c) => c.entry.kind === 'civilian_target'),
    ).toEqual([]);
    const market = ann('سقطت قذيفة هاون على سوق الخميس في محافظة حجة يوم الاثنين.');
    expect(market.a.dates.map(market.words)).toEqual(['يوم الاثنين']);
    expect(ann('سقط صاروخ على بئر السبع أمس.').a.numbers).toEqual([]);
    const port = ann('Police arrested five men in Port Said on Monday.');
    expect(port.a.cues.filter((c) => c.entry.kind === 'report')).toEqual([]);
    expect(ann('Police arrested five men in Sixth of October City.').a.dates).toEqual([]);
  });
  it("keep a facility's target word and owner (a base, a prison, a camp, a military airport)", () => {
    const base = ann('قصفت فصائل المعارضة قاعدة حميميم بطائرات مسيرة.');
    expect(base.a.cues.filter((c) => c.entry.kind === 'armed_target').map(base.words)).toEqual(['قاعدة']);
    const camp = ann('قصفت المدفعية مخيم اليرموك أمس.');
    expect(camp.a.cues.filter((c) => c.entry.kind === 'civilian_target').map(camp.words)).toEqual(['مخيم']);
    const airport = ann('Islamic State fighters attacked Tiyas military airport on Monday.');
    expect(airport.a.actors.map(airport.words)).toContain('military');
  });
  it('are read as words when the name is only a transliteration guess', () => {
    // "Daraa Kills" in a headline resembles a town's consonants; "Kills" still reports deaths
    const { a } = ann('Syrian Army Foils Takfiri Attack in Daraa Kills at least 50 Gunmen in Lattakia.');
    expect(a.triggers.map((t) => t.entry.subEventType)).toContain('KILL');
  });
});
