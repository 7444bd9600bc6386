import { distanceKm } from '../geo/index.js';
import { eventTypeOf } from '../model/taxonomy.js';
import type { Doc } from '../text/types.js';
import { AR_RULES } from './ar/rules.js';
import { backgroundTokens } from './background.js';
import { classify, PSEUDO } from './classify.js';
import type { ExtractContext } from './context.js';
import { buildCountIndex, findCounts } from './counts.js';
import { frameDate } from './dates.js';
import { EN_RULES } from './en/rules.js';
import { hasForm, type LangRules } from './lang.js';
import { blockReason } from './modality.js';
import { pickPlace } from './place.js';
import { assignRoles } from './roles.js';
import { type SupportPhrase, supportingStrikes } from './support.js';
import type { ActorMention, Annotations, Frame, PlaceHit, TriggerHit, VictimClass } from './types.js';

export function rulesFor(lang: 'ar' | 'en'): LangRules {
  return lang === 'ar' ? AR_RULES : EN_RULES;
}

/** Minimum weight of a specific trigger that can start a frame on its own. */
const MIN_WEIGHT = 0.45;

const SEGMENT_BREAKS = new Set(['،', ',', '؛', ';']);
const SEGMENT_WORDS = new Set(['فيما', 'بينما', 'كما', 'غداه', 'while', 'whereas', 'meanwhile']);
/** «غداة» (the day after): what follows happened the day before the clause it qualifies. */
const DAY_BEFORE = new Set(['غداه']);

interface Segment {
  from: number;
  to: number;
}

/** Clause segments of a sentence: split at commas/semicolons and at "فيما/بينما/while". */
function segments(doc: Doc, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let start = from;
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k]!;
    const isBreak = SEGMENT_BREAKS.has(t.text) || (SEGMENT_WORDS.has(t.norm) && k > start);
    if (isBreak && k > start) {
      out.push({ from: start, to: SEGMENT_BREAKS.has(t.text) ? k + 1 : k });
      start = SEGMENT_BREAKS.has(t.text) ? k + 1 : k;
    }
  }
  if (start < to) out.push({ from: start, to });
  return out;
}

function isPassive(doc: Doc, t: TriggerHit): boolean {
  if (t.entry.form === 'passive') return true;
  if (t.entry.form !== 'verb') return false;
  // Undiacritised Arabic قتل / اعتقل / اختطف: a number or a victim noun right after means the passive.
  if (doc.lang === 'ar') {
    const next = doc.tokens[t.tokenEnd];
    return (
      !!next &&
      (next.kind === 'number' ||
        /^(عدد|عشرات|مئات|اثنان|ثلاثه|سبعه|خمسه|اربعه|سته|ثمانيه|تسعه|عشره)$/.test(next.stem))
    );
  }
  return false;
}

/**
 * Builds event frames sentence by sentence: unblocked triggers are grouped by clause (a round-up
 * sentence with two incidents in two places gives two frames), typed with their context, and
 * given their arguments: actors by role, people counts, the nearest place and date.
 */
