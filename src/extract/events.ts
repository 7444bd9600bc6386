import type { ResolvedLocation } from '../geo/index.js';
import { type ResolvedActor, resolveActor, stateActor } from '../lexicon/actors.js';
import type { Event, Evidence } from '../model/event.js';
import { disorderTypeOf, eventTypeOf, interactionOf } from '../model/taxonomy.js';
import { type Doc, localOffset } from '../text/types.js';
import { resolveMention } from './actors.js';
import { confidenceOf } from './confidence.js';
import type { ExtractContext } from './context.js';
import { eventNotes } from './notes.js';
import { credibleToll } from './plausible.js';
import { precedingDate, reconcile } from './refine.js';
import type { Tally } from './tally.js';
import { territoryByTaker } from './territory.js';
import type { ActorMention, Annotations, Frame, PlaceHit, Range } from './types.js';

const PSEUDO_TYPES = new Set(['KILL', 'WOUND', 'ATTACK', 'CLAIM']);
const NON_STATE = new Set(['rebel', 'jihadist', 'militia', 'identity_militia', 'unidentified']);

export interface ArticleDefaults {
  place: PlaceHit | null;
  date: Frame['date'];
  /** The figure a note says was recorded for its event ("[13 fatalities recorded]"). */
  tally?: Tally | null;
}

/** The generic actor of a country for a template role (Civilians (X), Protesters (X), ...). */
function genericActor(
  ctx: ExtractContext,
  role: string,
  country?: { iso2: string; name: string },
  year?: number,
): ResolvedActor | null {
  const e = ctx.actors.entries.find((x) => x.generic && x.role === role);
  if (!e || !country) return null;
  return resolveActor(ctx.actors, [e], { country: country.iso2, countryName: country.name, year });
}

/** The most mentioned armed non-state actor of the article (the "militants" of a report). */
function salientNonState(ann: Annotations, exclude?: string): ActorMention | null {
  const counts = new Map<string, { n: number; m: ActorMention }>();
  for (const m of ann.actors) {
    const a = m.actor;
    if (!a || !NON_STATE.has(a.role) || a.role === 'unidentified' || a.name === exclude) continue;
    const c = counts.get(a.name);
    if (c) c.n++;
    else counts.set(a.name, { n: 1, m });
  }
  return [...counts.values()].sort((x, y) => y.n - x.n)[0]?.m ?? null;
}

/** One side is state forces (inter 1), the other an armed non-state group (rebels, militias: 2-4). */
function isStateVsArmed(i1: number, i2: number): boolean {
  const armed = (i: number) => i >= 2 && i <= 4;
  return (i1 === 1 && armed(i2)) || (i2 === 1 && armed(i1));
}

/** Where the text first names an actor (its frame mention or any mention of the same name); never named: Infinity. */
function firstMention(ann: Annotations, a: ResolvedActor, range: Range | null): number {
  let pos = range ? range.start : Number.POSITIVE_INFINITY;
  for (const m of ann.actors) if (m.actor?.name === a.name && m.start < pos) pos = m.start;
  return pos;
}

function evidence(doc: Doc, field: string, r: { start: number; end: number }): Evidence {
  const loc = localOffset(doc, r.start);
  const base = loc.part === 'title' ? 0 : doc.bodyOffset;
  return {
    field,
    start: r.start - base,
    end: r.end - base,
    text: doc.text.slice(r.start, r.end),
    part: loc.part,
  };
}

function ctxCountry(loc: ResolvedLocation | null | undefined, ann: Annotations) {
  if (loc) return { iso2: loc.iso2, name: loc.country, iso: loc.iso };
  return ann.country;
}

