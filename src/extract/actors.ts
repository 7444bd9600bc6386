import {
  type ActorEntry,
  type ActorLexicon,
  entryIdentity,
  type ResolvedActor,
  resolveActor,
} from '../lexicon/actors.js';
import { memoByObject } from '../util/memo.js';

export interface ActorContext {
  country?: string;
  countryName?: string;
  year?: number;
}

/** The named (not generic) entries of a lexicon grouped by identity, in lexicon order; built once. */
const namedByIdentity = memoByObject((lex: ActorLexicon): Map<string, ActorEntry[]> => {
  const groups = new Map<string, ActorEntry[]>();
  for (const e of lex.entries) {
    if (e.generic) continue;
    const id = entryIdentity(e);
    const group = groups.get(id);
    if (group) group.push(e);
    else groups.set(id, [e]);
  }
  return groups;
});

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
  const sameIdentity = namedByIdentity(lex).get(entryIdentity(r.entry)) ?? [];
  const local = sameIdentity.filter((e) => e.countries.includes(c.country!));
  if (!local.length) return r;
  return resolveActor(lex, local, c) ?? r;
}
