import { eventTypeOf } from '../model/taxonomy.js';
import { proclitReadings } from '../text/ar/clitics.js';
import type { Doc, Token } from '../text/types.js';
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

type Mark = 'agent' | 'target' | 'victim' | 'side1' | 'side2' | 'with' | 'speaker' | 'modifier' | null;

/** Quotes and brackets around a name («داعش», "Sinai Province") do not separate it from its marker. */
const QUOTE = /^[«»"“”„‟'‘’()[\]]+$/;
/** English determiners between a marker and its name: by a sniper, against the police. */
const EN_DET = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her']);

/**
 * Words before a name that make it a modifier of the actor named before it, not a party of the
 * event: «قوات التحالف بقيادة الولايات المتحدة», "forces loyal to X", "militias backed by X".
 */
const MODIFIERS: Record<'ar' | 'en', string[][]> = {
  ar: [
    ['بقياده'],
    ['بزعامه'],
    ['التابعه'],
    ['التابع'],
    ['الموالي'],
    ['المواليه'],
    ['الموالين'],
    ['المدعومه', 'من'],
    ['المدعوم', 'من'],
    ['المتحالفه', 'مع'],
    ['المقربه', 'من'],
    ['المحسوبه', 'علي'],
    // the support of an action: «بمساعدة غارات التحالف», «بدعم من الطيران الروسي»
    ['بمساعده'],
    ['بدعم'],
    ['بدعم', 'من'],
    ['باسناد'],
    ['باسناد', 'من'],
    ['بغطاء'],
  ],
  en: [
    ['led', 'by'],
    ['backed', 'by'],
    ['supported', 'by'],
    ['loyal', 'to'],
    ['affiliated', 'with'],
    ['affiliated', 'to'],
    ['allied', 'to'],
    ['allied', 'with'],
    ['aligned', 'with'],
    ['linked', 'to'],
    ['belonging', 'to'],
  ],
};

const EN_OBLIQUE = new Set(['in', 'near', 'into', 'inside', 'outside', 'under', 'behind']);
const EN_BE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'got', 'get', 'gets']);
const EN_SKIP = new Set([
  'reportedly',
  'allegedly',
  'also',
  'all',
  'both',
  'each',
  'later',
  'subsequently',
  'have',
  'has',
  'had',
  'not',
  'seriously',
  'critically',
  'fatally',
  'lightly',
  'slightly',
  'badly',
  'severely',
]);
/** Participles after which the subject is still the one who acts (X was reported to have killed). */
const EN_NOT_PATIENT = new Set([
  'reported',
  'believed',
  'said',
  'thought',
  'alleged',
  'suspected',
  'accused',
  'expected',
  'deployed',
  'sent',
  'dispatched',
  'involved',
  'seen',
  'known',
  'understood',
  'stationed',
  'based',
  'positioned',
  'mobilised',
  'mobilized',
  'able',
  'led',
  'engaged',
  'determined',
  'ordered',
  'tasked',
  'used',
  'backed',
  'supported',
  'allied',
  'affiliated',
  'linked',
  'aligned',
  'armed',
  'equipped',
]);
const EN_IRREGULAR = new Set([
  'shot',
  'hit',
  'struck',
  'hurt',
  'caught',
  'held',
  'taken',
  'beaten',
  'slain',
  'met',
]);

/** English "X was/were (reportedly) killed": X is the patient of a passive verb. */
const EN_TITLES = new Set([
  'colonel',
  'commander',
  'officer',
  'officers',
  'leader',
  'leaders',
  'chief',
  'general',
  'sergeant',
  'captain',
  'lieutenant',
  'major',
  'official',
  'officials',
  'member',
  'members',
  'soldier',
  'soldiers',
  'fighter',
  'fighters',
  'conscript',
  'conscripts',
  'recruit',
  'recruits',
  'patrol',
  'convoy',
  'vehicle',
  'vehicles',
]);