/** Turns a frame into an Event of the contract, with evidence for every field it fills. */
export function frameToEvent(
  doc: Doc,
  ann: Annotations,
  ctx: ExtractContext,
  f: Frame,
  defaults: ArticleDefaults,
): Event {
  const place = f.place ?? defaults.place;
  const loc = place?.location ?? null;
  const country = ctxCountry(loc, ann);
  const year = f.date?.value.date ? Number(f.date.value.date.slice(0, 4)) : ann.year;
  const resolveFor = (m: ActorMention | null): ResolvedActor | null => {
    if (!m) return null;
    if (country && m.entries.length) {
      const r = resolveMention(ctx.actors, m.entries, {
        country: country.iso2,
        countryName: country.name,
        year,
      });
      if (r) return r;
    }
    return m.actor;
  };
  let a1 = resolveFor(f.agent);
  let a2 = resolveFor(f.target);
  let a1Range: Range | null = f.agent;
  let a2Range: Range | null = f.target;
  let et = f.eventType;
  // who took the place decides between the two territorial sub-events, whatever the verb
  let sub = territoryByTaker(f.subEventType, a1, ctx.actors, country?.iso2);

  // civilians are the victims of violence, never its perpetrators («استشهد شاب», "residents were shelled")
  if (a1?.inter === 7 && et !== 'Protests' && et !== 'Riots') {
    if (!a2) {
      a2 = a1;
      a2Range = a1Range;
    }
    a1 = null;
    a1Range = null;
  }
  if (et === 'Protests' || et === 'Riots') {
    const role = et === 'Protests' ? 'protesters' : 'rioters';
    // students or residents who riot are rioters
    if (et === 'Riots' && a1?.inter === 6) a1 = genericActor(ctx, 'rioters', country, year) ?? a1;
    if (!a1 || (a1.inter !== 6 && a1.inter !== 5)) {
      // the state side of a protest is actor2 (intervention, excessive force)
      if (a1 && [1, 8].includes(a1.inter) && !a2) {
        a2 = a1;
        a2Range = a1Range;
      }
      a1 = genericActor(ctx, role, country, year) ?? a1;
      a1Range = null;
    }
    if (sub === 'Peaceful protest' && a2 && [6, 7].includes(a2.inter)) a2 = null;
  }
  if (!a2 && (f.victimClass === 'militant' || (et === 'Strategic developments' && sub === 'Arrests'))) {
    const s = salientNonState(ann, a1?.name);
    if (s && f.victimClass !== 'civilian') a2 = resolveFor(s);
  }
  if (et === 'Violence against civilians') {
    if (a2?.inter !== 7) {
      const civ = genericActor(ctx, 'civilians', country, year);
      if (civ) {
        if (a2 && !a1) {
          a1 = a2;
          a1Range = a2Range;
        }
        a2 = civ;
        a2Range = null;
      }
    }
  }
  // an air strike with no named air force: a foreign air force named in the article (the
  // coalition over Yemen), else the country's own
  if (!a1 && sub === 'Air/drone strike') {
    const ext = ann.actors.find(
      (m) =>
        m.actor &&
        m.actor.inter === 8 &&
        m.actor.role === 'external' &&
        !/^(UN|AU)\b|United Nations|African Union/.test(m.actor.name) &&
        m.actor.name !== a2?.name,
    );
    a1 = ext ? resolveFor(ext) : country ? stateActor(ctx.actors, 'military', country.iso2, year) : null;
  }
  // the unnamed other side of a battle: the group the article is about, if it names one
  if (et === 'Battles' && a1 && !a2) {
    const s = salientNonState(ann, a1.name);
    if (s && [1, 8].includes(a1.inter)) a2 = resolveFor(s);
  }
  if (
    !a1 &&
    (et === 'Violence against civilians' || et === 'Explosions/Remote violence' || et === 'Battles')
  ) {
    a1 = genericActor(ctx, 'unidentified', country, year);
    a1Range = null;
  }
  if (a1 && a2 && a1.name === a2.name) a2 = null;
  // actor1 is the side that acted; when the text names none (clashes between X and Y), the sides
  // are listed as ACLED does, the lower actor-type code first (state forces before rebels)
  let assoc1 = f.agentAssoc;
  let assoc2 = f.targetAssoc;
  if (et === 'Battles' && f.symmetric && a1 && a2 && a2.inter < a1.inter) {
    [a1, a2] = [a2, a1];
    [a1Range, a2Range] = [a2Range, a1Range];
    [assoc1, assoc2] = [assoc2, assoc1];
  }
  // civilians are never a side of a battle: armed men fighting "with" civilians attacked them
  if (et === 'Battles' && a1 && a2 && a1.inter !== 7 && a2.inter === 7) {
    et = 'Violence against civilians';
    sub = 'Attack';
  }
  // the side that acted, for confidence: the order below is a listing convention, not who acted
  const actedNamed = !!a1Range && !!a1 && !a1.entry.generic;
  // state forces attacked by an armed group, in a battle or a blast: ACLED lists the state forces
  // first when the report names them first ("Two policemen were wounded when gunmen opened fire",
  // "A bomb killed two soldiers ... IS claimed it") or never names the attackers (an unknown bomber);
  // an attack told from the attackers' side ("Gunmen attacked a checkpoint") keeps them first
  if (
    (et === 'Battles' || et === 'Explosions/Remote violence') &&
    a1 &&
    a2 &&
    a2.inter === 1 &&
    isStateVsArmed(a1.inter, a2.inter) &&
    firstMention(ann, a2, a2Range) < firstMention(ann, a1, a1Range)
  ) {
    [a1, a2] = [a2, a1];
    [a1Range, a2Range] = [a2Range, a1Range];
    [assoc1, assoc2] = [assoc2, assoc1];
  }

  const counted = reconcile(f.deaths);
  const tally = defaults.tally;
  // many thousands for one event, not told as that event's toll: a total, dropped
  const credible = !counted || !!tally || credibleToll(doc, ann, f, counted, ctx.limits.maxEventFatalities);
  const deaths: {
    value: number;
    low?: number;
    high?: number;
    vague: boolean;
    used: { range: Range }[];
  } | null = tally
    ? { value: tally.value, vague: false, used: [{ range: tally.range }] }
    : credible
      ? counted
      : null;
  const wounded = reconcile(f.wounded);
  const arrested = reconcile(f.arrested);
  const date = f.date ?? precedingDate(doc, ann, f.sentence) ?? defaults.date;
  // no date in the text and no publication date: read as today's news, known only to the month
  const undated = !date && !doc.published;
  const eventDate = date?.value.date ?? doc.published ?? new Date().toISOString().slice(0, 10);
  const inter1 = a1?.inter ?? 0;
  const inter2 = a2?.inter ?? 0;
  // associated actors: named ones; a generic description next to a named ally («قوة أمنية
  // متحالفة معها تسمى الأسايش») is dropped in favour of the name
  const assoc = (ms: ActorMention[], main: ResolvedActor | null) => {
    const rs = ms.map((m) => resolveFor(m)).filter((r): r is ResolvedActor => !!r);
    const named = rs.filter((r) => !r.entry.generic && !(r.entry.base ?? r.entry).generic);
    const keepGeneric = named.length === 0;
    const names = rs
      .filter((r) => keepGeneric || named.includes(r))
      .map((r) => r.name)
      .filter((n) => n !== main?.name && n !== a1?.name && n !== a2?.name);
    return [...new Set(names)].join('; ');
  };

  const ev: Event = {
    event_date: eventDate,
    time_precision: (undated ? 3 : (date?.value.precision ?? 1)) as 1 | 2 | 3,
    disorder_type: disorderTypeOf(et),
    event_type: et,
    sub_event_type: sub,
    actor1: a1?.name ?? '',
    actor2: a2?.name ?? '',
    assoc_actor_1: assoc(assoc1, a1),
    assoc_actor_2: assoc(assoc2, a2),
    inter1,
    inter2,
    interaction: interactionOf(inter1, inter2),
    civilian_targeting:
      inter2 === 7 && (et === 'Violence against civilians' || et === 'Explosions/Remote violence')
        ? 'Civilian targeting'
        : '',
    country: loc?.country ?? country?.name ?? '',
    iso: loc?.iso ?? country?.iso ?? 0,
    admin1: loc?.admin1 ?? '',
    admin2: loc?.admin2 ?? '',
    admin3: loc?.admin3 ?? '',
    location: loc?.location ?? '',
    latitude: loc?.latitude ?? null,
    longitude: loc?.longitude ?? null,
    geo_precision: (loc ? (f.place ? loc.geo_precision : Math.max(loc.geo_precision, 1)) : 3) as 1 | 2 | 3,
    fatalities: deaths?.value ?? 0,
    notes: '',
    confidence: 0,
    evidence: [],
  };
  if (deaths?.low !== undefined) ev.fatalities_low = deaths.low;
  if (deaths?.high !== undefined) ev.fatalities_high = deaths.high;
  if (wounded?.value) ev.wounded = wounded.value;
  if (arrested?.value) ev.arrested = arrested.value;
  if (loc?.location_ar) ev.location_ar = loc.location_ar;

  const evid: Evidence[] = [];
  for (const t of f.triggers) evid.push(evidence(doc, 'event_type', t));
  if (a1Range && a1) evid.push(evidence(doc, 'actor1', a1Range));
  if (a2Range && a2) evid.push(evidence(doc, 'actor2', a2Range));
  if (place && place.end > place.start) evid.push(evidence(doc, 'location', place));
  for (const c of deaths?.used ?? []) evid.push(evidence(doc, 'fatalities', c.range));
  for (const c of wounded?.used ?? []) evid.push(evidence(doc, 'wounded', c.range));
  for (const c of arrested?.used ?? []) evid.push(evidence(doc, 'arrested', c.range));
  if (date?.range) evid.push(evidence(doc, 'event_date', date.range));
  // unique, in text order
  const seen = new Set<string>();
  ev.evidence = evid
    .filter((e) => {
      const k = `${e.field}|${e.part}|${e.start}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => (x.part === y.part ? x.start - y.start : x.part === 'title' ? -1 : 1));

  const types = new Set(f.triggers.map((t) => eventTypeOf(t.entry.subEventType)).filter((t) => !!t));
  const mainWeight = Math.max(
    ...f.triggers
      .filter((t) => t.entry.subEventType === sub || eventTypeOf(t.entry.subEventType) === et)
      .map((t) => t.entry.weight),
    ...f.triggers.map((t) => (PSEUDO_TYPES.has(t.entry.subEventType) ? t.entry.weight : 0)),
  );
  ev.confidence = confidenceOf({
    triggerWeight: mainWeight,
    inferred: f.triggers.every((t) => PSEUDO_TYPES.has(t.entry.subEventType)),
    multiType: types.size > 1,
    namedAgent: actedNamed,
    anyActor: !!a1Range || !!a2Range,
    // a capital inferred from an institution ("in front of Parliament") is not a place named
    placeInSentence: !!f.place && !f.place.location?.mention?.inferred,
    located: !!loc,
    explicitDate: !!f.date?.range,
    corroborated: f.merged > 0,
    vagueDeaths: !!deaths?.vague,
    droppedToll: !credible,
    split: !!f.split,
    typeConflict: !!f.typeConflict,
  });
  ev.notes = eventNotes(ev);
  return ev;
}
