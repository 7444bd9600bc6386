import { capitalLocation } from '../geo/index.js';
import type { Doc } from '../text/types.js';
import type { PlaceHit } from './types.js';

/**
 * National institutions that stand for the capital when no town is named with them: protests "in
 * front of Parliament", "outside the Ministry of Interior", sit-ins "at the Press Syndicate".
 */
const VENUE =
  /\b(?:(?:march\w*|walk\w*|head\w*|mov\w*|proceed\w*)\s+to(?:wards?)?|in front of|outside|opposite|near|at)\s+(?:the\s+)?(?:(?:headquarters|seat|premises|building|offices?|gates?|steps|stairs)\s+of\s+(?:the\s+)?)?((?:national\s+)?parliament(?:\s+building)?|presidential\s+palace|(?:al-)?it+ih?adiy+a\s+palace|prime\s+ministry|prime\s+minister'?s?\s+office|cabinet\s+(?:headquarters|building|offices?)|ministry\s+of\s+(?:the\s+)?[a-z]+(?:\s+(?:and|of)\s+[a-z]+)?|(?:[a-z]+\s+){1,2}ministry|(?:press|journalists'?)\s+syndicate)\b/gi;

/** Words that make the institution a regional one (or not one at all): then it says nothing of the capital. */
const NOT_NATIONAL = /\b(regional|local|provincial|governorate|kurd\w*|directorate|former)\b/i;

/** Countries whose parliament sits outside the capital, or where two claim the name (Libya 2014-). */
const PARLIAMENT_ELSEWHERE = new Set(['LY']);

/**
 * Place hits for national venues named without a town, located in the capital of `iso2` (English
 * text). A venue with a place named right after it ("outside parliament in Tunis") is left to that
 * place.
 */
export function capitalVenues(doc: Doc, iso2: string, places: readonly PlaceHit[]): PlaceHit[] {
  if (doc.lang !== 'en') return [];
  const out: PlaceHit[] = [];
  for (const m of doc.text.matchAll(VENUE)) {
    const venue = m[1]!;
    const start = m.index! + m[0].length - venue.length;
    const end = m.index! + m[0].length;
    const words = venue.split(/\s+/);
    // "the regional ministry", "the Kurdish parliament": not a national institution in the capital
    const lead = words.slice(0, -1).join(' ');
    // "the Interior Ministry" (capitalised), not "to denounce ministry plans"
    if (/ministry$/i.test(venue) && (NOT_NATIONAL.test(lead) || !/^[A-Z]/.test(lead))) continue;
    if (/parliament/i.test(venue) && PARLIAMENT_ELSEWHERE.has(iso2)) continue;
    const ts = doc.tokens.findIndex((t) => t.start >= start);
    let te = ts;
    while (te < doc.tokens.length && doc.tokens[te]!.end <= end) te++;
    if (ts < 0 || te <= ts) continue;
    const sentence = doc.tokens[ts]!.sentence;
    // a town right before or after the venue ("outside parliament in Tunis", "the Tunis parliament")
    const townNear = places.some(
      (p) =>
        p.sentence === sentence &&
        p.location?.admin1 &&
        ((p.tokenStart >= te && p.tokenStart - te <= 6) || (p.tokenEnd <= ts && ts - p.tokenEnd <= 1)),
    );
    if (townNear) continue;
    const loc = capitalLocation(doc, iso2, ts, te);
    if (!loc) continue;
    out.push({
      tokenStart: ts,
      tokenEnd: te,
      start: doc.tokens[ts]!.start,
      end: doc.tokens[te - 1]!.end,
      sentence,
      location: loc,
      regionOnly: false,
      dateline: false,
    });
  }
  return out;
}