function passiveSubject(toks: Token[], end: number): boolean {
  let k = end;
  // "a Libyan army colonel was murdered": the head noun after the actor word
  for (let n = 0; n < 2 && EN_TITLES.has(toks[k]?.norm ?? ''); n++) k++;
  let be = false;
  for (let n = 0; n < 5 && k < toks.length; n++, k++) {
    const w = toks[k]!.norm;
    if (toks[k]!.kind === 'punct' && QUOTE.test(toks[k]!.text)) continue;
    if (EN_BE.has(w)) be = true;
    else if (!EN_SKIP.has(w) && !(be && w.endsWith('ly'))) break;
  }
  if (!be) return false;
  const w = toks[k]?.norm ?? '';
  if (EN_NOT_PATIENT.has(w)) return false;
  return EN_IRREGULAR.has(w) || (/^[a-z-]{3,}(ed|en)$/.test(w) && w !== 'been' && w !== 'when');
}

/** English auxiliaries that make the name before them the subject of a clause. */
const EN_AUX = new Set(['had', 'has', 'have', 'will', 'would', 'could', 'might', 'may', 'did']);

/** An English name after "said" that is followed by its own verb: the reported clause's subject. */
function reportedSubject(toks: Token[], end: number, main: TriggerHit): boolean {
  let k = end;
  while (k < toks.length && (EN_SKIP.has(toks[k]!.norm) || EN_AUX.has(toks[k]!.norm))) {
    if (EN_AUX.has(toks[k]!.norm)) return true;
    k++;
  }
  return k === main.tokenStart || EN_BE.has(toks[k]?.norm ?? '');
}

/** The index of the first token before a mention that may carry its marker (quotes and articles skipped). */
function markerIndex(doc: Doc, i: number, from: number): number {
  let j = i;
  while (j - 1 >= from) {
    const t = doc.tokens[j - 1]!;
    if ((t.kind === 'punct' && QUOTE.test(t.text)) || (doc.lang === 'en' && EN_DET.has(t.norm))) j--;
    else break;
  }
  return j;
}

