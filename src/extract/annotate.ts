import { countryByIso2, documentCountry, recognizePlaces, resolvePlaces } from '../geo/index.js';
import { findActors } from '../lexicon/actors.js';
import { findDates } from '../text/dates/index.js';
import { findNumbers } from '../text/numbers/index.js';
import type { Doc } from '../text/types.js';
import { resolveMention } from './actors.js';
import { resolveAnaphora } from './anaphora.js';
import { findBackground } from './background.js';
import type { ExtractContext } from './context.js';
import { nationalForces } from './nationality.js';
import { PlaceNames } from './placewords.js';
import type { ActorMention, Annotations, CueHit, PlaceHit, Range, TriggerHit } from './types.js';
import { capitalVenues } from './venues.js';

function rangeOf(doc: Doc, tokenStart: number, tokenEnd: number): Range {
  return {
    tokenStart,
    tokenEnd,
    start: doc.tokens[tokenStart]!.start,
    end: doc.tokens[tokenEnd - 1]!.end,
    sentence: doc.tokens[tokenStart]!.sentence,
  };
}

function overlaps(a: { tokenStart: number; tokenEnd: number }, b: { tokenStart: number; tokenEnd: number }) {
  return a.tokenStart < b.tokenEnd && b.tokenStart < a.tokenEnd;
}

/**
 * The classifier passes, in order: numbers, dates, places (recognised and resolved with the
 * article's context), actors (resolved for the article's country and year), anaphora, triggers
 * and modality cues. Each adds to the Doc's spans; the result groups them for the frame builder.
 */
export function annotate(doc: Doc, ctx: ExtractContext): Annotations {
  let numbers = findNumbers(doc);
  let dates = findDates(doc);
  const year = doc.published ? Number(doc.published.slice(0, 4)) : undefined;

  // Actors first (without a country), so that places inside actor names (قوات سوريا الديمقراطية) are dropped.
  let actorMatches = nationalForces(doc, ctx.gazetteer, ctx.actors, findActors(ctx.actors, doc));
  const mentions = recognizePlaces(doc, ctx.gazetteer).filter(
    (m) =>
      !actorMatches.some(
        (a) => overlaps(a, m) && !(m.tokenStart <= a.tokenStart && m.tokenEnd >= a.tokenEnd),
      ),
  );
  // ... and the words inside a place name are not actors, figures or dates («ود مدني», «سوق الخميس»)
  const names = new PlaceNames(mentions);
  if (!names.empty) {
    actorMatches = actorMatches.filter((a) => !names.hidesActor(a));
    numbers = numbers.filter((n) => !names.inside(n));
    dates = dates.filter((d) => !names.inside(d));
  }
  const resolved = resolvePlaces(doc, mentions, ctx.gazetteer);
  const places: PlaceHit[] = mentions.map((m, i) => ({
    ...rangeOf(doc, m.tokenStart, m.tokenEnd),
    location: resolved[i] ?? null,
    regionOnly: !!m.regionOnly,
    dateline: !!m.dateline,
  }));
  let country = documentCountry(doc, resolved) ?? undefined;
  if (!country) {
    // No place: the country most actors are scoped to.
    const votes = new Map<string, number>();
    for (const a of actorMatches) {
      // a foreign force named by its nationality (غارات إسرائيلية) acts abroad more often than at home
      if (a.national) continue;
      // a bare unit designation («الفرقة 25») exists in many armies: it says nothing of the country
      const cs = new Set(a.values.filter((e) => !e.unitDesignation).flatMap((e) => (e.base ?? e).countries));
      if (cs.size === 1) for (const c of cs) votes.set(c, (votes.get(c) ?? 0) + 1);
    }
    const best = [...votes].sort((x, y) => y[1] - x[1])[0];
    if (best) {
      const c = countryFromIso2(ctx, best[0]);
      if (c) country = c;
    }
  }

  // National institutions named without a town ("in front of Parliament"): the capital.
  if (country) {
    const venues = capitalVenues(doc, country.iso2, places);
    if (venues.length) {
      places.push(...venues);
      places.sort((a, b) => a.tokenStart - b.tokenStart);
    }
  }

  const actors: ActorMention[] = actorMatches.map((m) => ({
    ...rangeOf(doc, m.tokenStart, m.tokenEnd),
    entries: m.values,
    ...(m.conjunct ? { conjunct: true } : {}),
    actor: resolveMention(ctx.actors, m.values, {
      country: country?.iso2,
      countryName: country?.country,
      year,
    }),
  }));
  const withAnaphora = resolveAnaphora(doc, actors);

  const res = ctx.lang[doc.lang];
  // trigger and cue words inside a place name («ميدان التحرير», «بيت لحم», "Port Said") are the name's
  const triggers: TriggerHit[] = res.triggers
    .matchDoc(doc)
    .filter((m) => !names.inside(m))
    .flatMap((m) => m.values.map((entry) => ({ ...rangeOf(doc, m.tokenStart, m.tokenEnd), entry })));
  const cues: CueHit[] = res.cues
    .matchDoc(doc)
    .flatMap((m) =>
      m.values
        .filter((entry) => !names.hidesCue(m, entry.kind))
        .map((entry) => ({ ...rangeOf(doc, m.tokenStart, m.tokenEnd), entry })),
    );

  const background = findBackground(doc, { numbers, dates, triggers, cues }, res.background, ctx.limits);

  return {
    numbers,
    dates,
    places,
    actors: withAnaphora,
    triggers,
    cues,
    background,
    country: country ? { iso2: country.iso2, name: country.country, iso: country.iso } : undefined,
    year,
  };
}

function countryFromIso2(ctx: ExtractContext, iso2: string) {
  const r = countryByIso2(ctx.gazetteer, iso2);
  return r ? { country: r.country, iso2: r.iso2, iso: r.iso } : null;
}
