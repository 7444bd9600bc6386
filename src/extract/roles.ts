import type { Doc } from '../text/types.js';
import { endsWithSeq, hasForm, type LangRules } from './lang.js';
import type { ActorMention, TriggerHit } from './types.js';

export interface Roles {
  agent: ActorMention | null;
  target: ActorMention | null;
  /** Neither side is marked as the one who acted (clashes between X and Y, fighting with X). */
  symmetric: boolean;
  agentAssoc: ActorMention[];
  targetAssoc: ActorMention[];
  speaker: ActorMention | null;
}

type Mark = 'agent' | 'target' | 'victim' | 'side1' | 'side2' | 'with' | 'speaker' | null;

/** The role marked by the words right before a mention (شنه X, على X, N من X, بين X و Y, قال X). */
function markOf(
  doc: Doc,
  m: ActorMention,
  from: number,
  rules: LangRules,
  prevMark: Mark,
  prev?: ActorMention,
): Mark {
  const toks = doc.tokens;
  const i = m.tokenStart;
  for (const seq of rules.agentMarkers) if (endsWithSeq(toks, i, seq)) return 'agent';
  // The marker may be glued as a clitic: «لداعش» after غارات is ambiguous; only whole-word markers count.
  for (const seq of rules.targetMarkers) if (endsWithSeq(toks, i, seq)) return 'target';
  const p1 = toks[i - 1];
  if (p1 && i - 1 >= from) {
    if (hasForm(p1, rules.between)) return 'side1';
    if (hasForm(p1, rules.with)) return 'with';
    if (hasForm(p1, rules.partitive)) {
      // N من X / members of X / عناصر من X: the victims' (or arrested) group
      const p2 = toks[i - 2];
      if (p2 && (p2.kind === 'number' || hasForm(p2, rules.personNouns) || /ين$|ون$|ا$/.test(p2.norm)))
        return 'victim';
      if (p2 && hasForm(p2, rules.personNouns)) return 'victim';
    }
    if (hasForm(p1, rules.reportVerbs)) return 'speaker';
    // بين X و Y: Y is the other side
    if (hasForm(p1, rules.and) && prevMark === 'side1' && prev && prev.tokenEnd >= i - 2) return 'side2';
  }
  // Arabic: the conjunction is a clitic on the mention itself (وقوات ...): check the token's prefix.
  const t = toks[m.tokenStart]!;
  if (doc.lang === 'ar' && t.prefix.startsWith('و') && prevMark === 'side1' && prev && prev.tokenEnd === i)
    return 'side2';
  // English: "X said" — the speaker precedes the report verb
  if (doc.lang === 'en' && hasForm(toks[m.tokenEnd], rules.reportVerbs)) return 'speaker';
  return null;
}

/**
 * Assigns agent (actor1) and target (actor2) among the actor mentions of a frame's token range,
 * following the language: explicit markers first (شنه X, على يد X, by X, على/ضد X, N من X,
 * بين X و Y, مع X), then word order around the main trigger — Arabic verb-subject-object (the
 * first mention after an active verb is its subject, after a passive verb its patient), English
 * subject-verb-object (the mention before an active verb is its subject; after a passive one, "by").
 */