export function buildFrames(doc: Doc, ann: Annotations, ctx: ExtractContext): Frame[] {
  const rules = rulesFor(doc.lang);
  // Triggers and cues by sentence; triggers that do not report an event here (negated,
  // hypothetical, a protest's grievance) neither start frames nor anchor death counts.
  const trigBySentence = new Map<number, TriggerHit[]>();
  for (const t of ann.triggers)
    trigBySentence.set(t.sentence, [...(trigBySentence.get(t.sentence) ?? []), t]);
  const cuesBySentence = new Map<number, typeof ann.cues>();
  for (const c of ann.cues) cuesBySentence.set(c.sentence, [...(cuesBySentence.get(c.sentence) ?? []), c]);
  const blockedTriggers = new Set<TriggerHit>();
  const support: SupportPhrase[] = [];
  // a trigger in a clause about the war as a whole ("began in 2011 with protests") is history
  const background = backgroundTokens(ann.background);
  // "the deadliest attack since the war began" ranks one event: its statistic cue blocks nothing
  const ranked = new Set(ann.background?.rankedCues);
  for (const [sentence, trig] of trigBySentence) {
    const cues = (cuesBySentence.get(sentence) ?? []).filter((c) => !ranked.has(c.tokenStart));
    for (const t of trig)
      if (background.has(t.tokenStart) || blockReason(doc, t, cues) || isGrievance(doc, t, trig))
        blockedTriggers.add(t);
    // strikes told as the support of another action of their clause are part of it
    const live = (t: TriggerHit) => !blockedTriggers.has(t);
    const strong = (t: TriggerHit) => isStrong(supported(t, ann, sentence));
    for (const p of supportingStrikes(doc, trig, cuesBySentence.get(sentence) ?? [], live, strong)) {
      blockedTriggers.add(p.strike);
      support.push(p);
    }
  }
  // suffocation in an article about tear gas is the tear gas, not a chemical weapon
  const tearGas = ann.triggers.some(
    (t) => t.entry.subEventType === 'Protest with intervention' && /gas|غاز/.test(t.entry.phrase),
  );
  if (tearGas)
    for (const t of ann.triggers)
      if (t.entry.subEventType === 'Chemical weapon' && t.entry.weight < 0.7) blockedTriggers.add(t);
  const idx = buildCountIndex(ann, blockedTriggers);
  const places = placesOfEvents(doc, ann, rules);
  const frames: Frame[] = [];
  for (const s of doc.sentences) {
    const trig = trigBySentence.get(s.i);
    if (!trig) continue;
    const live = trig.filter((t) => !blockedTriggers.has(t)).map((t) => supported(t, ann, s.i));
    if (!live.some((t) => isStrong(t))) continue;
    // group clause segments: a new group starts at a segment with its own strong trigger and place
    const segs = segments(doc, s.tokenStart, s.tokenEnd);
    const groups: Segment[] = [];
    let cur: Segment | null = null;
    let curHasTrigger = false;
    let curHasPlace = false;
    for (const seg of segs) {
      const segTrig = live.some((t) => t.tokenStart >= seg.from && t.tokenStart < seg.to && isStrong(t));
      const segPlace = ann.places.some(
        (p) => p.tokenStart >= seg.from && p.tokenStart < seg.to && p.location,
      );
      const dayBefore = DAY_BEFORE.has(doc.tokens[seg.from]!.norm);
      if (
        cur &&
        ((segTrig && segPlace && curHasTrigger && curHasPlace) || (segTrig && dayBefore && curHasTrigger))
      ) {
        groups.push(cur);
        cur = null;
      }
      if (!cur) {
        cur = { ...seg };
        curHasTrigger = segTrig;
        curHasPlace = segPlace;
      } else {
        cur.to = seg.to;
        curHasTrigger ||= segTrig;
        curHasPlace ||= segPlace;
      }
    }
    if (cur) groups.push(cur);
    for (const g of groups) {
      const gt = live.filter((t) => t.tokenStart >= g.from && t.tokenStart < g.to);
      if (!gt.some((t) => isStrong(t))) continue;
      const f = buildFrame(doc, ann, ctx, rules, idx, gt, g, s.part, frames.length, support, places);
      if (f) for (const x of splitByPlace(doc, ann, f, rules)) frames.push({ ...x, id: frames.length });
    }
  }
  return frames;
}

/**
 * The places that can locate an event: not one in a background clause, nor a country or city that speaks or condemns («أدانت
 * الكويت», "Egypt said"), which is not where it happened.
 */
