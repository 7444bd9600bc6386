import { distanceKm, embeddedLocation, fallbackLocation } from '../geo/index.js';
import type { Doc } from '../text/types.js';
import type { Annotations, PlaceHit, TriggerHit } from './types.js';

/**
 * Where an event happened: the place chosen for a frame among the place mentions around its
 * trigger, and the article's default place for frames that name none.
 */

/** The place of a frame: the most specific resolved place in its range, nearest after the trigger. */
export function pickPlace(
  places: PlaceHit[],
  from: number,
  to: number,
  main: TriggerHit,
  docCountry?: string,
): PlaceHit | null {
  // a foreign country named in passing («التحالف الذي تقوده الولايات المتحدة») is not where it happened
  // ...unless the event is said to happen in it: «قصفت تركيا ... مواقع في سوريا», "strikes in Iraq"
  // (close after the trigger, not inside a relative clause: «القوات التي تدربت في المملكة»)
  const inForeignCountry = (p: PlaceHit) =>
    !!p.location!.mention?.locative &&
    p.location!.level === 'country' &&
    p.tokenStart >= main.tokenEnd &&
    p.tokenStart - main.tokenEnd <= 12 &&
    main.tokenStart >= (p.location!.mention?.clauseStart ?? 0);
  const inRange = places.filter(
    (p) =>
      p.tokenStart >= from &&
      p.tokenEnd <= to &&
      p.location &&
      !p.dateline &&
      !(docCountry && p.location.iso2 !== docCountry && !p.location.admin1 && !inForeignCountry(p)) &&
      // the article's own country named alone («في سوريا»): the article's place is more telling
      !(docCountry && p.location.iso2 === docCountry && p.location.level === 'country'),
  );
  // Points of reference (an airbase planes return to, a landmark that locates another place, where
  // people come from) only when nothing else is named.
  const cands = inRange.filter((p) => !p.location!.mention?.reference);
  if (!cands.length) return null;
  // A province's namesake town next to another town of that province («Aleppo's Atareb», "al-Hara in
  // the countryside of Dara'a"): the other town is the more specific place.
  const namesake = (p: PlaceHit) =>
    p.location!.location === p.location!.admin1 &&
    cands.some(
      (q) =>
        q !== p &&
        q.location!.admin1 === p.location!.admin1 &&
        q.location!.location !== p.location!.location &&
        q.location!.geo_precision === 1,
    );
  // "south of Sortony in Kabkabia", "Hashaba in Kutum": a place located in a nearby town or district
  // (one word, "in"/"at", between them) is the more specific one: as precise and as located as it
  const locatedIn = (p: PlaceHit) =>
    cands.find(
      (q) =>
        q !== p &&
        q.location!.mention?.locative &&
        q.tokenStart === p.tokenEnd + 1 && // one word between: "in" or "at" (q is locative)
        q.sentence === p.sentence &&
        main.tokenEnd <= p.tokenStart &&
        q.location!.level !== 'country' &&
        distanceKm(
          p.location!.latitude,
          p.location!.longitude,
          q.location!.latitude,
          q.location!.longitude,
        ) <= 60,
    );
  const inside = (p: PlaceHit) => !!p.location!.mention?.locative || !!locatedIn(p);
  const level = (p: PlaceHit) => {
    const gp = p.location!.geo_precision;
    const isCountry = !p.location!.admin1 && !p.location!.location;
    if (isCountry) return 4;
    if (gp === 1 && namesake(p)) return 1.5;
    const q = locatedIn(p);
    return q ? Math.min(gp, q.location!.geo_precision) : gp;
  };
  const best = [...cands].sort((a, b) => {
    const la = level(a);
    const lb = level(b);
    if (la !== lb) return la - lb;
    // a place the text puts the event in ("in El Founi") over one on a path ("from Sfax to Tozeur")
    const ia = inside(a) ? 0 : 1;
    const ib = inside(b) ? 0 : 1;
    if (ia !== ib) return ia - ib;
    const da =
      a.tokenStart >= main.tokenEnd ? a.tokenStart - main.tokenEnd : (main.tokenStart - a.tokenEnd) * 1.5 + 2;
    const db =
      b.tokenStart >= main.tokenEnd ? b.tokenStart - main.tokenEnd : (main.tokenStart - b.tokenEnd) * 1.5 + 2;
    return da - db;
  })[0]!;
  // A province named with the event ("air strikes in North Sinai") and a town of that province in
  // the next sentence ("warehouses in Sheikh Zuweid"): the town says where, more precisely.
  if (best.location!.level === 'admin1') {
    const town = places.find(
      (p) =>
        p.location &&
        !p.dateline &&
        !p.location.mention?.reference &&
        p.location.level !== 'admin1' &&
        p.location.level !== 'country' &&
        p.location.iso2 === best.location!.iso2 &&
        p.location.admin1 === best.location!.admin1 &&
        p.sentence > best.sentence &&
        p.sentence <= best.sentence + 1,
    );
    if (town) return town;
  }
  return best;
}

/** The article's default place: the dateline, else the most specific place of the lead. */
export function articlePlace(doc: Doc, ann: Annotations): PlaceHit | null {
  // a foreign country named in passing ("families of Tunisians detained in Iraq") is not the
  // article's place when the article is about another country
  const foreign = (p: PlaceHit) =>
    !!ann.country && p.location!.level === 'country' && p.location!.iso2 !== ann.country.iso2;
  // the name of another event ("the anniversary of the "Port Said Massacre"") is never the place
  const all = ann.places.filter((p) => p.location && !foreign(p) && !p.location.mention?.eventName);
  const plain = all.filter((p) => !p.location!.mention?.reference);
  const resolved = plain.length ? plain : all;
  const dateline = resolved.find((p) => p.dateline);
  const leadSentences = new Set(
    doc.sentences
      .filter((s) => s.part === 'text')
      .slice(0, 2)
      .map((s) => s.i),
  );
  const lead = resolved.filter((p) => leadSentences.has(p.sentence));
  const specific = (ps: PlaceHit[]) =>
    [...ps].sort(
      (a, b) => a.location!.geo_precision - b.location!.geo_precision || a.tokenStart - b.tokenStart,
    )[0] ?? null;
  // the dateline city, unless the lead names a more specific place in the same admin1
  const inLead = specific(lead.filter((p) => p.location!.admin1 || p.location!.location));
  if (dateline && (!inLead || inLead.location!.admin1 !== dateline.location!.admin1)) return dateline;
  const named =
    inLead ?? dateline ?? specific(resolved.filter((p) => p.location!.admin1)) ?? specific(resolved);
  if (named || !ann.country) return named;
  // No place named on its own: a town in an actor's name ("Benghazi Shura Council", «مجلس شورى
  // مجاهدي درنة») — such groups fight where they are named after.
  const inName = embeddedLocation(
    doc,
    ann.country.iso2,
    ann.places.map((p) => p.tokenStart),
  );
  if (inName) {
    const m = inName.mention;
    return {
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      start: m.start,
      end: m.end,
      sentence: doc.tokens[m.tokenStart]?.sentence ?? 0,
      location: inName,
      regionOnly: false,
      dateline: false,
    };
  }
  // No place named at all: the outlet's region, else the capital of the article's country (precision 3).
  const loc = fallbackLocation(doc, ann.country.iso2);
  return loc
    ? {
        tokenStart: 0,
        tokenEnd: 0,
        start: 0,
        end: 0,
        sentence: 0,
        location: loc,
        regionOnly: true,
        dateline: false,
      }
    : null;
}
