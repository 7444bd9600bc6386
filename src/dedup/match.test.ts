import { describe, expect, it } from 'vitest';
import type { Event } from '../model/event.js';
import { matchEvents, shiftDate } from './match.js';
import { mergeReports } from './merge.js';

function ev(over: Partial<Event> = {}): Event {
  return {
    event_date: '2024-03-12',
    time_precision: 1,
    disorder_type: 'Political violence',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Islamic State (Syria)',
    actor2: 'SDF: Syrian Democratic Forces',
    assoc_actor_1: '',
    assoc_actor_2: '',
    inter1: 2,
    inter2: 2,
    interaction: 22,
    civilian_targeting: '',
    country: 'Syria',
    iso: 760,
    admin1: 'Al Hasakeh',
    admin2: '',
    admin3: '',
    location: 'Al Hasakeh',
    latitude: 36.5,
    longitude: 40.75,
    geo_precision: 1,
    fatalities: 5,
    notes: '',
    confidence: 0.8,
    evidence: [],
    ...over,
  };
}

describe('matchEvents', () => {
  it('merges two reports of one clash: same day, 3 km apart, same sides', () => {
    const m = matchEvents(ev(), ev({ latitude: 36.52, longitude: 40.77, fatalities: 7 }));
    expect(m.ok).toBe(true);
    expect(m.reason).toContain('same type Battles');
    expect(m.reason).toContain('shared actors');
  });
  it('allows one day apart, not three (exact dates)', () => {
    expect(matchEvents(ev(), ev({ event_date: '2024-03-13' })).ok).toBe(true);
    const far = matchEvents(ev(), ev({ event_date: '2024-03-15' }));
    expect(far.ok).toBe(false);
    expect(far.reason).toMatch(/3 days apart/);
  });
  it('keeps towns more than 10 km apart apart', () => {
    const m = matchEvents(ev(), ev({ location: 'Tal Tamr', latitude: 36.65, longitude: 40.37 }));
    expect(m.ok).toBe(false);
    expect(m.reason).toMatch(/km apart/);
  });
  it('a report that only names the province fits a town inside it', () => {
    expect(
      matchEvents(ev(), ev({ location: '', geo_precision: 3, latitude: 36.1, longitude: 40.9 })).ok,
    ).toBe(true);
  });
  it('a protest and an air strike are different events', () => {
    const m = matchEvents(
      ev(),
      ev({ event_type: 'Protests', sub_event_type: 'Peaceful protest', disorder_type: 'Demonstrations' }),
    );
    expect(m.ok).toBe(false);
    expect(m.reason).toMatch(/different types/);
  });
  it('different belligerents are different battles; an unnamed side fits anyone', () => {
    expect(matchEvents(ev(), ev({ actor1: 'Military Forces of Syria (2000-2024)' })).ok).toBe(false);
    expect(matchEvents(ev(), ev({ actor1: 'Unidentified Armed Group (Syria)' })).ok).toBe(true);
  });
  it('lines the sides up crossed: one outlet names the attacker first, another the attacked', () => {
    const a = ev({
      actor1: 'Military Forces of Syria (2000-2024)',
      actor2: 'Unidentified Armed Group (Syria)',
    });
    const b = ev({ actor1: 'Islamic State (Syria)', actor2: 'Military Forces of Syria (2000-2024)' });
    expect(matchEvents(a, b).ok).toBe(true);
  });
  it('a cross-type match (air strike / attack on civilians) needs a shared actor', () => {
    const strike = ev({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actor1: 'Military Forces of Russia (2000-)',
      actor2: 'Civilians (Syria)',
    });
    const vac = ev({
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      actor2: 'Civilians (Syria)',
    });
    expect(matchEvents(strike, vac).ok).toBe(false);
    expect(matchEvents(strike, { ...vac, actor1: 'Military Forces of Russia (2000-)' }).ok).toBe(true);
  });
  it('never merges across countries', () => {
    expect(matchEvents(ev(), ev({ country: 'Iraq' })).ok).toBe(false);
  });
});

describe('mergeReports', () => {
  it('takes the most conservative figure and keeps the range', () => {
    const m = mergeReports([
      { event: ev({ fatalities: 7 }) },
      { event: ev({ fatalities: 5 }) },
      { event: ev({ fatalities: 0 }) },
    ]);
    expect(m.fatalities).toBe(5);
    expect(m.fatalities_low).toBe(5);
    expect(m.fatalities_high).toBe(7);
  });
  it('takes the place of the most precise report and the earliest exact date', () => {
    const m = mergeReports([
      { event: ev({ geo_precision: 3, location: '', confidence: 0.9, event_date: '2024-03-13' }) },
      { event: ev({ geo_precision: 1, location: 'Ghwayran', confidence: 0.6 }) },
    ]);
    expect(m.location).toBe('Ghwayran');
    expect(m.event_date).toBe('2024-03-12');
    expect(m.confidence).toBeGreaterThan(0.9);
  });
  it('shifts dates by days', () => {
    expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
  });
});
