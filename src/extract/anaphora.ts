import type { Doc } from '../text/types.js';
import type { ActorMention } from './types.js';

/** Roles of armed non-state groups (an antecedent for التنظيم, الجماعة, the group). */
const NON_STATE = new Set(['rebel', 'jihadist', 'militia', 'identity_militia', 'unidentified', 'party']);
const ARMED = new Set([...NON_STATE, 'military', 'police', 'external']);

/**
 * Anaphors that name an actor mentioned before: the normalised word (Arabic without its article)
 * and the roles its antecedent may have.
 */
const ANAPHORS: { lang: 'ar' | 'en'; words: string[]; roles: Set<string> }[] = [
  {
    lang: 'ar',
    words: ['تنظيم', 'جماعه', 'حركه', 'ميليشيا', 'ميليشيات', 'مليشيا', 'مليشيات', 'فصيل'],
    roles: NON_STATE,
  },
  { lang: 'ar', words: ['قوات'], roles: ARMED },
  { lang: 'en', words: ['group', 'militia', 'organisation', 'organization', 'movement'], roles: NON_STATE },
];

/**
 * Resolves anaphors not covered by an actor mention to the nearest earlier mention whose role
 * fits: «بعد أن هاجم التنظيم سجنا» → the Islamic State named before; «إن القوات قتلت» → the SDF.
 * Arabic anaphors must carry the article (التنظيم, not تنظيم + name); English ones need "the".
 */
export function resolveAnaphora(doc: Doc, mentions: ActorMention[]): ActorMention[] {
  const out = [...mentions];
  const covered = new Uint8Array(doc.tokens.length);
  for (const m of mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) covered[k] = 1;
  const sets = ANAPHORS.filter((a) => a.lang === doc.lang);
  for (let i = 0; i < doc.tokens.length; i++) {
    if (covered[i]) continue;
    const t = doc.tokens[i]!;
    let roles: Set<string> | null = null;
    if (doc.lang === 'ar') {
      if (!(t.prefix.endsWith('ال') || t.prefix.endsWith('لل'))) continue;
      for (const a of sets) if (a.words.includes(t.stem)) roles = a.roles;
      // «تنظيم داعش» is a mention, not an anaphor: the next token must not start a mention.
      if (roles && covered[i + 1]) roles = null;
    } else {
      const prev = doc.tokens[i - 1];
      if (prev?.norm !== 'the') continue;
      for (const a of sets) if (a.words.includes(t.norm)) roles = a.roles;
    }
    if (!roles) continue;
    let antecedent: ActorMention | null = null;
    for (const m of mentions) {
      if (m.tokenStart >= i) break;
      if (m.actor && roles.has(m.actor.role)) antecedent = m;
    }
    if (!antecedent) continue;
    out.push({
      tokenStart: i,
      tokenEnd: i + 1,
      start: t.start,
      end: t.end,
      sentence: t.sentence,
      entries: antecedent.entries,
      actor: antecedent.actor,
      anaphor: true,
    });
  }
  return out.sort((a, b) => a.tokenStart - b.tokenStart);
}
