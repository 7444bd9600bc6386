import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extractor } from '../src/extract/index.js';
import { actorIdentity } from '../src/lexicon/actors.js';
import type { Event } from '../src/model/event.js';
import { ROOT } from './helpers.js';

export interface FixtureItem {
  id: string;
  text: string;
  title?: string;
  published: string;
  expect?: Partial<Event>[];
  events?: Partial<Event>[];
  tags?: string[];
}

export function readFixture(path: string): FixtureItem[] {
  return readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FixtureItem);
}

export interface FixtureScore {
  items: number;
  relevanceCorrect: number;
  events: number;
  typeHit: number;
  subHit: number;
  fatalHit: number;
  actor1Hit: number;
  dateHit: number;
  failures: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** Scores the extractor on hand-written fixture items: relevance, then per expected event the best match. */
export function scoreFixtures(
  ex: Extractor,
  items: FixtureItem[],
  expected?: Map<string, Partial<Event>[]>,
): FixtureScore {
  const s: FixtureScore = {
    items: 0,
    relevanceCorrect: 0,
    events: 0,
    typeHit: 0,
    subHit: 0,
    fatalHit: 0,
    actor1Hit: 0,
    dateHit: 0,
    failures: [],
  };
  for (const it of items) {
    const gold = expected?.get(it.id) ?? it.expect ?? [];
    const out = ex.extract({ id: it.id, text: it.text, title: it.title, published: it.published });
    s.items++;
    if ((gold.length === 0) === (out.events.length === 0)) s.relevanceCorrect++;
    else
      s.failures.push(
        `${it.id}: relevance (gold ${gold.length}, predicted ${out.events.length}: ${out.events.map((e) => e.sub_event_type).join(', ')})`,
      );
    for (const g of gold) {
      s.events++;
      const cands = out.events.filter((e) => e.event_type === g.event_type);
      const best = cands.find((e) => e.sub_event_type === g.sub_event_type) ?? cands[0];
      if (!best) {
        if (out.events.length)
          s.failures.push(
            `${it.id}: type ${g.sub_event_type} ≠ ${out.events.map((e) => e.sub_event_type).join(', ')}`,
          );
        continue;
      }
      s.typeHit++;
      if (best.sub_event_type === g.sub_event_type) s.subHit++;
      else s.failures.push(`${it.id}: sub ${g.sub_event_type} ≠ ${best.sub_event_type}`);
      if (g.fatalities === undefined || best.fatalities === g.fatalities) s.fatalHit++;
      else s.failures.push(`${it.id}: fatalities ${g.fatalities} ≠ ${best.fatalities}`);
      if (
        !g.actor1 ||
        actorIdentity(g.actor1) === actorIdentity(best.actor1) ||
        norm(g.actor1) === norm(best.actor1)
      )
        s.actor1Hit++;
      else s.failures.push(`${it.id}: actor1 ${g.actor1} ≠ ${best.actor1}`);
      if (!g.event_date || g.event_date === best.event_date) s.dateHit++;
      else s.failures.push(`${it.id}: date ${g.event_date} ≠ ${best.event_date}`);
    }
  }
  return s;
}

export function pct(n: number, d: number): number {
  return d ? Math.round((n / d) * 1000) / 10 : 0;
}