/** The role marked by the words right before a mention (شنه X, على X, N من X, بين X و Y, قال X). */
function markOf(
  doc: Doc,
  m: ActorMention,
  from: number,
  rules: LangRules,
  prevMark: Mark,
  main: TriggerHit,
  prev?: ActorMention,
): Mark {
  const toks = doc.tokens;
  const i = markerIndex(doc, m.tokenStart, from);
  if (prev) for (const seq of MODIFIERS[doc.lang]) if (endsWithSeq(toks, i, seq)) return 'modifier';
  for (const seq of rules.agentMarkers) if (endsWithSeq(toks, i, seq)) return 'agent';
  // The marker may be glued as a clitic: «لداعش» after غارات is ambiguous; only whole-word markers count.
  for (const seq of rules.targetMarkers)
    if (endsWithSeq(toks, i, seq)) {
      // «سيطر عليها تنظيم داعش», «هجم عليهم مسلحون»: the verb's own preposition with an attached
      // pronoun governs the pronoun, and the name after it is the verb's subject
      if (
        doc.lang === 'ar' &&
        seq.length === 1 &&
        i - 1 === main.tokenEnd &&
        pronounAttached(toks[i - 1]!, seq[0]!)
      )
        continue;
      // «استهدف الطيران الإسرائيلي بلدة»: an aircraft right after the verb is its subject
      if (seq[0]!.startsWith('استهدف') && AR_AIRCRAFT.has(toks[m.tokenStart]!.stem)) return 'agent';
      return 'target';
    }
  const p1 = toks[i - 1];
  if (p1 && i - 1 >= from) {
    if (hasForm(p1, rules.between)) return 'side1';
    // "between unity government forces and ...": one modifier word between
    const p0 = toks[i - 2];
    if (doc.lang === 'en' && p0 && i - 2 >= from && hasForm(p0, rules.between) && p1.kind === 'word')
      return 'side1';
    if (hasForm(p1, rules.with)) return 'with';
    if (hasForm(p1, rules.partitive)) {
      const p2 = toks[i - 2];
      if (p2 && i - 2 >= from && hasForm(p2, rules.personNouns)) {
        // "by fighters of X", "between A and fighters of X", «بين الجيش وعناصر من داعش»: the
        // fighters' group is the side the marker names
        const j = markerIndex(doc, i - 2, from);
        for (const seq of rules.agentMarkers) if (endsWithSeq(toks, j, seq)) return 'agent';
        // "by local forces of X": one adjective between
        if (doc.lang === 'en' && toks[j - 1]?.kind === 'word')
          for (const seq of rules.agentMarkers)
            if (endsWithSeq(toks, markerIndex(doc, j - 1, from), seq)) return 'agent';
        const p3 = toks[j - 1];
        if (p3 && j - 1 >= from) {
          if (hasForm(p3, rules.between)) return 'side1';
          if (hasForm(p3, rules.with)) return 'with';
          if (hasForm(p3, rules.and) && prevMark === 'side1') return 'side2';
        }
        if (doc.lang === 'ar' && p2.prefix.startsWith('و') && prevMark === 'side1') return 'side2';
      }
      // N من X / members of X / عناصر من X: the victims' (or arrested) group
      if (
        p2 &&
        (p2.kind === 'number' ||
          hasForm(p2, rules.personNouns) ||
          /ين$|ون$|ا$/.test(p2.norm) ||
          AR_COUNT_WORDS.test(p2.stem))
      )
        return 'victim';
      if (p2 && hasForm(p2, rules.personNouns)) return 'victim';
    }
    // «قال X», ", said the army": the speaker; "said Islamic State had seized ...": the subject of
    // the reported clause
    if (hasForm(p1, rules.reportVerbs) && !(doc.lang === 'en' && reportedSubject(toks, m.tokenEnd, main)))
      return 'speaker';
    // بين X و Y: Y is the other side
    if (hasForm(p1, rules.and) && prevMark === 'side1' && prev && prev.tokenEnd >= i - 2) return 'side2';
  }
  // Arabic: the conjunction is a clitic on the mention itself (وقوات ...): check the token's prefix.
  const t = toks[m.tokenStart]!;
  if (doc.lang === 'ar' && t.prefix.startsWith('و') && prevMark === 'side1' && prev && prev.tokenEnd === i)
    return 'side2';
  // English: "gunmen in military uniform", "near the police station": a name in a prepositional
  // phrase is neither subject nor object
  if (doc.lang === 'en' && p1 && i - 1 >= from && EN_OBLIQUE.has(p1.norm) && m.tokenEnd !== main.tokenStart)
    return 'modifier';
  // English: "X said" — the speaker precedes the report verb
  if (doc.lang === 'en' && hasForm(toks[m.tokenEnd], rules.reportVerbs)) return 'speaker';
  // English: "X were killed", "X was reportedly shot": the subject of a passive verb is its patient
  if (doc.lang === 'en' && passiveSubject(toks, m.tokenEnd)) return 'victim';
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
  passiveVoice: boolean,
): Roles {
  const all = mentions.filter((m) => m.tokenStart >= from && m.tokenEnd <= to && m.actor);
  // a further nationality of one weapon noun is the ally of the mention it belongs to
  const conjuncts = all.filter((m) => m.conjunct);
  const inRange = all.filter((m) => !m.conjunct);
  let passive = passiveVoice;
  // English "was murdered", "were shot": a verb entry used in the passive voice
  if (doc.lang === 'en' && !passive && main.entry.form === 'verb') {
    let k = main.tokenStart - 1;
    while (k >= from && EN_SKIP.has(doc.tokens[k]!.norm)) k--;
    if (
      k >= from &&
      EN_BE.has(doc.tokens[k]!.norm) &&
      /(ed|en)$|^(shot|hit|struck|slain)$/.test(doc.tokens[main.tokenStart]!.norm)
    )
      passive = true;
  }
  const marks = new Map<ActorMention, Mark>();
  let prevMark: Mark = null;
  let prev: ActorMention | undefined;
  for (const m of inRange) {
    let mk = markOf(doc, m, from, rules, prevMark, main, prev);
    if (prev && apposition(doc, prev, m)) {
      // one party named twice: "the militant group Ajnad Misr (Soldiers of Egypt)" — the name
      // carries the role; the description or the repeated name is not a party of its own
      const pm = marks.get(prev) ?? null;
      if (isGenericUnidentified(prev) && !isGenericUnidentified(m)) {
        mk = mk ?? pm;
        marks.set(prev, 'modifier');
      } else {
        if (!pm && mk) marks.set(prev, mk);
        mk = 'modifier';
        marks.set(m, mk);
        continue;
      }
    }
    marks.set(m, mk);
    prevMark = mk;
    prev = m;
  }
  const speaker = inRange.find((m) => marks.get(m) === 'speaker') ?? null;
  let agent: ActorMention | null = inRange.find((m) => marks.get(m) === 'agent') ?? null;
  // In a protest, «ضد X» / "against X" names the grievance, not a side: the state is a side when it acts.
  const protest = eventTypeOf(main.entry.subEventType) === 'Protests';
  let target: ActorMention | null =
    inRange.find(
      (m) => (marks.get(m) === 'target' && !protest) || marks.get(m) === 'victim' || marks.get(m) === 'with',
    ) ?? null;
  // the weapon or aircraft named with its owner is the one that struck: "Israeli warplanes
  // struck", «غارات إسرائيلية», «طيران التحالف»: a named mention that holds the attack word
  if (!agent && !protest && !PATIENT_EVENTS.has(main.entry.subEventType)) {
    const holder = inRange.find(
      (m) =>
        !marks.get(m) &&
        m !== target &&
        m.tokenStart < main.tokenEnd &&
        main.tokenStart < m.tokenEnd &&
        m.entries.some((e) => !(e.base ?? e).generic),
    );
    if (holder) agent = holder;
  }
  const side1 = inRange.find((m) => marks.get(m) === 'side1');
  const side2 = inRange.find((m) => marks.get(m) === 'side2');
  if (side1 && !agent) agent = side1;
  if (side2 && !target) target = side2;

  const unmarked = inRange.filter((m) => !marks.get(m) && m !== agent && m !== target);
  const after = unmarked.filter((m) => m.tokenStart >= main.tokenEnd);
  const before = unmarked.filter((m) => m.tokenEnd <= main.tokenStart).reverse();
  const form = main.entry.form;
  let clauseSubject = false;
  let coordinated = false;
  if (doc.lang === 'ar') {
    if (passive) {
      if (!target && after[0] && after[0].tokenStart - main.tokenEnd <= 4) target = after.shift()!;
      if (!agent && before[0] && main.tokenStart - before[0].tokenEnd <= 3) agent = before.shift()!;
    } else if (form === 'noun') {
      // a nominal trigger: its genitive is the agent for attacks (غارات التحالف), the patient for
      // killings and arrests (مقتل قائد, اعتقال عناصر)
      const patientNoun = PATIENT_EVENTS.has(main.entry.subEventType);
      const first = after[0];
      // the genitive follows the noun (and its adjectives); a preposition between starts an
      // adjunct: «التفجير في مسجد قوات الطوارئ» (the forces' mosque is the target)
      if (
        first &&
        first.tokenStart - main.tokenEnd <= 3 &&
        !prepositionBetween(doc, main.tokenEnd, first.tokenStart)
      ) {
        if (patientNoun) {
          if (!target) target = after.shift()!;
        } else if (!agent) agent = after.shift()!;
      }
      if (!agent && before[0]) agent = before.shift()!;
      if (!target && after[0]) target = after.shift()!;
    } else {
      // VSO: verb, subject, object; or a topicalised subject before the verb (SVO)
      // A subject carries no preposition: «يهاجمون حاجزا للشرطة» (the police's checkpoint) names the
      // object's owner; and a verb with its subject pronoun («وقتلوا شرطيين») is followed by its object.
      const verb = doc.tokens[main.tokenEnd - 1]!;
      const pronounSubject = main.tokenEnd - main.tokenStart === 1 && /وا$/.test(verb.norm);
      if (!agent) {
        const subj = after[0];
        if (subj && subj.tokenStart - main.tokenEnd <= 3 && !pronounSubject && !arPrepositional(doc, subj))
          agent = after.shift()!;
        else {
          // «لواء ... التابع للمعارضة»: with no other name, the owner stands for the group
          const k = Math.max(
            0,
            before.findIndex((m) => !arPrepositional(doc, m)),
          );
          if (before[k]) agent = before.splice(k, 1)[0]!;
        }
      }
      if (!target && after[0]) target = after.shift()!;
    }
  } else {
    if (passive) {
      if (!target && before[0]) target = before.shift()!;
      if (!agent && after[0] && marks.get(after[0]) === 'agent') agent = after.shift()!;
    } else if (form === 'noun') {
      if (!agent && before[0] && main.tokenStart - before[0].tokenEnd <= 2) agent = before.shift()!;
      if (enAdjunct(doc, main, from) || enParticiple(doc, main, from)) {
        // "X killed Y in an air strike", "X clashed with Y during fighting": the noun is an adjunct
        // of the clause, whose subject (the first name) acted and whose object was hit
        const inOrder = [...before].reverse();
        if (!agent && inOrder[0]) {
          agent = inOrder.shift()!;
          clauseSubject = true;
        }
        const obj = inOrder[0];
        if (
          obj &&
          !protest &&
          (!target || (marks.get(target) === 'target' && target.tokenStart > main.tokenEnd))
        ) {
          target = obj;
          inOrder.shift();
        }
        before.length = 0;
      }
      if (!target && after[0] && !protest) target = after.shift()!;
      if (!agent && before[0]) agent = before.shift()!;
    } else {
      // "Students and police clashed": coordinated subjects are the two sides
      if (!agent && !target && before[1] && linked(doc, before[1], before[0]!, rules)) {
        target = before.shift()!;
        agent = before.shift()!;
        coordinated = true;
      }
      if (!agent && before[0]) agent = before.shift()!;
      // the direct object right after the verb, before a marked target further on ("killed three
      // militants ... that opened fire at a military checkpoint")
      const obj = after[0] && after[0].tokenStart - main.tokenEnd <= 3 ? after[0] : null;
      if (obj && target && marks.get(target) === 'target' && target.tokenStart > obj.tokenStart && !protest)
        target = after.shift()!;
      if (!target && after[0] && !protest) target = after.shift()!;
    }
  }
  // "A commander of X was killed in clashes against / a shootout with Y": Y is the other side
  if (!agent && target && marks.get(target) === 'victim' && !protest) {
    const other = inRange.find(
      (m) =>
        m !== target &&
        !sameActor(m, target!) &&
        (marks.get(m) === 'with' ||
          (marks.get(m) === 'target' &&
            hasForm(doc.tokens[markerIndex(doc, m.tokenStart, from) - 1], OPPOSING))),
    );
    if (other) agent = other;
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
  // civilians named in the clause are its victims («قتل ثلاثة مدنيين بقصف مسيرة تركية»)
  const mainType = eventTypeOf(main.entry.subEventType);
  const harm =
    !mainType || mainType === 'Explosions/Remote violence' || mainType === 'Violence against civilians';
  if (agent && !target && harm && agent.actor?.inter !== 7) {
    const civ = inRange.find((m) => m !== agent && m !== speaker && m.actor?.inter === 7 && !marks.get(m));
    if (civ) target = civ;
  }

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
  for (const c of conjuncts) {
    const head = [...inRange].reverse().find((m) => m.tokenStart <= c.tokenStart);
    if (head && head === agent && !sameActor(c, agent)) agentAssoc.push(c);
    else if (head && head === target && !sameActor(c, target)) targetAssoc.push(c);
  }
  const markedAgent = !!agent && marks.get(agent) === 'agent';
  const symmetric =
    (!!side1 && agent === side1) ||
    (coordinated && main.entry.subEventType === 'Armed clash') ||
    (!markedAgent &&
      !clauseSubject &&
      main.entry.subEventType === 'Armed clash' &&
      main.entry.form === 'noun');
  return { agent, target, agentAssoc, targetAssoc, speaker, symmetric };
}

const AR_PREPOSITIONS = new Set([
  'في',
  'علي',
  'الي',
  'من',
  'عن',
  'قرب',
  'داخل',
  'امام',
  'عند',
  'حول',
  'بالقرب',
  'ضد',
  'شمال',
  'جنوب',
  'شرق',
  'غرب',
]);
const EN_PREPOSITIONS = new Set([
  'in',
  'during',
  'amid',
  'after',
  'following',
  'through',
  'by',
  'under',
  'from',
  'into',
]);

/** An Arabic token that is `word` only with an attached pronoun stripped (عليها, عليهم for على). */
function pronounAttached(t: Token, word: string): boolean {
  return !proclitReadings(t.norm).some((r) => r.stem === word);
}

/** An Arabic mention introduced by a clitic preposition (للشرطة، بالجيش، لقوات). */
function arPrepositional(doc: Doc, m: ActorMention): boolean {
  return /^[وف]?[بلك]/.test(doc.tokens[m.tokenStart]!.prefix);
}

/** A preposition among the tokens [a, b) (Arabic). */
function prepositionBetween(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = doc.tokens[k]!;
    if (AR_PREPOSITIONS.has(t.norm) || AR_PREPOSITIONS.has(t.stem)) return true;
  }
  return false;
}

