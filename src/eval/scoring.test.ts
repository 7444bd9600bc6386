import { describe, expect, it } from 'vitest';
import { type DocGold, type EventsGold, type Prediction, parseGold } from './gold.js';
import type { Metric, SetReport } from './metrics.js';
import { evaluate } from './run.js';

function m(r: SetReport, key: string): Metric {
  const found = r.metrics.find((x) => x.key === key);
  if (!found) throw new Error(`no metric ${key}`);
  return found;
}

// ---------- one gold event per input (ACLED notes style) ----------
const notesGold: EventsGold[] = [
  {
    id: 'n1',
    relevant: true,
    events: [
      {
        event_type_any_of: ['Protests', 'Riots'],
        sub_event_type: null,
        actor1: 'Protesters (Tunisia)',
        actor2: '',
        country: 'Tunisia',
        admin1: 'Sidi Bou Zid',
        latitude: 35.0,
        longitude: 9.5,
        fatalities: 0,
        event_date: '2016-01-20',
      },
    ],
  },
  {
    id: 'n2',
    relevant: true,
    events: [
      {
        event_type_any_of: ['Battles'],
        sub_event_type: 'Armed clash',
        actor1: 'Military Forces of Libya (2014-)',
        actor2: 'Islamic State (Cyrenaica Province)',
        country: 'Libya',
        admin1: 'Al Hizam Al Akhdar',
        latitude: 32.0,
        longitude: 20.0,
        fatalities: 4,
        event_date: '2016-02-01',
      },
    ],
  },
  {
    id: 'n3',
    relevant: true,
    events: [
      {
        event_type: 'Violence against civilians',
        actor1: 'Unidentified Armed Group (Sudan)',
        actor2: 'Civilians (Sudan)',
        admin1: 'Darfur',
        latitude: 13,
        longitude: 25,
        fatalities: 1,
        event_date: '2016-03-03',
      },
    ],
  },
];

const notesPred: Prediction[] = [
  {
    id: 'n1',
    events: [
      // Riots is in event_type_any_of: counts as right; 0.2° of latitude ≈ 22 km.
      {
        event_type: 'Riots',
        sub_event_type: 'Violent demonstration',
        actor1: 'Rioters (Tunisia)',
        actor2: '',
        admin1: 'Sidi Bouzid',
        latitude: 35.2,
        longitude: 9.5,
        fatalities: 0,
        event_date: '2016-01-20',
        confidence: 0.9,
      },
    ],
  },
  {
    id: 'n2',
    events: [
      // A worse candidate first; the best match must be the second event.
      { event_type: 'Strategic developments', admin1: 'Benghazi', confidence: 0.95 },
      {
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: 'Military Forces of Libya',
        actor2: 'ISIS',
        admin1: 'Al-Hizam al-Akhdar',
        latitude: 32.4,
        longitude: 20.0,
        fatalities: 5,
        event_date: '2016-02-01',
        confidence: 0.85,
      },
    ],
  },
  // n3: no prediction at all.
];

describe('single-event gold (notes style)', () => {
  const r = evaluate('notes', parseGold(notesGold as never), notesPred);
  it('detects the mode', () => {
    expect(r.mode).toBe('single');
  });
  it('scores the best-matching event, a missing prediction counting as wrong', () => {
    expect(m(r, 'event_type')).toMatchObject({ hits: 2, n: 3 });
    expect(m(r, 'sub_event_type')).toMatchObject({ hits: 1, n: 1 });
    expect(m(r, 'admin1')).toMatchObject({ hits: 2, n: 3 });
    expect(m(r, 'within_25km')).toMatchObject({ hits: 1, n: 3 }); // n2 is ~44 km off
    expect(m(r, 'within_50km')).toMatchObject({ hits: 2, n: 3 });
    expect(m(r, 'fatalities_exact')).toMatchObject({ hits: 1, n: 3 });
    expect(m(r, 'actor1')).toMatchObject({ hits: 1, n: 3 }); // Rioters ≠ Protesters
    expect(m(r, 'actor2')).toMatchObject({ hits: 2, n: 3 }); // '' = '' and ISIS = Islamic State (…)
    expect(m(r, 'event_date')).toMatchObject({ hits: 2, n: 3 });
    expect(m(r, 'no_event')).toMatchObject({ hits: 1, n: 3 });
  });
  it('relevance: every note is relevant', () => {
    expect(m(r, 'relevance_p').value).toBe(1);
    expect(m(r, 'relevance_r')).toMatchObject({ hits: 2, n: 3 });
    expect(m(r, 'relevance_f1').value).toBeCloseTo(0.8);
  });
  it('calibration: best matches right by type, extra high-confidence events wrong', () => {
    expect(r.calibration).toMatchObject({ count: 3, right: 2 });
  });
});

