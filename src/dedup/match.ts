/**
 * Do two reports describe the same event? Compatible type, compatible actors, the same day (±1),
 * the same place or within 10 km, the same country. Pure functions: both stores call them, and
 * the answer comes with the reasons an analyst reads in `marsad events show`.
 */
import { distanceKm } from '../geo/distance.js';
import type { Event } from '../model/event.js';

/** Largest distance between two reports' coordinates for them to be one event. */
export const MAX_KM = 10;
/** Largest difference in days (exact-day precision on both sides). */
export const MAX_DAYS = 1;
/** Days allowed when one side is only known to the week. */
export const MAX_DAYS_WEEK = 3;

export interface MatchResult {
  ok: boolean;
  /** Higher is a better match (only meaningful when ok). */
  score: number;
  /** Why they match, or why not. */
  reason: string;
}

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
const DEMONSTRATION = new Set(['Protests', 'Riots']);

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Shifts a YYYY-MM-DD date by `days`. */
export function shiftDate(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Generic actors that can stand for anyone on that side (an outlet that did not name the group). */
export function isGenericActor(name: string): boolean {
  return !name || /^(Unidentified|Civilians|Protesters|Rioters|Islamist Militia)\b/i.test(name);
}

/** One side of an event: its named (non-generic) actors, the associated ones included. */
function side(actor: string, assoc: string): Set<string> {
  const out = new Set<string>();
  for (const a of [actor, ...assoc.split('; ')]) {
    const s = a.trim();
    if (s && !isGenericActor(s)) out.add(s);
  }
  return out;
}

/** Two sides are compatible when either is unnamed or they share an actor. */
function sidesAgree(x: Set<string>, y: Set<string>): boolean {
  return !x.size || !y.size || [...x].some((n) => y.has(n));
}

function typeCompatibility(a: Event, b: Event): { ok: boolean; same: boolean; why: string } {
  if (a.event_type === b.event_type) {
    if (a.event_type === 'Strategic developments' && a.sub_event_type !== b.sub_event_type)
      return {
        ok: false,
        same: false,
        why: `different strategic developments (${a.sub_event_type} / ${b.sub_event_type})`,
      };
    return { ok: true, same: true, why: `same type ${a.event_type}` };
  }
  if (VIOLENT.has(a.event_type) && VIOLENT.has(b.event_type))
    return { ok: true, same: false, why: `compatible types ${a.event_type} / ${b.event_type}` };
  if (DEMONSTRATION.has(a.event_type) && DEMONSTRATION.has(b.event_type))
    return { ok: true, same: false, why: `compatible types ${a.event_type} / ${b.event_type}` };
  return { ok: false, same: false, why: `different types ${a.event_type} / ${b.event_type}` };
}

function placeCompatibility(a: Event, b: Event): { ok: boolean; km: number; why: string } {
  const la = a.location || a.admin1 || a.country;
  const lb = b.location || b.admin1 || b.country;
  if (a.latitude !== null && a.longitude !== null && b.latitude !== null && b.longitude !== null) {
    const km = distanceKm(a.latitude, a.longitude, b.latitude, b.longitude);
    if (km <= MAX_KM) return { ok: true, km, why: `${la} / ${lb} ${km.toFixed(1)} km apart` };
    // A report that only knows the region (precision 3) is compatible with a town inside it.
    const regional = a.geo_precision === 3 || b.geo_precision === 3;
    if (regional && a.admin1 && a.admin1 === b.admin1)
      return { ok: true, km: MAX_KM, why: `${la} lies in ${b.admin1} (one report names only the region)` };
    return { ok: false, km, why: `${la} / ${lb} ${km.toFixed(0)} km apart` };
  }
  if (a.admin1 && a.admin1 === b.admin1 && (!a.location || !b.location || a.location === b.location))
    return { ok: true, km: MAX_KM, why: `same area ${la}` };
  return { ok: false, km: Number.POSITIVE_INFINITY, why: `different places ${la} / ${lb}` };
}

function actorCompatibility(a: Event, b: Event): { ok: boolean; shared: string[]; why: string } {
  const [a1, a2] = [side(a.actor1, a.assoc_actor_1), side(a.actor2, a.assoc_actor_2)];
  const [b1, b2] = [side(b.actor1, b.assoc_actor_1), side(b.actor2, b.assoc_actor_2)];
  const all = new Set([...b1, ...b2]);
  const shared = [...new Set([...a1, ...a2])].filter((x) => all.has(x));
  // The sides must line up, as they are or crossed (one outlet names the attacker first, another
  // the attacked); an unnamed side lines up with anyone.
  const straight = sidesAgree(a1, b1) && sidesAgree(a2, b2);
  const crossed = sidesAgree(a1, b2) && sidesAgree(a2, b1);
  if (!straight && !crossed) {
    const names = (x: Event) => [x.actor1, x.actor2].filter(Boolean).join(' v ');
    return { ok: false, shared, why: `different actors (${names(a)} / ${names(b)})` };
  }
  if (shared.length) return { ok: true, shared, why: `shared actors: ${shared.join(', ')}` };
  return { ok: true, shared, why: 'no conflicting actors' };
}

/** Compares two reports (or a report and a merged event). */
export function matchEvents(a: Event, b: Event): MatchResult {
  if (a.country !== b.country)
    return { ok: false, score: 0, reason: `different countries ${a.country} / ${b.country}` };
  const days = Math.abs(dayNumber(a.event_date) - dayNumber(b.event_date));
  const weekly = a.time_precision >= 2 || b.time_precision >= 2;
  const maxDays = weekly ? MAX_DAYS_WEEK : MAX_DAYS;
  if (!(days <= maxDays)) return { ok: false, score: 0, reason: `dates ${days} days apart` };
  const type = typeCompatibility(a, b);
  if (!type.ok) return { ok: false, score: 0, reason: type.why };
  const place = placeCompatibility(a, b);
  if (!place.ok) return { ok: false, score: 0, reason: place.why };
  const actors = actorCompatibility(a, b);
  if (!actors.ok) return { ok: false, score: 0, reason: actors.why };
  // Cross-type matches (an airstrike one outlet calls an attack on civilians) need a shared actor.
  if (!type.same && actors.shared.length === 0)
    return { ok: false, score: 0, reason: `${type.why} with no shared actor` };
  const score = 1 + (type.same ? 0.5 : 0) + 0.3 * actors.shared.length - 0.3 * days - place.km / (2 * MAX_KM);
  const dateWhy =
    days === 0
      ? `same day ${a.event_date}`
      : `dates ${a.event_date} / ${b.event_date} (${days} day${days > 1 ? 's' : ''} apart)`;
  return { ok: true, score, reason: [type.why, dateWhy, place.why, actors.why].join('; ') };
}