export function assignRoles(
  doc: Doc,
  mentions: ActorMention[],
  main: TriggerHit,
  from: number,
  to: number,
  rules: LangRules,
  passive: boolean,
): Roles {
  const inRange = mentions.filter((m) => m.tokenStart >= from && m.tokenEnd <= to && m.actor);
  const marks = new Map<ActorMention, Mark>();
  let prevMark: Mark = null;
  let prev: ActorMention | undefined;
  for (const m of inRange) {
    const mk = markOf(doc, m, from, rules, prevMark, prev);
    marks.set(m, mk);
    prevMark = mk;
    prev = m;
  }
  const speaker = inRange.find((m) => marks.get(m) === 'speaker') ?? null;
  let agent: ActorMention | null = inRange.find((m) => marks.get(m) === 'agent') ?? null;
  let target: ActorMention | null =
    inRange.find((m) => marks.get(m) === 'target' || marks.get(m) === 'victim' || marks.get(m) === 'with') ??
    null;
  const side1 = inRange.find((m) => marks.get(m) === 'side1');
  const side2 = inRange.find((m) => marks.get(m) === 'side2');
  if (side1 && !agent) agent = side1;
  if (side2 && !target) target = side2;

  const unmarked = inRange.filter((m) => !marks.get(m) && m !== agent && m !== target);
  const after = unmarked.filter((m) => m.tokenStart >= main.tokenEnd);
  const before = unmarked.filter((m) => m.tokenEnd <= main.tokenStart).reverse();
  const form = main.entry.form;
  if (doc.lang === 'ar') {
    if (passive) {
      if (!target && after[0] && after[0].tokenStart - main.tokenEnd <= 4) target = after.shift()!;
      if (!agent && before[0] && main.tokenStart - before[0].tokenEnd <= 3) agent = before.shift()!;
    } else if (form === 'noun') {
      // a nominal trigger: its genitive is the agent for attacks (غارات التحالف), the patient for
      // killings and arrests (مقتل قائد, اعتقال عناصر)
      const patientNoun = ['KILL', 'WOUND', 'Arrests', 'Abduction/forced disappearance'].includes(
        main.entry.subEventType,
      );
      const first = after[0];
      if (first && first.tokenStart - main.tokenEnd <= 3) {
        if (patientNoun) {
          if (!target) target = after.shift()!;
        } else if (!agent) agent = after.shift()!;
      }
      if (!agent && before[0]) agent = before.shift()!;
      if (!target && after[0]) target = after.shift()!;
    } else {
      // VSO: verb, subject, object; or a topicalised subject before the verb (SVO)
      if (!agent) {
        if (after[0] && after[0].tokenStart - main.tokenEnd <= 3) agent = after.shift()!;
        else if (before[0]) agent = before.shift()!;
      }
      if (!target && after[0]) target = after.shift()!;
    }
  } else {
    if (passive) {
      if (!target && before[0]) target = before.shift()!;
      if (!agent && after[0] && marks.get(after[0]) === 'agent') agent = after.shift()!;
    } else if (form === 'noun') {
      if (!agent && before[0] && main.tokenStart - before[0].tokenEnd <= 2) agent = before.shift()!;
      if (!target && after[0]) target = after.shift()!;
      if (!agent && before[0]) agent = before.shift()!;
    } else {
      if (!agent && before[0]) agent = before.shift()!;
      if (!target && after[0]) target = after.shift()!;
    }
  }
  if (
    !agent &&
    speaker &&
    speaker.actor &&
    ['military', 'police', 'rebel', 'jihadist', 'militia', 'external'].includes(speaker.actor.role)
  ) {
    if (speaker !== target) agent = speaker;
  }
  if (agent && target && sameActor(agent, target)) target = null;

  // Associated actors: mentions whose parent is a main actor, or joined to it by "and".
  const agentAssoc: ActorMention[] = [];
  const targetAssoc: ActorMention[] = [];
  for (const m of inRange) {
    if (m === agent || m === target || m === speaker || !m.actor) continue;
    if (agent && (m.actor.parent === agent.actor?.name || linked(doc, agent, m, rules))) {
      if (!sameActor(m, agent)) agentAssoc.push(m);
    } else if (target && (m.actor.parent === target.actor?.name || linked(doc, target, m, rules))) {
      if (!sameActor(m, target)) targetAssoc.push(m);
    }
  }
  const markedAgent = !!agent && marks.get(agent) === 'agent';
  const symmetric =
    (!!side1 && agent === side1) ||
    (!markedAgent && main.entry.subEventType === 'Armed clash' && main.entry.form === 'noun');
  return { agent, target, agentAssoc, targetAssoc, speaker, symmetric };
}

function sameActor(a: ActorMention, b: ActorMention): boolean {
  return !!a.actor && !!b.actor && a.actor.name === b.actor.name;
}

/** X و Y / X and Y (allowing a few words of description between: وقوة أمنية متحالفة معها تسمى Y). */
function linked(doc: Doc, head: ActorMention, m: ActorMention, rules: LangRules): boolean {
  if (m.tokenStart < head.tokenEnd) return false;
  const gap = m.tokenStart - head.tokenEnd;
  if (gap > 6) return false;
  for (let k = head.tokenEnd; k <= m.tokenStart && k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.kind === 'punct' && t.text !== '-') return false;
    if (hasForm(t, rules.and) || (doc.lang === 'ar' && t.prefix.startsWith('و') && k === head.tokenEnd))
      return true;
  }
  return false;
}