function placesOfEvents(doc: Doc, ann: Annotations, rules: LangRules): PlaceHit[] {
  const condemnationEnds = new Set<number>();
  for (const c of ann.cues) if (c.entry.kind === 'condemnation') condemnationEnds.add(c.tokenEnd);
  // a place in a background clause («since sarin killed hundreds in Ghouta») is not where it happened
  const background = backgroundTokens(ann.background);
  return ann.places.filter((p) => {
    if (background.has(p.tokenStart)) return false;
    const prev = doc.tokens[p.tokenStart - 1];
    return !(prev && (hasForm(prev, rules.reportVerbs) || condemnationEnds.has(p.tokenStart)));
  });
}

const PROTEST_TYPES = new Set(['Protests', 'Riots']);

/** Words that introduce what a protest is about: "protest against the killing", «احتجاجا على مقتل». */
const GRIEVANCE = new Set([
  'against',
  'over',
  'denounce',
  'denounced',
  'denouncing',
  'decry',
  'decried',
  'decrying',
  'condemn',
  'condemned',
  'condemning',
  'mourn',
  'mourned',
  'mourning',
  'ندد',
  'نددوا',
  'solidarity',
  'احتجاجا',
  'تنديدا',
  'رفضا',
  'استنكارا',
  'تضامنا',
  // "protested after a child was killed": what set the protest off
  'after',
  'following',
]);

/**
 * A violent word that is the grievance of a protest in the same clause («تظاهر المئات احتجاجا على
 * مقتل شاب», "IDPs protest against the killing of a man") is not an event of its own here.
 */
/** Words that refer back to an earlier incident: «ردا على مقتل جندي», "in retaliation for the killing". */
const REFERENCE = [
  ['ردا', 'علي'],
  ['انتقاما'],
  ['ثارا'],
  ['retaliation', 'for'],
  ['response', 'to'],
  ['responding', 'to'],
  ['reacting', 'to'],
  ['reaction', 'to'],
  ['علي', 'خلفيه'],
  ['revenge', 'for'],
];

function isReference(doc: Doc, t: TriggerHit): boolean {
  for (let k = t.tokenStart - 1; k >= Math.max(0, t.tokenStart - 4); k--) {
    const tok = doc.tokens[k]!;
    if (tok.kind === 'punct' || tok.sentence !== t.sentence) return false;
    for (const seq of REFERENCE) {
      if (seq.every((w, q) => doc.tokens[k + q]?.forms.includes(w))) return true;
    }
  }
  return false;
}

function isGrievance(doc: Doc, t: TriggerHit, all: TriggerHit[]): boolean {
  if (isReference(doc, t)) return true;
  const et = eventTypeOf(t.entry.subEventType);
  if (et && PROTEST_TYPES.has(et)) return false;
  const protest = all.find((p) => {
    const pe = eventTypeOf(p.entry.subEventType);
    return pe && PROTEST_TYPES.has(pe) && p.tokenEnd <= t.tokenStart;
  });
  if (!protest) return false;
  for (let k = protest.tokenEnd; k < t.tokenStart; k++) {
    const tok = doc.tokens[k]!;
    if (tok.kind === 'punct' && tok.text !== ',' && tok.text !== '،') return false;
    if (tok.forms.some((f) => GRIEVANCE.has(f))) return true;
  }
  return false;
}
const VIOLENT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/**
 * A weak trigger supported by its sentence gets more weight: a protest word with protesters or
 * workers named (workers blocked the road to denounce...), a violent word with an armed actor.
 */
