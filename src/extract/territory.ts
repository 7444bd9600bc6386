import type { ActorLexicon, ResolvedActor } from '../lexicon/actors.js';

export const GOVERNMENT_REGAINS = 'Government regains territory';
export const NON_STATE_OVERTAKES = 'Non-state actor overtakes territory';

const STATE_ROLES = new Set(['military', 'police', 'government']);

/**
 * Which side an actor fights on in the event's country: `state` for its state forces (inter 1
 * there) and the militias the lexicon attaches to them through `parent` (the National Defence
 * Forces under the Syrian army, a pro-government militia under `Military Forces of {country}`);
 * `foreign` for another state's forces and their affiliates; `non-state` for other rebels and
 * militias; `unknown` for unidentified armed men and anyone unarmed.
 */
export function sideOf(
  lex: ActorLexicon,
  a: ResolvedActor,
  country?: string,
): 'state' | 'foreign' | 'non-state' | 'unknown' {
  if (a.inter === 1) return 'state';
  if (a.inter === 8) return 'foreign';
  if (a.inter < 2 || a.inter > 4 || a.role === 'unidentified') return 'unknown';
  const seen = new Set<string>();
  let parent = a.parent;
  while (parent && !seen.has(parent)) {
    seen.add(parent);
    const e = lex.byName.get(parent);
    if (!e) break;
    if (e.inter === 1 && STATE_ROLES.has(e.role)) {
      const home = !country || e.countries.length === 0 || e.countries.includes(country);
      return home ? 'state' : 'foreign';
    }
    parent = e.parent;
  }
  return 'non-state';
}

/**
 * The territorial sub-event decided by who took the place, as ACLED does: state forces of the
 * country (or their affiliates) regain territory, a rebel group or militia overtakes it, whatever
 * verb the report uses («سيطرت قوات النظام على», "Government forces captured", «استعاد تنظيم داعش
 * السيطرة»). An unknown taker (none named, unidentified gunmen) and foreign forces keep the
 * trigger's reading.
 */
export function territoryByTaker(
  sub: string,
  taker: ResolvedActor | null,
  lex: ActorLexicon,
  country?: string,
): string {
  if ((sub !== GOVERNMENT_REGAINS && sub !== NON_STATE_OVERTAKES) || !taker) return sub;
  const side = sideOf(lex, taker, country);
  if (side === 'state') return GOVERNMENT_REGAINS;
  if (side === 'non-state') return NON_STATE_OVERTAKES;
  return sub;
}
