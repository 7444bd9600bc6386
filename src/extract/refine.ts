import { normalize } from '../text/normalize.js';
import type { Doc } from '../text/types.js';
import { frameDate } from './dates.js';
import type { Annotations, Count, Frame } from './types.js';

const DAY = 86_400_000;

function days(a: string, b: string): number {
  return Math.round((Date.parse(a) - Date.parse(b)) / DAY);
}

/** "to demand the release of jailed ...", «للمطالبة بالإفراج عن المعتقلين»: the trial is a grievance. */
const DEMAND = new Set([
  'demand',
  'demanding',
  'demands',
  'release',
  'against',
  'over',
  'مطالبه',
  'للمطالبه',
  'احتجاجا',
  'تنديدا',
  'الافراج',
]);

function demandBefore(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.tokens[k]!.forms.some((f) => DEMAND.has(f))) return true;
  return false;
}

/** How old an event may be, in days before `published`, to be coded from this article. */
export const MAX_AGE_DAYS = 7;

/**
 * Drops frames about the past or the future: a day-level date more than a week before
 * `published` (or after it), or a year mentioned in the sentence that is before the
 * publication year («منذ إعلان القضاء على خلافته في مارس 2019», "in 2014").
 */
export function dropOutOfTime(doc: Doc, ann: Annotations, frames: Frame[]): Frame[] {
  if (!doc.published) return frames;
  // An article whose headline is about a trial or a funeral tells of an older event: only
  // frames dated today or yesterday in their own sentence are new.
  const title = doc.sentences.find((s) => s.part === 'title');
  const aboutPast =
    !!title &&
    ann.cues.some(
      (c) =>
        c.sentence === title.i &&
        (c.entry.kind === 'trial' || c.entry.kind === 'funeral') &&
        !demandBefore(doc, title.tokenStart, c.tokenStart),
    ) &&
    !frames.some((f) => f.sentence === title.i);
  if (aboutPast) {
    frames = frames.filter(
      (f) => f.date?.range && f.date.value.kind === 'relative_day' && f.date.range.sentence === f.sentence,
    );
  }
  const pub = doc.published;
  const pubYear = Number(pub.slice(0, 4));
  return frames.filter((f) => {
    if (f.date?.range) {
      const d = days(pub, f.date.value.date);
      if (d > MAX_AGE_DAYS + (f.date.value.precision === 3 ? 20 : f.date.value.precision === 2 ? 4 : 0))
        return false;
      if (d < -1) return false;
    }
    // a past year in the frame's own clauses («في عام 2014», "in 2011") makes it history
    for (const d of ann.dates) {
      if (d.tokenStart < f.segStart || d.tokenEnd > f.segEnd) continue;
      // "the deadliest attack since 2011": the start of a period, not the event's year
      if (ann.background?.sinceDates.includes(d.tokenStart)) continue;
      // an explicit year («عام 2014», "in 2011"), not a relative period ("over the past year")
      const explicit = /\d{4}/.test(normalize(doc.text.slice(d.start, d.end)));
      if (d.value.kind === 'year' && explicit && d.value.year !== undefined && d.value.year < pubYear)
        return false;
    }
    return true;
  });
}

/**
 * A date carried over from the narrative: the nearest recent day-level date in the sentences of
 * the same paragraph before a frame that names none («اندلعت اشتباكات أمس ... وقتل فيها خمسة»).
 */
export function precedingDate(doc: Doc, ann: Annotations, sentence: number): Frame['date'] {
  if (!doc.published) return null;
  const s = doc.sentences[sentence]!;
  let best: (typeof ann.dates)[number] | null = null;
  for (const d of ann.dates) {
    const ds = doc.sentences[d.sentence]!;
    if (d.sentence >= sentence || ds.part !== s.part || ds.paragraph !== s.paragraph) continue;
    if (d.value.kind === 'year' || d.value.precision !== 1) continue;
    const age = days(doc.published, d.value.date);
    if (age < 0 || age > MAX_AGE_DAYS) continue;
    if (!best || d.start > best.start) best = d;
  }
  if (!best) return null;
  return frameDate(best);
}