function supported(t: TriggerHit, ann: Annotations, sentence: number): TriggerHit {
  const w = t.entry.weight;
  const actors0 = ann.actors.filter((a) => a.sentence === sentence && a.actor);
  // a bare "strike" by workers, doctors or students is a labour strike, not an airstrike
  if (/^strikes?$/.test(t.entry.phrase) || t.entry.phrase === 'إضراب') {
    const protesters =
      actors0.some((a) => a.actor!.inter === 6) ||
      ann.cues.some((c) => c.sentence === sentence && c.entry.kind === 'protester_noun');
    const armed = actors0.some((a) => [1, 2, 3, 4, 8].includes(a.actor!.inter));
    if (protesters && !armed) {
      return {
        ...t,
        entry: { ...t.entry, subEventType: 'Peaceful protest', eventType: 'Protests', weight: 0.6 },
      };
    }
  }
  if (w >= MIN_WEIGHT || w < 0.25) return t;
  const et = eventTypeOf(t.entry.subEventType);
  const actors = ann.actors.filter((a) => a.sentence === sentence && a.actor);
  const cues = ann.cues.filter((c) => c.sentence === sentence);
  let boost = 0;
  if (et && PROTEST_TYPES.has(et)) {
    if (
      actors.some((a) => a.actor!.inter === 6 || a.actor!.inter === 5) ||
      cues.some((c) => c.entry.kind === 'protester_noun')
    ) {
      boost = 0.2;
    }
  } else if ((et && VIOLENT_TYPES.has(et)) || t.entry.subEventType === 'ATTACK') {
    if (actors.some((a) => [1, 2, 3, 4, 8].includes(a.actor!.inter))) boost = 0.15;
  }
  return boost ? { ...t, entry: { ...t.entry, weight: w + boost } } : t;
}

function isStrong(t: TriggerHit): boolean {
  if (PSEUDO.has(t.entry.subEventType))
    return t.entry.subEventType !== 'CLAIM' && t.entry.weight >= MIN_WEIGHT;
  return t.entry.weight >= MIN_WEIGHT;
}

