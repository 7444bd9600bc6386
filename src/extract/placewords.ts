/**
 * Words of a place name are not words of the report: «مدني» in «ود مدني» (Wad Madani) is no
 * civilian, «التحرير» in «ميدان التحرير» no capture, «بيت» in «بيت لحم» no house, «الخميس» in
 * «سوق الخميس» no Thursday, «السبع» in «بئر السبع» no figure, "Said" in "Port Said" no report.
 *
 * The rule: a recognised place name takes precedence over every lexicon match (actor, trigger,
 * cue, number, date) it strictly contains. A match as long as the name or longer stays (an actor
 * whose name holds a place, «قوات سوريا الديمقراطية», already drops the place in annotate; a
 * one-word town spelt like a common word is judged by recognition, which asks for a cue).
 *
 * Only names the gazetteer knows count: a transliteration guess (a run of capitalised words whose
 * consonants resemble a town's, "Daraa Kills" in a headline) is weaker than the lexicon's words.
 *
 * One exception: the name of a facility (a base, prison, camp, airport, crossing) says what the
 * place is and whose it is — «قاعدة حميميم» is a military base, «مخيم جنين» a camp, "Tiyas
 * military airport" the army's. Its target words (civilian_target, armed_target cues) and actors
 * keep their meaning; its other words (a date «باب» in «معبر باب الهوى») do not.
 */
import type { GeoCandidate, PlaceMention } from '../geo/index.js';

const FACILITY_KINDS = new Set<GeoCandidate['kind']>(['base', 'prison', 'camp', 'airport', 'crossing']);
const TARGET_CUES = new Set(['civilian_target', 'armed_target']);

interface TokenRange {
  tokenStart: number;
  tokenEnd: number;
}

interface NameSpan extends TokenRange {
  facility: boolean;
}

/** The place names of a document, indexed by the tokens they cover. */
export class PlaceNames {
  private readonly at = new Map<number, NameSpan>();

  constructor(mentions: readonly PlaceMention[]) {
    for (const m of mentions) {
      // a one-word name contains no shorter match; a transliteration guess overrides no word
      if (m.tokenEnd - m.tokenStart < 2 || m.candidates.some((c) => c.via !== 'alias')) continue;
      const facility = m.candidates.length > 0 && m.candidates.every((c) => FACILITY_KINDS.has(c.kind));
      const span: NameSpan = { tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, facility };
      for (let k = m.tokenStart; k < m.tokenEnd; k++) this.at.set(k, span);
    }
  }

  /** The name that strictly contains tokens [tokenStart, tokenEnd), if any. */
  private container(r: TokenRange): NameSpan | undefined {
    const p = this.at.get(r.tokenStart);
    if (!p || r.tokenEnd > p.tokenEnd) return undefined;
    return r.tokenEnd - r.tokenStart < p.tokenEnd - p.tokenStart ? p : undefined;
  }

  /** Is a number, date or trigger a word of a place name? */
  inside(r: TokenRange): boolean {
    return this.container(r) !== undefined;
  }

  /** Is an actor a word of a place name (not of a facility's, which names its owner)? */
  hidesActor(r: TokenRange): boolean {
    const p = this.container(r);
    return !!p && !p.facility;
  }

  /** Is a cue a word of a place name (a facility's target words keep their meaning)? */
  hidesCue(r: TokenRange, kind: string): boolean {
    const p = this.container(r);
    return !!p && !(p.facility && TARGET_CUES.has(kind));
  }

  get empty(): boolean {
    return this.at.size === 0;
  }
}