/** The article's default date: the first recent date of the lead (title and first two sentences). */
export function articleDate(doc: Doc, ann: Annotations): Frame['date'] {
  if (!doc.published) return null;
  const lead = new Set(
    doc.sentences
      .filter((s) => s.part === 'title' || s.i < (doc.sentences.find((x) => x.part === 'text')?.i ?? 0) + 3)
      .map((s) => s.i),
  );
  for (const d of ann.dates) {
    if (!lead.has(d.sentence) || d.value.kind === 'year') continue;
    const age = days(doc.published, d.value.date);
    if (age >= 0 && age <= MAX_AGE_DAYS) {
      return frameDate(d);
    }
  }
  return null;
}

/** A named, specific actor of a frame (generic ones — civilians, gunmen, protesters — never block a merge). */
function identity(f: Frame, side: 'agent' | 'target'): string | null {
  const a = f[side]?.actor;
  if (!a || a.entry.generic || a.role === 'civilians' || a.role === 'protesters' || a.role === 'rioters')
    return null;
  return a.name;
}

function placeKey(f: Frame): string | null {
  const l = f.place?.location;
  if (!l) return null;
  return `${l.country}|${l.admin1}`;
}

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/** Whether two frames of one article can be reports of the same event. */
const DEMO = new Set(['Protests', 'Riots']);

export function compatible(a: Frame, b: Frame): boolean {
  if (a.eventType !== b.eventType) {
    // a generic killing/attack frame may merge with any violent frame
    const generic = (f: Frame) =>
      ['KILL', 'WOUND', 'ATTACK'].includes(f.triggers[0]?.entry.subEventType ?? '') &&
      f.triggers.every((t) => ['KILL', 'WOUND', 'ATTACK', 'CLAIM'].includes(t.entry.subEventType));
    // a death told after a riot or a dispersed protest ("Police fired live rounds to disperse the
    // rioters. One demonstrator later died") is its toll
    const toll = (f: Frame) =>
      f.deaths.length > 0 &&
      f.triggers.some((t) => t.entry.subEventType === 'KILL') &&
      f.triggers.every((t) => ['KILL', 'WOUND'].includes(t.entry.subEventType));
    const afterDemo = DEMO.has(a.eventType) && toll(b) && b.sentence > a.sentence && !b.agent;
    if (!afterDemo && !(VIOLENT.has(a.eventType) && VIOLENT.has(b.eventType) && (generic(a) || generic(b))))
      return false;
  } else if (
    a.subEventType !== b.subEventType &&
    a.eventType !== 'Battles' &&
    a.eventType !== 'Protests' &&
    a.eventType !== 'Riots'
  ) {
    if (a.eventType === 'Strategic developments') return false;
    if (a.eventType === 'Explosions/Remote violence') return false;
  }
  // the events of one list of places ("in Sidi Bouzid, Regueb and Mazzouna") stay apart
  if (a.split && b.split && a.place?.location?.location !== b.place?.location?.location) return false;
  const pa = placeKey(a);
  const pb = placeKey(b);
  if (pa && pb && pa !== pb) {
    const la = a.place!.location!;
    const lb = b.place!.location!;
    // a country-level mention is compatible with a place in that country
    const countryOnly = (l: typeof la) => !l.admin1;
    if (!(la.country === lb.country && (countryOnly(la) || countryOnly(lb)))) return false;
  }
  if (a.date?.range && b.date?.range && Math.abs(days(a.date.value.date, b.date.value.date)) > 1)
    return false;
  // the same kind of incident at the same named place on the same day is one event, whatever
  // actors each sentence happens to name
  const sameSpot =
    (a.subEventType === b.subEventType || isGeneric(a) || isGeneric(b)) &&
    (!a.place || !b.place || a.place.location?.location === b.place.location?.location) &&
    (!a.date || !b.date || a.date.value.date === b.date.value.date);
  const aa = [identity(a, 'agent'), identity(a, 'target')].filter(Boolean);
  const bb = [identity(b, 'agent'), identity(b, 'target')].filter(Boolean);
  if (!sameSpot && aa.length && bb.length && !aa.some((x) => bb.includes(x))) return false;
  return true;
}

