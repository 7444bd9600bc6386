import { describe, expect, it } from 'vitest';
import { looseActorMatch, sameActor } from './actors.js';
import { haversineKm } from './geo.js';
import { JsonlError, parseJsonl } from './jsonl.js';
import { placeAreaKey, placeInGold, placeKey, samePlace } from './names.js';
import { matchCount, prf, within20 } from './stats.js';

describe('parseJsonl', () => {
  it('reads objects and skips blank lines', () => {
    expect(parseJsonl('{"id":"a"}\n\n{"id":"b"}\r\n')).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
  it('reports a bad line with its number', () => {
    expect(() => parseJsonl('{"id":"a"}\n\n{"id": oops}\n', 'g.jsonl')).toThrow(/^g\.jsonl:3: invalid JSON/);
    try {
      parseJsonl('{"id":"a"}\n[1,2]\n', 'p.jsonl');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonlError);
      expect((e as JsonlError).line).toBe(2);
      expect((e as Error).message).toBe('p.jsonl:2: expected a JSON object');
    }
  });
});

describe('place names', () => {
  it('drops articles, vowels, hyphens and spaces', () => {
    expect(samePlace('Al Hasakeh', 'Hasakeh')).toBe(true);
    expect(samePlace('Al-Hasakah', 'Hasakeh')).toBe(true);
    expect(samePlace('Ar-Raqqa', 'Raqqa')).toBe(true);
    expect(samePlace('Ad Dali', "Ad Dali'")).toBe(true);
    expect(samePlace('Tajura wa an Nawahi al Arba', 'Tajura wa Nawahi al-Arba')).toBe(true);
  });
  it('knows spelling variants but keeps different places apart', () => {
    expect(samePlace('Deir ez-Zor', 'Dayr az Zawr')).toBe(true);
    expect(samePlace('Deir-ez-Zor', 'Deir Ezzor')).toBe(true);
    expect(samePlace('Idleb', 'Idlib')).toBe(true);
    expect(samePlace('Rif Dimashq', 'Rural Damascus')).toBe(true);
    expect(samePlace('As-Sweida', 'Suwayda')).toBe(true);
    expect(samePlace('Damascus', 'Rural Damascus')).toBe(false);
    expect(samePlace('Aleppo', 'Idlib')).toBe(false);
    expect(samePlace('Homs', 'Hama')).toBe(false);
    expect(samePlace('', '')).toBe(false);
    expect(placeKey('Hasaka')).toBe(placeKey('Al Hasakeh'));
  });
  it('matches loosely against noisy gold locations', () => {
    expect(placeAreaKey('Eastern Ghouta')).toBe(placeAreaKey('Rural Damascus'));
    expect(placeInGold('Eastern Ghouta', 'Rif Dimashq')).toBe(true);
    expect(placeInGold('Damascus Aleppo and Idleb', 'Idlib')).toBe(true);
    expect(placeInGold('Tal Abyad Raqqa', 'Ar-Raqqa')).toBe(true);
    expect(placeInGold('Northern Homs', 'Homs')).toBe(true);
    expect(placeInGold('Northern Homs', 'Hama')).toBe(false);
    expect(placeInGold('Aleppo', '')).toBe(false);
  });
});

describe('actor identity', () => {
  it('unifies Islamic State names and branches', () => {
    for (const a of [
      'IS',
      'ISIS',
      'ISIL',
      'Daesh',
      'Islamic State',
      'Islamic State (Iraq)',
      'Islamic State (Cyrenaica Province)',
    ]) {
      expect(sameActor(a, 'Islamic State (Syria)')).toBe(true);
    }
    expect(sameActor('Islamic State (Syria)', 'Syrian Democratic Forces')).toBe(false);
  });
  it('handles periods, country families and ABBR: forms', () => {
    expect(sameActor('Military Forces of Sudan (1989-)', 'Military Forces of Sudan')).toBe(true);
    expect(
      sameActor('Military Forces of Libya (2014-) Presidential Guard', 'Military Forces of Libya (2014-)'),
    ).toBe(true);
    expect(sameActor('Military Forces of Sudan (1989-)', 'Military Forces of Egypt (2014-)')).toBe(false);
    expect(sameActor('Military Forces of Egypt (2014-)', 'Police Forces of Egypt (2014-)')).toBe(false);
    expect(sameActor('Civilians (Sudan)', 'Civilians')).toBe(true);
    expect(sameActor('Protesters (Tunisia)', 'Rioters (Tunisia)')).toBe(false);
    expect(sameActor('SDF: Syrian Democratic Forces', 'QSD')).toBe(true);
    expect(sameActor('Houthis (Ansar Allah)', 'Ansar Allah')).toBe(true);
    expect(sameActor('AQAP', 'Al Qaeda in the Arabian Peninsula')).toBe(true);
    expect(sameActor('Unidentified Armed Group (Libya)', 'unknown gunmen')).toBe(true);
    expect(sameActor('Militia (Ibrahim Jadran)', 'Militia (Other Person)')).toBe(false);
    expect(
      sameActor('Ajdabiya Revolutionaries\u00a0Shura Council', "Ajdabiya Revolutionaries' Shura Council"),
    ).toBe(true);
  });
  it('treats an empty actor as matching only an empty actor', () => {
    expect(sameActor('', '')).toBe(true);
    expect(sameActor('', 'Civilians (Sudan)')).toBe(false);
    expect(sameActor('Civilians (Sudan)', undefined)).toBe(false);
  });
  it('matches free-text gold actors loosely', () => {
    expect(looseActorMatch('the Syrian regime', 'Military Forces of Syria (2000-2024)')).toBe(true);
    expect(looseActorMatch('Russian or Syrian', 'Military Forces of Russia (2000-)')).toBe(true);
    expect(looseActorMatch('ISIL terrorists', 'Islamic State (Syria)')).toBe(true);
    expect(looseActorMatch('government forces', 'Police Forces of Syria')).toBe(true);
    expect(looseActorMatch('US-led coalition', 'Islamic State (Syria)')).toBe(false);
    expect(looseActorMatch('Kurdish fighters', 'Military Forces of Turkey')).toBe(false);
    expect(looseActorMatch('', 'Military Forces of Syria')).toBe(false);
  });
});

describe('numbers', () => {
  it('computes P/R/F1 with undefined parts as null', () => {
    const p = prf(3, 1, 2);
    expect(p.precision).toBeCloseTo(0.75);
    expect(p.recall).toBeCloseTo(0.6);
    expect(p.f1).toBeCloseTo(6 / 9);
    expect(prf(0, 0, 4)).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(prf(0, 0, 0).f1).toBeNull();
  });
  it('within 20%: |p-g| <= 0.2 g, exact for 0', () => {
    expect(within20(12, 10)).toBe(true);
    expect(within20(8, 10)).toBe(true);
    expect(within20(13, 10)).toBe(false);
    expect(within20(0, 0)).toBe(true);
    expect(within20(1, 0)).toBe(false);
  });
  it('haversine', () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.2, 0);
    expect(haversineKm(36.502, 40.748, 36.502, 40.748)).toBe(0);
  });
  it('one-to-one matching', () => {
    expect(matchCount(['a', 'a', 'b'], ['a', 'b', 'c'], (x, y) => x === y)).toBe(2);
  });
});
