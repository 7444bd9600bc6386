import { describe, expect, it } from 'vitest';
import { pickPlace } from '../extract/place.js';
import { createDoc } from '../text/doc.js';
import {
  documentCountry,
  fallbackLocation,
  geocode,
  loadGazetteer,
  recognizePlaces,
  resolvePlaces,
} from './index.js';

const gaz = loadGazetteer();

function run(text: string, source?: string, published = '2016-04-01') {
  const doc = createDoc({ text, published, ...(source ? { source } : {}) });
  const mentions = recognizePlaces(doc, gaz);
  const resolved = resolvePlaces(doc, mentions, gaz);
  return { doc, mentions, resolved };
}

const named = (r: ReturnType<typeof run>, text: string) =>
  r.resolved.find((x, i) => x && r.mentions[i]!.text === text) ?? null;

describe('anchor towns', () => {
  it('a place far from the town that locates it takes the anchor town at precision 2', () => {
    // Ghibaish (Kordofan) is hundreds of km from Buram (South Darfur): the anchor is the reliable one
    const r = run('Gunmen killed a trader in Ghibaish 15km south of Buram.', 'Sudan Tribune');
    const x = named(r, 'Ghibaish');
    expect(x?.location).toBe('Buram');
    expect(x?.geo_precision).toBe(2);
  });
  it('works in Arabic: «X جنوب Y»', () => {
    const r = run('اشتباكات في مدينة كادقلي قرب نيالا');
    const x = r.resolved[r.mentions.findIndex((m) => m.text.includes('كادقلي'))];
    expect(x?.location).toBe('Nyala');
    expect(x?.geo_precision).toBe(2);
  });
  it('keeps a place whose stated distance from the anchor is large', () => {
    const r = run(
      'Clashes erupted in the town of Zillah, 400 kilometres south east of Sirte.',
      'Libya Herald',
    );
    expect(named(r, 'Zillah')?.location).toBe('Zillah');
  });
  it('a town in a district far from that district takes the district seat', () => {
    const r = run('SAF bomb Sabat and Lumbry in Dalami county.', 'Radio Dabanga');
    const places = r.resolved.filter((x) => x);
    expect(places.every((x) => x!.admin1 !== 'Darfur' && x!.admin1 !== 'North Darfur')).toBe(true);
  });
  it('a province located by a town outside it keeps the province, the town is only a pointer', () => {
    const r = run('The army took control of all of Jufra district south of Sirte.', 'Libya Herald');
    const k = r.mentions.findIndex((m) => m.text === 'Sirte');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(r.resolved[k]).toBeNull();
  });
});

describe('false places', () => {
  it('words of actor names end a transliterated name', () => {
    const r = run(
      'Peshmerga shot dead six bombers west of Kirkuk  In a separate event the Islamic State attacked.',
    );
    expect(r.resolved.some((x) => x?.iso2 === 'TR' || x?.iso2 === 'TN')).toBe(false);
  });
  it('a capital that is the subject of an attribution verb is not an event place', () => {
    const r = run('قصفت تركيا مواقع التنظيم بعد هجوم انتحاري نسبته انقرة الى التنظيم.');
    const ankara = r.mentions.find((m) => m.text === 'انقرة');
    expect(ankara?.reference).toBe(true);
    const en = run('Ankara blamed the group for the bombing in Suruc.');
    expect(en.mentions.find((m) => m.text === 'Ankara')?.reference).toBe(true);
  });
  it('a town named as another event ("the Zliten attack") is a point of reference', () => {
    const r = run('Protests over the Zliten attack were held in Tripoli.', 'Libya Herald');
    expect(r.mentions.find((m) => m.text === 'Zliten')?.reference).toBe(true);
  });
  it('an unsupported small foreign town in a note from another country is an unknown local name', () => {
    const r = run('SAF shell rebels in Sama.', 'Radio Tamazuj');
    expect(r.resolved.some((x) => x?.iso2 === 'JO')).toBe(false);
  });
});

describe('names and classes', () => {
  it('Kabyle village names are not the person names they contain', () => {
    const r = run('Citizens of Ath Mansour protested over housing.', 'El Watan');
    expect(r.resolved.find((x) => x)?.admin1).toBe('Bouira');
  });
  it('an authored district that is also a person name counts after "in"', () => {
    const r = run('On 25 April, flash protests were reported in Faisal.', 'Aswat Masriya');
    expect(r.resolved.find((x) => x)?.admin1).toBe('Giza');
  });
  it('Arabic aliases of Nigerian and Turkish towns', () => {
    expect(geocode(gaz, 'غوزا').match?.admin1).toBe('Borno');
    expect(geocode(gaz, 'سوروتش').match?.admin1).toBe('Sanliurfa');
    expect(geocode(gaz, 'اسطنبول').match?.admin1).toBe('Istanbul');
    expect(geocode(gaz, 'El Amra').match?.admin1).toBe('Sfax');
  });
});

describe('admin1 of countries without authored admin1', () => {
  it('towns take the state of their GeoNames admin1 code, not the nearest centroid', () => {
    expect(geocode(gaz, 'Akcakale', { country: 'TR' }).match?.admin1).toBe('Sanliurfa');
    expect(geocode(gaz, 'Reyhanli', { country: 'TR' }).match?.admin1).toBe('Hatay');
    expect(geocode(gaz, 'Lafia', { country: 'NG' }).match?.admin1).toBe('Nasarawa');
    expect(geocode(gaz, 'Bama', { country: 'NG' }).match?.admin1).toBe('Borno');
  });
});

describe('article fallbacks', () => {
  it('student and journalist protests of a regional outlet go to the capital', () => {
    const r = run(
      'Students strike against government plan to move faculties.',
      'Radio Dabanga',
      '2016-04-20',
    );
    expect(fallbackLocation(r.doc, 'SD')?.location).toBe('Khartoum');
    const v = run('Militiamen injured two villagers.', 'Radio Dabanga', '2016-04-20');
    expect(fallbackLocation(v.doc, 'SD')?.location).toBe('Darfur');
  });
  it("a foreign country named in passing does not outvote a domestic outlet's country", () => {
    const r = run(
      'Families of Tunisians detained in Iraq staged a protest outside the ministry.',
      'Shems FM',
    );
    expect(documentCountry(r.doc, r.resolved)?.iso2).toBe('TN');
  });
});

describe('pickPlace: a town of the named province in the next sentence', () => {
  const hit = (
    tokenStart: number,
    sentence: number,
    location: string,
    admin1: string,
    gp: 1 | 2 | 3,
    level: string,
  ) => ({
    tokenStart,
    tokenEnd: tokenStart + 1,
    start: tokenStart * 5,
    end: tokenStart * 5 + 4,
    sentence,
    regionOnly: false,
    dateline: false,
    location: { location, admin1, geo_precision: gp, iso2: 'EG', level } as never,
  });
  const trigger = { tokenStart: 0, tokenEnd: 1, start: 0, end: 3, sentence: 0 } as never;
  it('prefers the town', () => {
    const places = [
      hit(3, 0, 'Al Arish', 'North Sinai', 3, 'admin1'),
      hit(12, 1, 'Sheikh Zuweid', 'North Sinai', 1, 'place'),
    ];
    expect(pickPlace(places, 0, 8, trigger, 'EG')?.location?.location).toBe('Sheikh Zuweid');
  });
});
