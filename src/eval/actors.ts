/**
 * Actor identity: two actor names match when they name the same group, whatever the spelling, the
 * period qualifier ("(2014-)"), the country/branch qualifier ("Islamic State (Syria)" = "Islamic State (Iraq)"
 * = "ISIS"), the "ABBR: Full name" form, or a known alias (actor-aliases.ts).
 */
import { ACTOR_ALIASES } from './actor-aliases.js';

/** Lowercase, no diacritics/punctuation, single spaces; Arabic letters are kept. */
export function normActor(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`ʿʾ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const ALIAS = new Map<string, string>();
for (const [canonical, names] of Object.entries(ACTOR_ALIASES)) {
  ALIAS.set(normActor(canonical), canonical);
  for (const n of names) ALIAS.set(normActor(n), canonical);
}

/** Bases too generic to stand without their parenthesised name ("Militia (Ibrahim Jadran)"). */
const GENERIC_BASES = new Set(['militia', 'militias', 'group', 'forces', 'faction']);

const FAMILY = /^(military|police) forces of ([^(]+)/i;
const PAREN = /\(([^)]*)\)/g;

function keysOfCandidate(c: string, into: Set<string>): void {
  const fam = FAMILY.exec(c);
  if (fam) {
    const key = `${fam[1]!.toLowerCase()} forces of ${normActor(fam[2]!)}`;
    into.add(ALIAS.get(key) ?? key);
    return;
  }
  const parens = [...c.matchAll(PAREN)].map((m) => m[1]!.trim());
  const base = normActor(c.replace(PAREN, ' '));
  const full = normActor(c);
  // A "(… Faction)" qualifier names a distinct group; a generic base needs its qualifier.
  const keepQualifier = parens.some((p) => /faction/i.test(p)) || GENERIC_BASES.has(base) || !base;
  const key = keepQualifier ? full : base;
  if (key) into.add(ALIAS.get(key) ?? key);
  if (ALIAS.has(full)) into.add(ALIAS.get(full)!);
  for (const p of parens) {
    const alias = ALIAS.get(normActor(p));
    if (alias) into.add(alias);
  }
}

/** Identity keys of an actor name; two names match when their key sets intersect. Empty name → no keys. */
export function actorKeys(name: string | null | undefined): Set<string> {
  const keys = new Set<string>();
  const s = (name ?? '').replace(/\u00a0/g, ' ').trim();
  if (!s) return keys;
  keysOfCandidate(s, keys);
  const colon = /^([^:]{1,24}):\s*(.+)$/.exec(s);
  if (colon) {
    keysOfCandidate(colon[1]!, keys);
    keysOfCandidate(colon[2]!, keys);
  }
  return keys;
}

/** Same group. Two empty names match (no second actor on either side); empty vs non-empty does not. */
export function sameActor(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = actorKeys(a);
  const kb = actorKeys(b);
  if (ka.size === 0 || kb.size === 0) return ka.size === kb.size;
  for (const k of ka) if (kb.has(k)) return true;
  return false;
}

/** True when `name` is the same group as any of `options`. */
export function actorIsOneOf(name: string | null | undefined, options: readonly string[]): boolean {
  return options.some((o) => sameActor(name, o));
}

const DEMONYMS: Record<string, string> = {
  syrian: 'syria',
  syrians: 'syria',
  russian: 'russia',
  russians: 'russia',
  iraqi: 'iraq',
  iranian: 'iran',
  turkish: 'turkey',
  israeli: 'israel',
  jordanian: 'jordan',
  lebanese: 'lebanon',
  american: 'us',
  yemeni: 'yemen',
  libyan: 'libya',
  egyptian: 'egypt',
  sudanese: 'sudan',
  kurdish: 'kurds',
  kurd: 'kurds',
  rebel: 'rebels',
  assads: 'assad',
};

const STOPWORDS = new Set(
  (
    'the of and or a an by its ally allies led backed forces force group groups military police army ' +
    'government regime terror terrorist terrorists jihadist international coalition those president ' +
    'loyal to unidentified armed state'
  ).split(' '),
);

function looseTokens(text: string): string[] {
  const n = ` ${normActor(text)} `.replace(/ u s /g, ' us ').replace(/ united states /g, ' us ');
  return n
    .split(' ')
    .filter(Boolean)
    .map((t) => DEMONYMS[t] ?? t);
}

/** Canonical identities of known aliases mentioned anywhere in a free-text actor description. */
export function aliasMentions(text: string): Set<string> {
  const toks = normActor(text).split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    for (let j = i + 1; j <= Math.min(toks.length, i + 7); j++) {
      const hit = ALIAS.get(toks.slice(i, j).join(' '));
      if (hit) out.add(hit);
    }
  }
  return out;
}

/** Words by which free text refers to a state's own forces ("the regime", "government forces", "Assad's forces"). */
const STATE_WORDS = new Set([
  'regime',
  'government',
  'army',
  'troops',
  'soldiers',
  'air force',
  'assad',
  'military',
]);

function mentionsStateForces(text: string): boolean {
  const toks = looseTokens(text);
  return toks.some((t, i) => STATE_WORDS.has(t) || STATE_WORDS.has(`${t} ${toks[i + 1] ?? ''}`));
}

function isStateForces(pred: string): boolean {
  return [...actorKeys(pred)].some((k) => /^(military|police) forces of /.test(k));
}

/**
 * Loose match of a free-text gold actor ("the Syrian regime", "ISIL terrorists", "Russian or Syrian") against
 * a predicted actor name: same identity, a shared known alias mentioned in both, or a shared content word
 * (demonyms folded to countries: "Syrian" ~ "Military Forces of Syria"); words for a state's forces ("the regime",
 * "government forces") match any Military/Police Forces actor.
 */
export function looseActorMatch(goldText: string, pred: string | null | undefined): boolean {
  if (!goldText.trim() || !pred?.trim()) return false;
  if (sameActor(goldText, pred)) return true;
  const gm = aliasMentions(goldText);
  for (const k of actorKeys(pred)) if (gm.has(k)) return true;
  for (const k of aliasMentions(pred)) if (gm.has(k)) return true;
  if (mentionsStateForces(goldText) && isStateForces(pred)) return true;
  const gt = new Set(looseTokens(goldText).filter((t) => !STOPWORDS.has(t)));
  return looseTokens(pred).some((t) => !STOPWORDS.has(t) && gt.has(t));
}