/** English: a nominal trigger introduced by a preposition ("in an air strike", "during clashes"). */
function enAdjunct(doc: Doc, main: TriggerHit, from: number): boolean {
  for (let k = main.tokenStart - 1; k >= Math.max(from, main.tokenStart - 4); k--) {
    const t = doc.tokens[k]!;
    if (t.kind === 'punct') return false;
    if (EN_PREPOSITIONS.has(t.norm)) return k > from;
  }
  return false;
}

/**
 * English: a participle clause after a comma ("Gunmen attacked a checkpoint, killing two
 * policemen"): its subject is the clause's, who acted; the clause's object was hit.
 */
function enParticiple(doc: Doc, main: TriggerHit, from: number): boolean {
  const t = doc.tokens[main.tokenStart]!;
  const prev = doc.tokens[main.tokenStart - 1];
  return main.tokenStart - 1 > from && /ing$/.test(t.norm) && prev?.text === ',';
}

const OPPOSING = ['against', 'ضد'];
/** Aircraft and drones (normalised stems): they strike, they are not struck. */
const AR_AIRCRAFT = new Set([
  'طيران',
  'طايره',
  'طايرات',
  'مقاتلات',
  'مقاتله',
  'مسيره',
  'مسيرات',
  'مروحيه',
  'مروحيات',
  'قاذفات',
]);
/** Sub-events whose noun's genitive or holder is the patient (مقتل قائد, اعتقال عناصر). */
const PATIENT_EVENTS = new Set(['KILL', 'WOUND', 'Arrests', 'Abduction/forced disappearance']);
/** Arabic number and quantity words before «من X» (ثلاثة من عناصر الشرطة). */
const AR_COUNT_WORDS = /^(عدد|عشرات|مئات|اثنان|اثنين|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره|بعض)$/;

function isGenericUnidentified(m: ActorMention): boolean {
  return !!m.actor && m.actor.role === 'unidentified' && m.entries.every((e) => e.generic);
}

/** Two mentions of one party side by side: a description and its name, or a name and its gloss in brackets. */
function apposition(doc: Doc, a: ActorMention, b: ActorMention): boolean {
  if (b.tokenStart < a.tokenEnd || b.tokenStart - a.tokenEnd > 2) return false;
  for (let k = a.tokenEnd; k < b.tokenStart; k++) {
    const t = doc.tokens[k]!;
    if (!(t.kind === 'punct' && (QUOTE.test(t.text) || t.text === ','))) return false;
  }
  if (b.tokenStart === a.tokenEnd)
    return (isGenericUnidentified(a) && !!b.actor && !b.entries.every((e) => e.generic)) || sameActor(a, b);
  // bracketed or quoted gloss: the same actor
  return sameActor(a, b) && doc.tokens[a.tokenEnd]!.text !== ',';
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