function buildFrame(
  doc: Doc,
  ann: Annotations,
  ctx: ExtractContext,
  rules: LangRules,
  idx: ReturnType<typeof buildCountIndex>,
  triggers: TriggerHit[],
  g: Segment,
  part: 'title' | 'text',
  id: number,
  support: readonly SupportPhrase[],
  places: PlaceHit[],
): Frame | null {
  // the owner of a supporting strike is an ally of the action's actor, never a side of it
  const phraseOf = (m: ActorMention) =>
    support.find(
      (p) => m.tokenStart >= p.start && m.tokenStart < p.end && p.start >= g.from && p.end <= g.to,
    );
  const supporters = ann.actors.filter((m) => phraseOf(m));
  const actors = supporters.length ? ann.actors.filter((m) => !supporters.includes(m)) : ann.actors;
  // provisional main trigger: the strongest
  const main0 = [...triggers].sort((a, b) => b.entry.weight - a.entry.weight)[0]!;
  const roles = assignRoles(doc, actors, main0, g.from, g.to, rules, isPassive(doc, main0));
  const counts = findCounts(doc, idx, rules, ctx, g.from, g.to);
  const cues = ann.cues.filter((c) => c.tokenStart >= g.from && c.tokenEnd <= g.to);
  const armedTarget = cues.some((c) => c.entry.kind === 'armed_target');
  const civilianTarget = cues.some((c) => c.entry.kind === 'civilian_target');
  let victimClass: VictimClass = 'unknown';
  for (const c of [...counts.deaths, ...counts.wounded]) {
    if (c.victimClass !== 'unknown') {
      victimClass = c.victimClass;
      break;
    }
  }
  if (
    victimClass === 'unknown' &&
    doc.tokens.slice(g.from, g.to).some((t) => t.norm === 'armed' || t.stem === 'مسلح')
  ) {
    victimClass = 'militant';
  }
  if (victimClass === 'unknown') {
    const v = cues.find((c) => ['civilian_victim', 'armed_victim', 'militant_noun'].includes(c.entry.kind));
    if (v)
      victimClass =
        v.entry.kind === 'civilian_victim'
          ? 'civilian'
          : v.entry.kind === 'armed_victim'
            ? 'armed'
            : 'militant';
  }
  const typing = classify(triggers, {
    target: roles.target,
    agent: roles.agent,
    victimClass,
    armedTarget,
    civilianTarget,
    hasDeaths: counts.deaths.length > 0,
    protesterNoun: cues.some((c) => c.entry.kind === 'protester_noun'),
  });
  if (!typing) return null;
  // a bare death/wound/attack report needs an actor or a figure to be an event; «الجرحى» (the
  // wounded) as a noun refers to people, not to an incident
  if (triggers.every((t) => PSEUDO.has(t.entry.subEventType))) {
    const numbered = [...counts.deaths, ...counts.wounded].some((c) => !c.vague);
    if (!numbered && !roles.agent && !roles.target) return null;
    if (triggers.every((t) => t.entry.subEventType === 'WOUND' && t.entry.form === 'noun')) return null;
  }
  // a strategic development is done by an organised actor (an agreement of a football club is not one)
  if (typing.eventType === 'Strategic developments') {
    const organised = (m: typeof roles.agent) => !!m?.actor && ![0, 5, 6, 7].includes(m.actor.inter);
    if (!organised(roles.agent) && !organised(roles.target) && !organised(roles.speaker)) return null;
  }
  let roles2 = roles;
  if (typing.main !== main0) {
    roles2 = assignRoles(doc, actors, typing.main, g.from, g.to, rules, isPassive(doc, typing.main));
  }
  if (roles2.agent && supporters.length) {
    const agent = roles2.agent.actor?.name;
    const allies = supporters.filter(
      (m, i) =>
        m.actor &&
        phraseOf(m)!.ally &&
        m.actor.name !== agent &&
        !roles2.agentAssoc.some((a) => a.actor?.name === m.actor!.name) &&
        supporters.findIndex((x) => x.actor?.name === m.actor!.name) === i,
    );
    if (allies.length) roles2 = { ...roles2, agentAssoc: [...roles2.agentAssoc, ...allies] };
  }
  const seg = segments(doc, g.from, g.to).find(
    (x) => typing.main.tokenStart >= x.from && typing.main.tokenStart < x.to,
  );
  const place =
    (seg && pickPlace(places, seg.from, seg.to, typing.main, ann.country?.iso2)) ??
    pickPlace(places, g.from, g.to, typing.main, ann.country?.iso2);
  let date = pickDate(ann, doc, g, typing.main);
  // «قصفت الطائرات اليوم ... غداة تبادل لإطلاق النار»: the exchange of fire was the day before
  if (DAY_BEFORE.has(doc.tokens[g.from]!.norm)) {
    if (date) date = { value: { ...date.value, date: shiftDay(date.value.date, -1) }, range: date.range };
  }
  let score = typing.main.entry.weight;
  if (roles2.agent) score += 0.1;
  if (place) score += 0.05;
  if (date?.range) score += 0.05;
  return {
    id,
    sentence: typing.main.sentence,
    segStart: g.from,
    segEnd: g.to,
    part,
    triggers,
    eventType: typing.eventType,
    subEventType: typing.subEventType,
    agent: roles2.agent,
    target: roles2.target,
    agentAssoc: roles2.agentAssoc,
    targetAssoc: roles2.targetAssoc,
    speaker: roles2.speaker,
    symmetric: roles2.symmetric,
    victimClass,
    deaths: counts.deaths,
    wounded: counts.wounded,
    arrested: counts.arrested,
    place,
    date,
    merged: 0,
    score: Math.min(1, score),
  };
}

/** The date of a frame: the nearest day-level (or week/month) date in its sentence. */
function pickDate(ann: Annotations, doc: Doc, g: Segment, main: TriggerHit): Frame['date'] {
  const s = doc.sentences[main.sentence]!;
  const cands = ann.dates.filter(
    (d) =>
      d.tokenStart >= s.tokenStart &&
      d.tokenEnd <= s.tokenEnd &&
      d.value.kind !== 'year' &&
      !ann.background?.sinceDates.includes(d.tokenStart),
  );
  if (!cands.length) return null;
  const dist = (d: (typeof cands)[number]) =>
    (d.tokenStart >= g.from && d.tokenEnd <= g.to ? 0 : 100) + Math.abs(d.tokenStart - main.tokenStart);
  const best = [...cands].sort((a, b) => dist(a) - dist(b))[0]!;
  return frameDate(best);
}