// ---------- many events per article (Arabic newspaper style) ----------
const arGold: EventsGold[] = [
  {
    id: 'a1',
    relevant: true,
    events: [
      {
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: 'Houthis (Ansar Allah)',
        actor2: 'Popular Resistance (Yemen)',
        country: 'Yemen',
        admin1: 'Taizz',
        event_date: '2015-07-20',
        fatalities: 10,
      },
      {
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: 'Houthis (Ansar Allah)',
        actor2: 'Popular Resistance (Yemen)',
        country: 'Yemen',
        admin1: 'Aden',
        event_date: '2015-07-20',
        fatalities: 5,
      },
      {
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Air/drone strike',
        actor1: 'Saudi-led Coalition',
        actor2: 'Houthis (Ansar Allah)',
        country: 'Yemen',
        admin1: '',
        event_date: '2015-07-20',
        fatalities: 0,
      },
    ],
  },
  { id: 'a2', relevant: false, events: [] },
  {
    id: 'a3',
    relevant: true,
    events: [
      {
        event_type: 'Violence against civilians',
        sub_event_type: 'Attack',
        actor1: 'Islamic State (Iraq)',
        actor2: 'Civilians (Iraq)',
        country: 'Iraq',
        admin1: 'Diyala',
        event_date: '2015-07-17',
        fatalities: 100,
      },
    ],
  },
  {
    id: 'a4',
    relevant: true,
    events: [
      {
        event_type: 'Protests',
        sub_event_type: 'Peaceful protest',
        actor1: 'Protesters (Yemen)',
        actor2: '',
        country: 'Yemen',
        admin1: 'Sanaa',
        event_date: '2015-07-25',
        fatalities: 0,
      },
    ],
  },
];

const arPred: Prediction[] = [
  {
    id: 'a1',
    events: [
      {
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        actor1: 'Houthis',
        actor2: 'Popular Resistance',
        country: 'Yemen',
        admin1: "Ta'izz",
        event_date: '2015-07-20',
        fatalities: 12,
        confidence: 0.9,
      },
      {
        event_type: 'Explosions/Remote violence',
        sub_event_type: 'Air/drone strike',
        actor1: 'Arab Coalition',
        actor2: 'Ansar Allah',
        country: 'Yemen',
        event_date: '2015-07-19',
        fatalities: 0,
        confidence: 0.9,
      },
    ],
  },
  {
    id: 'a2',
    events: [
      {
        event_type: 'Riots',
        sub_event_type: 'Mob violence',
        actor1: 'Rioters (Saudi Arabia)',
        country: 'Saudi Arabia',
        admin1: 'Riyadh',
        event_date: '2015-07-01',
        fatalities: 0,
        confidence: 0.8,
      },
    ],
  },
  {
    id: 'a3',
    events: [
      {
        event_type: 'Violence against civilians',
        sub_event_type: 'Attack',
        actor1: 'ISIL',
        actor2: 'Civilians (Iraq)',
        country: 'Iraq',
        admin1: 'Diyala',
        event_date: '2015-07-17',
        fatalities: 85,
        confidence: 0.5,
      },
    ],
  },
  { id: 'zz', events: [{ event_type: 'Battles' }] },
];