/** Merges frame b into a (a keeps its values, b fills what a lacks). */
function isGeneric(f: Frame): boolean {
  return f.triggers.every((t) => ['KILL', 'WOUND', 'ATTACK', 'CLAIM'].includes(t.entry.subEventType));
}

function mergeInto(a: Frame, b: Frame): Frame {
  // a specific report (clashes, an airstrike) keeps its type over a bare killing or attack
  // — unless the bare report is a state force killing fighters ("the army killed 85 militants"):
  // a weapon named later in the article ("airstrikes", "an explosive belt") is a detail of it
  const stateFight = (f: Frame) =>
    isGeneric(f) && f.eventType === 'Battles' && !!f.agent?.actor && [1, 8].includes(f.agent.actor.inter);
  const better =
    isGeneric(a) !== isGeneric(b)
      ? isGeneric(a) && !stateFight(a)
      : b.score > a.score + 0.15 && b.eventType !== a.eventType;
  const base = better ? b : a;
  const other = better ? a : b;
  const placeOf = (f: Frame) => f.place?.location?.geo_precision ?? 9;
  // the toll of a riot or a dispersed protest: its victims are the demonstrators already there
  if (DEMO.has(base.eventType) && !DEMO.has(other.eventType)) {
    return {
      ...base,
      triggers: [...base.triggers, ...other.triggers],
      deaths: [...base.deaths, ...other.deaths],
      wounded: [...base.wounded, ...other.wounded],
      merged: base.merged + other.merged + 1,
    };
  }
  return {
    ...base,
    triggers: [...base.triggers, ...other.triggers],
    agent:
      base.agent ??
      (other.agent && other.agent.actor?.name !== base.target?.actor?.name ? other.agent : null),
    target:
      base.target ??
      (other.target && other.target.actor?.name !== base.agent?.actor?.name ? other.target : null),
    agentAssoc: [...base.agentAssoc, ...other.agentAssoc],
    targetAssoc: [...base.targetAssoc, ...other.targetAssoc],
    deaths: [...base.deaths, ...other.deaths],
    wounded: [...base.wounded, ...other.wounded],
    arrested: [...base.arrested, ...other.arrested],
    place:
      placeOf(other) < placeOf(base) &&
      (!base.place || placeKey(other) === placeKey(base) || !base.place.location?.admin1)
        ? other.place
        : (base.place ?? other.place),
    date: base.date?.range ? base.date : (other.date ?? base.date),
    merged: base.merged + other.merged + 1,
    typeConflict: !!(base.typeConflict || other.typeConflict || base.eventType !== other.eventType),
    score: Math.max(base.score, other.score),
    victimClass: base.victimClass !== 'unknown' ? base.victimClass : other.victimClass,
  };
}

/**
 * Merges frames that report the same event (title, lead and body often tell it three times):
 * each frame joins the first earlier compatible frame.
 */
export function mergeFrames(frames: Frame[]): Frame[] {
  const out: Frame[] = [];
  for (const f of frames) {
    const i = out.findIndex((g) => compatible(g, f));
    if (i >= 0) out[i] = mergeInto(out[i]!, f);
    else out.push(f);
  }
  return out;
}

export interface Reconciled {
  value: number;
  low?: number;
  high?: number;
  vague: boolean;
  used: Count[];
}

/**
 * Reconciles the counts of one event: updates ("ارتفعت حصيلة") replace earlier figures; counts of
 * different victim groups add up (7 SDF fighters and 23 IS militants = 30); repeated figures for
 * one group are the same deaths, and when they differ the most conservative is kept (low/high
 * report the spread). A figure with no group is compared with the sum of the groups.
 */