/**
 * One event per place: «غارات على صنعاء وصعدة وحجة», "protests in Kasserine, Gafsa and Tunis" name
 * several places of different provinces in one list after the trigger; ACLED codes one event for
 * each. The figures stay with the first place (they are not split without a source for it).
 */
/** Towns of one province listed together closer than this are one place (neighbourhoods, suburbs). */
const MIN_SPLIT_KM = 10;

function splitByPlace(doc: Doc, ann: Annotations, f: Frame, rules: LangRules): Frame[] {
  if (!f.place?.location?.admin1) return [f];
  const joinedTo = (a: PlaceHit, b: PlaceHit): boolean => {
    if (b.tokenStart < a.tokenEnd) return false;
    if (b.tokenStart === a.tokenEnd) {
      return doc.lang === 'ar' && doc.tokens[b.tokenStart]!.prefix.startsWith('و');
    }
    for (let k = a.tokenEnd; k < b.tokenStart; k++) {
      const t = doc.tokens[k]!;
      if (!(t.text === '،' || t.text === ',' || hasForm(t, rules.and))) return false;
    }
    return true;
  };
  // lists of two or more places joined by "and" or commas anywhere in the frame's clauses
  const cands = ann.places.filter(
    (p) => p.tokenStart >= f.segStart && p.tokenEnd <= f.segEnd && p.location?.admin1 && !p.dateline,
  );
  const listed = new Set<PlaceHit>();
  // "on the road between Ben Gardane and Tataouine", «على الطريق بين حلب وإدلب»: a route, one place
  const route = (p: PlaceHit) => {
    const prev = doc.tokens[p.tokenStart - 1];
    return (
      !!prev &&
      (rules.between.includes(prev.norm) || prev.stem === 'بين' || doc.tokens[p.tokenStart]!.prefix === 'بين')
    );
  };
  for (let i = 0; i + 1 < cands.length; i++) {
    if (route(cands[i]!)) continue;
    if (joinedTo(cands[i]!, cands[i + 1]!)) {
      listed.add(cands[i]!);
      listed.add(cands[i + 1]!);
    }
  }
  if (!listed.size) return [f];
  // one place per province, and per town of a province when the towns are apart ("in Sidi Bouzid,
  // Regueb and Mazzouna"); a province next to one of its towns is that town's
  // a province named with the event and a list of its towns: the towns are the places
  const first =
    f.place.location.level === 'admin1'
      ? (cands.find(
          (p) =>
            listed.has(p) &&
            p.location!.level !== 'admin1' &&
            p.location!.level !== 'country' &&
            p.location!.iso2 === f.place!.location!.iso2 &&
            p.location!.admin1 === f.place!.location!.admin1,
        ) ?? f.place)
      : f.place;
  const kept: PlaceHit[] = [first];
  const town = (p: PlaceHit) => p.location!.level !== 'admin1' && p.location!.level !== 'country';
  const covered = (p: PlaceHit) =>
    kept.some((q) => {
      const a = p.location!;
      const b = q.location!;
      if (a.iso2 !== b.iso2 || a.admin1 !== b.admin1) return false;
      if (!town(p) || !town(q)) return true;
      return distanceKm(a.latitude, a.longitude, b.latitude, b.longitude) < MIN_SPLIT_KM;
    });
  for (const p of cands) if (listed.has(p) && !covered(p)) kept.push(p);
  if (kept.length < 2) return [f];
  return kept.map((place, i) =>
    i === 0
      ? { ...f, place, split: true }
      : { ...f, place, split: true, deaths: [], wounded: [], arrested: [] },
  );
}

function shiftDay(ymd: string, delta: number): string {
  const t = Date.parse(`${ymd}T00:00:00Z`) + delta * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