describe('multi-event gold (Arabic newspaper style)', () => {
  const r = evaluate('ar', parseGold(arGold as never), arPred);
  it('detects the mode and ignores unknown ids', () => {
    expect(r.mode).toBe('multi');
    expect(r.unknown_prediction_ids).toBe(1);
  });
  it('relevance P/R/F1', () => {
    // predicted relevant: a1 a2 a3; gold relevant: a1 a3 a4 → tp 2, fp 1, fn 1
    expect(m(r, 'relevance_p').value).toBeCloseTo(2 / 3);
    expect(m(r, 'relevance_r').value).toBeCloseTo(2 / 3);
    expect(m(r, 'relevance_f1').value).toBeCloseTo(2 / 3);
  });
  it('micro F1 over unique (article, event type)', () => {
    // gold {a1:B, a1:E, a3:V, a4:P}; pred {a1:B, a1:E, a2:R, a3:V} → tp 3 fp 1 fn 1
    expect(m(r, 'tuple_type_f1').value).toBeCloseTo(0.75);
  });
  it('(article, type, admin1 — or country when no admin1)', () => {
    // gold: a1 B|Taizz, B|Aden, E|c:Yemen; a3 V|Diyala; a4 P|Sanaa. pred: a1 B|Taizz, E|c:Yemen; a2 R|Riyadh; a3 V|Diyala
    const p = m(r, 'tuple_type_admin1_p');
    const rec = m(r, 'tuple_type_admin1_r');
    expect([p.hits, p.n]).toEqual([3, 4]);
    expect([rec.hits, rec.n]).toEqual([3, 5]);
  });
  it('(article, type, date), (article, country), (article, actor)', () => {
    expect(m(r, 'tuple_type_date_p')).toMatchObject({ hits: 2, n: 4 });
    expect(m(r, 'tuple_country_f1').value).toBeCloseTo((2 * 2) / (2 * 2 + 1 + 1));
    // gold actors: a1 {Houthis, Popular Resistance, Saudi-led Coalition}, a3 {IS, Civilians}, a4 {Protesters}
    // pred: a1 {Houthis, Popular Resistance, Arab Coalition}, a2 {Rioters}, a3 {ISIL, Civilians}
    expect(m(r, 'tuple_actor_p')).toMatchObject({ hits: 5, n: 6 });
    expect(m(r, 'tuple_actor_r')).toMatchObject({ hits: 5, n: 6 });
  });
  it('document fatalities over relevant gold articles, exact and within 20%', () => {
    // a1: 12 vs 15 (within 20%), a3: 85 vs 100 (within), a4: 0 vs 0 (exact)
    expect(m(r, 'doc_fatalities_exact')).toMatchObject({ hits: 1, n: 3 });
    expect(m(r, 'doc_fatalities_20')).toMatchObject({ hits: 3, n: 3 });
  });
  it('calibration: right when (article, type) is in the gold', () => {
    expect(r.calibration).toMatchObject({ count: 3, right: 2 });
  });
});

// ---------- per-document gold (FA-KES style) ----------
const docGold: DocGold[] = [
  {
    id: 'f1',
    doc: {
      location: 'Hasaka',
      actor: 'the Syrian regime',
      civilians: 10,
      noncivilians: 2,
      date: '2016-07-05',
    },
  },
  {
    id: 'f2',
    doc: { location: 'Eastern Ghouta', actor: '', civilians: null, noncivilians: null, date: null },
  },
  {
    id: 'f3',
    doc: {
      location: 'Deir Ezzor Aleppo',
      actor: 'ISIL',
      civilians: 20,
      noncivilians: null,
      date: '2015-01-01',
    },
  },
  { id: 'f4', doc: { location: '', actor: 'Russian', civilians: 5, noncivilians: null, date: '2017-02-02' } },
];
const docPred: Prediction[] = [
  {
    id: 'f1',
    events: [
      {
        location: 'Al Hasakeh',
        admin1: 'Al Hasakeh',
        actor1: 'Military Forces of Syria (2000-2024)',
        fatalities: 11,
        event_date: '2016-07-05',
      },
      { location: 'Qamishli', fatalities: null, event_date: '2016-07-04' },
    ],
  },
  { id: 'f2', events: [{ location: 'Douma', admin1: 'Rif Dimashq', admin2: 'Duma' }] },
  {
    id: 'f3',
    events: [
      {
        location: 'Raqqa',
        admin1: 'Ar-Raqqa',
        actor1: 'Military Forces of Iraq',
        fatalities: 20,
        event_date: '2015-01-02',
      },
    ],
  },
];

describe('per-document gold (FA-KES style)', () => {
  const r = evaluate('fakes', parseGold(docGold as never), docPred);
  it('location: variants, areas, multi-place gold; only where gold gives one', () => {
    expect(r.mode).toBe('doc');
    expect(m(r, 'doc_location')).toMatchObject({ hits: 2, n: 3 });
  });
  it('largest fatality count vs civilians + non-civilians where the gold sum > 0', () => {
    // f1: 11 vs 12 (within), f3: 20 vs 20 (exact), f4: no event → 0 vs 5
    expect(m(r, 'doc_fatalities_exact')).toMatchObject({ hits: 1, n: 3 });
    expect(m(r, 'doc_fatalities_20')).toMatchObject({ hits: 2, n: 3 });
  });
  it('actor (loose) and date', () => {
    expect(m(r, 'doc_actor')).toMatchObject({ hits: 1, n: 3 });
    expect(m(r, 'doc_date')).toMatchObject({ hits: 1, n: 3 });
  });
});

describe('gold validation', () => {
  it('rejects mixed kinds, duplicates and events without a type', () => {
    expect(() =>
      parseGold([
        { id: 'a', events: [] },
        { id: 'b', doc: {} },
      ]),
    ).toThrow(/mixes/);
    expect(() =>
      parseGold([
        { id: 'a', events: [] },
        { id: 'a', events: [] },
      ]),
    ).toThrow(/duplicate id a/);
    expect(() => parseGold([{ id: 'a', events: [{ actor1: 'x' }] }])).toThrow(/no event_type/);
  });
});