export function reconcile(input: Count[]): Reconciled | null {
  if (!input.length) return null;
  // "A man was executed ... Another man was executed": one more victim on top of single victims
  // told one by one (after a toll with figures, "another" may be a part of that toll)
  const extra = input.filter((c) => c.additional && !c.vague);
  const singles = input.every((c) => c.additional || (c.value === 1 && !c.vague));
  if (extra.length && extra.length < input.length && singles) {
    const base = reconcile(input.filter((c) => !extra.includes(c)))!;
    const more = extra.reduce((s, c) => s + c.value, 0);
    return {
      ...base,
      value: base.value + more,
      ...(base.low !== undefined ? { low: base.low + more } : {}),
      ...(base.high !== undefined ? { high: base.high + more } : {}),
      used: [...base.used, ...extra],
    };
  }
  // "Nine soldiers and three attackers were killed": figures tied to one casualty word add up
  const counts: Count[] = [];
  const byAnchor = new Map<string, Count>();
  for (const c of input) {
    if (c.anchor === undefined || c.vague) {
      counts.push(c);
      continue;
    }
    const key = `${c.range.sentence}:${c.anchor}`;
    const prev = byAnchor.get(key);
    if (!prev) {
      const copy = { ...c };
      byAnchor.set(key, copy);
      counts.push(copy);
    } else if (prev.range.start !== c.range.start) {
      prev.value += c.value;
      prev.victim = prev.victim === c.victim ? prev.victim : undefined;
      prev.victimClass = prev.victimClass === c.victimClass ? prev.victimClass : 'unknown';
    }
  }
  const exact = counts.filter((c) => !c.vague);
  const pool = exact.length ? exact : counts;
  const updates = pool.filter((c) => c.update);
  if (updates.length) {
    const vals = updates.map((c) => c.value);
    return { value: Math.max(...vals), vague: false, used: updates };
  }
  // Counts add up only across groups that are clearly different: named groups («7 من قسد» and
  // «23 من داعش»), or victim classes in one sentence ("9 soldiers and 3 attackers were killed").
  // Anything else may be the same deaths told again, so it is compared, not added.
  const sentences = new Set(pool.map((c) => c.range.sentence));
  const groups = new Map<string, Count[]>();
  const unknown: Count[] = [];
  for (const c of pool) {
    const key =
      c.victim ?? (c.victimClass !== 'unknown' && sentences.size === 1 ? `class:${c.victimClass}` : '');
    if (!key) unknown.push(c);
    else groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  let sum = 0;
  let sumHigh = 0;
  const used: Count[] = [];
  for (const cs of groups.values()) {
    const vals = cs.map((c) => c.value);
    sum += Math.min(...vals);
    sumHigh += Math.max(...vals);
    used.push(cs.reduce((m, c) => (c.value < m.value ? c : m)));
  }
  let value = sum;
  let low: number | undefined;
  let high: number | undefined = sumHigh > sum ? sumHigh : undefined;
  if (unknown.length) {
    const vals = unknown.map((c) => c.value);
    // the article's first figure, when it is the largest, is the headline toll and the later,
    // smaller ones are parts of it ("9 killed ... eight died instantly, one in hospital");
    // otherwise the figures conflict and the most conservative is kept
    const first = unknown.reduce((m, c) => (c.range.start < m.range.start ? c : m));
    const u = first.value >= Math.max(...vals) ? first.value : Math.min(...vals);
    const uh = Math.max(...vals);
    if (u >= sum) {
      value = u;
      used.length = 0;
      used.push(unknown.find((c) => c.value === u)!);
      if (uh > u) high = uh;
    } else if (uh > sum) high = uh;
    if (sum > 0 && u < sum && u > 0) low = u;
  }
  return { value, low, high, vague: !exact.length, used };
}
