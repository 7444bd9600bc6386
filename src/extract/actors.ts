import {
  type ActorEntry,
  type ActorLexicon,
  entryIdentity,
  type ResolvedActor,
  resolveActor,
} from '../lexicon/actors.js';

export interface ActorContext {
  country?: string;
  countryName?: string;
  year?: number;
}

/**
 * Resolves a mention's candidate entries for a country and year; when the winner is scoped to
 * another country, a same-identity entry scoped to this one is preferred (an alias listed only
 * under «Islamic State (Iraq)» still means «Islamic State (Libya)» in a Libyan article).
 */
export function resolveMention(
  lex: ActorLexicon,
  entries: ActorEntry[],
  c: ActorContext,
): ResolvedActor | null {
  const r = resolveActor(lex, entries, c);
  if (!r || !c.country || r.entry.generic || r.entry.countries.length === 0) return r;
  if (r.entry.countries.includes(c.country)) return r;
  const id = entryIdentity(r.entry);
  const local = lex.entries.filter(
    (e) => !e.generic && e.countries.includes(c.country!) && entryIdentity(e) === id,
  );
  if (!local.length) return r;
  return resolveActor(lex, local, c) ?? r;
}
