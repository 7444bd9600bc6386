/**
 * Background clauses: the parts of a sentence about a war as a whole ("a conflict that has killed
 * more than 300,000", "since the war began in March 2011", «منذ اندلاع الأزمة», "in over three years
 * of turmoil") or about a total counted since some earlier time. A figure in such a clause is a
 * total, never one event's toll, and a trigger in it ("began in 2011 with anti-government
 * protests") is history, not an event. Word lists and limits: resources/background/.
 */
import type { BackgroundEntry, BackgroundLimits } from '../lexicon/background.js';
import type { PhraseMatcher } from '../lexicon/matcher.js';
import type { DateValue } from '../text/dates/index.js';
import type { Doc, Span } from '../text/types.js';
import { CLAUSE_BREAKS } from './modality.js';
import { MAX_AGE_DAYS } from './refine.js';
import type { Annotations } from './types.js';

const DAY = 86_400_000;

export interface BackgroundRegion {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** Which signal made it (for debugging and tests). */
  why: 'since' | 'since_then' | 'duration' | 'war_toll' | 'war_onset' | 'statistic';
}

export interface Background {
  regions: BackgroundRegion[];
  /**
   * Token starts of dates in a "since" phrase that ranks one event ("the deadliest attack since
   * 2011"): the start of a period, never the date of the clause's event.
   */
  sinceDates: number[];
  /** Token starts of statistic cues that rank one event ("the deadliest attack since the war began"). */
  rankedCues: number[];
}

interface Hit {
  tokenStart: number;
  tokenEnd: number;
  kind: BackgroundEntry['kind'];
  days?: number;
}

type Inputs = Pick<Annotations, 'numbers' | 'dates' | 'triggers' | 'cues'>;

/** Age in days of a date before the reference day (positive = in the past). */
export function ageDays(ref: string, d: DateValue): number {
  return Math.round((Date.parse(ref) - Date.parse(d.date)) / DAY);
}

/** A day-level date of the article's news: at most a week before `ref` (as the time filter in refine.ts). */
export function recentDay(ref: string | undefined, d: DateValue): boolean {
  if (d.precision !== 1 || d.kind === 'year' || d.kind === 'month') return false;
  if (!ref) return true;
  const a = ageDays(ref, d);
  return a >= -1 && a <= MAX_AGE_DAYS;
}

/** The clause [start, end) around token k: bounded by clause punctuation and its sentence. */
export function clauseOf(doc: Doc, k: number): [number, number] {
  const tokens = doc.tokens;
  const s = doc.sentences[tokens[k]!.sentence]!;
  let a = k;
  while (a > s.tokenStart && !CLAUSE_BREAKS.has(tokens[a - 1]!.text)) a--;
  let b = k;
  while (b < s.tokenEnd && !CLAUSE_BREAKS.has(tokens[b]!.text)) b++;
  return [a, b];
}

/**
 * The background regions of a document. Every region blocks the triggers and the figures inside
 * it. A region runs from its signal to the end of the clause; a total counted from a time ("since",
 * a duration, a statistic cue) and a figure "killed in <the war>" also reach back to the start of
 * the clause, unless that part names one event of its own (a specific trigger or a recent day).
 * A fronted "Since the war began in 2011, ..." covers the clause after it too.
 */
export function findBackground(
  doc: Doc,
  ann: Inputs,
  matcher: PhraseMatcher<BackgroundEntry>,
  limits: BackgroundLimits,
): Background {
  const ref = doc.published ?? new Date().toISOString().slice(0, 10);
  const tokens = doc.tokens;
  const out: BackgroundRegion[] = [];
  const sinceDates: number[] = [];
  const rankedCues: number[] = [];
  const recent = (d: Span<DateValue>) => recentDay(ref, d.value);
  const datesBySentence = new Map<number, Span<DateValue>[]>();
  for (const d of ann.dates) datesBySentence.set(d.sentence, [...(datesBySentence.get(d.sentence) ?? []), d]);

  for (const s of doc.sentences) {
    const hits: Hit[] = matcher.matchRange(tokens, s.tokenStart, s.tokenEnd).map((m) => ({
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      kind: m.values[0]!.kind,
      days: m.values[0]!.days,
    }));
    const stats = ann.cues.filter((c) => c.sentence === s.i && c.entry.kind === 'statistic');
    if (!hits.some((h) => h.kind !== 'not_war') && !stats.length) continue;
    const dates = datesBySentence.get(s.i) ?? [];
    const triggers = ann.triggers.filter((t) => t.sentence === s.i && !t.entry.pseudo);
    const clause = (k: number) => clauseOf(doc, k);
    const unitAt = (k: number) => hits.find((h) => h.kind === 'unit' && h.tokenStart === k);
    /** Days spanned by a duration figure starting in [from, to) ("more than two years", «نحو 4 أشهر»). */
    const durationIn = (from: number, to: number): number | null => {
      for (const n of ann.numbers) {
        if (n.tokenStart < from || n.tokenStart >= to || n.value.unit !== 'duration') continue;
        // a dual unit carries its own number («عامين», two years)
        const inside = n.tokenEnd - n.tokenStart === 1 ? unitAt(n.tokenStart) : undefined;
        if (inside?.days) return inside.days;
        const u = unitAt(n.tokenEnd);
        if (!u?.days) continue;
        // an age, not a time span: "aged 15", "15 years old", «البالغ من العمر 15 عاما»
        const isAge = hits.some(
          (x) =>
            x.kind === 'age' &&
            ((x.tokenEnd <= n.tokenStart && x.tokenEnd >= n.tokenStart - 3) || x.tokenStart === u.tokenEnd),
        );
        if (!isAge) return n.value.value * u.days;
      }
      return null;
    };
    const hitIn = (kinds: string[], from: number, to: number) =>
      hits.find((h) => kinds.includes(h.kind) && h.tokenStart >= from && h.tokenStart < to);
    /** "in the fighting", «في القتال»: an event word after "in" is the setting of a total, not one event. */
    const setting = (k: number) =>
      hits.some((x) => x.kind === 'prep' && x.tokenEnd <= k && x.tokenEnd >= k - 2);
    /** Tokens [a, b) name one event of their own: a specific trigger or a recent day. */
    const ownEvent = (a: number, b: number) =>
      triggers.some((t) => t.tokenStart >= a && t.tokenStart < b && !setting(t.tokenStart)) ||
      dates.some((d) => d.tokenStart >= a && d.tokenEnd <= b && recent(d));
    const push = (
      anchor: number,
      end: number,
      why: BackgroundRegion['why'],
      back: boolean,
      fronted: boolean,
    ) => {
      const [ca, cb] = clause(anchor);
      let from = anchor;
      // the part before the signal names one event of its own: it is not part of the total
      if (back && !ownEvent(ca, anchor)) from = ca;
      let to = Math.max(end, cb);
      // "Since the war began in 2011, more than 300,000 people have been killed": a fronted
      // adverbial clause qualifies the clause after it
      if (fronted && ca === s.tokenStart && cb < s.tokenEnd) to = clause(cb + 1)[1];
      out.push({ sentence: s.i, tokenStart: from, tokenEnd: to, why });
    };

    const COMMAS = new Set([',', '،']);
    /**
     * "Syria's war, which began in 2011 with protests, has killed more than 300,000": a relative
     * clause after a comma tells the war's start or toll, and a clause right after it whose first
     * word is a toll has the war as its subject.
     */
    const relativeClause = (war: Hit, cb: number) => {
      if (!COMMAS.has(tokens[cb]?.text ?? '')) return;
      const rel = hits.find((x) => x.kind === 'relative' && x.tokenStart === cb + 1);
      if (!rel) return;
      const [, rb] = clause(rel.tokenStart);
      const link = hits.find(
        (x) =>
          (x.kind === 'toll' || x.kind === 'onset') &&
          x.tokenStart >= rel.tokenEnd &&
          x.tokenStart <= rel.tokenEnd + limits.linkAfter &&
          x.tokenStart < rb,
      );
      if (!link) return;
      let to = rb;
      if (COMMAS.has(tokens[rb]?.text ?? '')) {
        const main = hits.find((x) => x.kind === 'toll' && x.tokenStart > rb && x.tokenStart <= rb + 3);
        if (main) to = clause(main.tokenStart)[1];
      }
      out.push({
        sentence: s.i,
        tokenStart: war.tokenStart,
        tokenEnd: to,
        why: link.kind === 'toll' ? 'war_toll' : 'war_onset',
      });
    };

    /** A superlative right before: "the deadliest attack since the war began" ranks one event. */
    const ranked = (at: number) =>
      hits.some(
        (x) => x.kind === 'superlative' && x.tokenEnd <= at && x.tokenEnd >= at - limits.superlativeWindow,
      );
    for (const h of hits) {
      const [, cb] = clause(h.tokenStart);
      if (h.kind === 'since' || h.kind === 'since_then') {
        if (ranked(h.tokenStart)) {
          // the clause's own event is ranked; what follows "since" is the past it is ranked against
          // ("the deadliest chemical attack since sarin killed hundreds in Ghouta in August 2013")
          const d = dates.find((x) => x.tokenStart >= h.tokenEnd && x.tokenStart < cb);
          if (d) sinceDates.push(d.tokenStart);
          push(h.tokenStart, h.tokenEnd, 'since', false, false);
          continue;
        }
        if (h.kind === 'since_then') {
          // "then" is the last date told before: earlier in this sentence, else in the one before
          const before = dates.filter((d) => d.tokenEnd <= h.tokenStart);
          const prev = s.i > 0 ? (datesBySentence.get(s.i - 1) ?? []) : [];
          const then = before.at(-1) ?? prev.at(-1);
          if (then && ageDays(ref, then.value) >= limits.sinceMinDays)
            push(h.tokenStart, h.tokenEnd, 'since_then', true, true);
          continue;
        }
        const end = Math.min(cb, h.tokenEnd + limits.sinceWindow);
        // the date of the start may stand further on ("since the operation was launched on Tuesday")
        const date = dates.find((d) => d.tokenStart >= h.tokenEnd && d.tokenStart < cb);
        const days = durationIn(h.tokenEnd, end);
        const total =
          date !== undefined
            ? ageDays(ref, date.value) >= limits.sinceMinDays
            : days !== null
              ? days >= limits.sinceMinDays
              : !!hitIn(['war'], h.tokenEnd, end);
        if (total) push(h.tokenStart, h.tokenEnd, 'since', true, true);
        continue;
      }
      if (h.kind === 'unit') {
        // a duration not after "since": "for more than two years", "in over three years of turmoil"
        const sinceBefore = hits.some(
          (x) =>
            x.kind === 'since' &&
            x.tokenEnd <= h.tokenStart &&
            x.tokenEnd >= h.tokenStart - limits.sinceWindow,
        );
        if (sinceBefore) continue;
        const days = durationIn(Math.max(s.tokenStart, h.tokenStart - 4), h.tokenStart + 1);
        if (days !== null && days >= limits.sinceMinDays)
          push(h.tokenStart, h.tokenEnd, 'duration', true, true);
        continue;
      }
      if (h.kind !== 'war') continue;
      const [ca] = clause(h.tokenStart);
      // the war as the subject of its toll or its start: "a conflict that has killed",
      // "the civil war which began in 2011 with protests", «الأزمة التي اندلعت»
      const after = hits.find(
        (x) =>
          (x.kind === 'toll' || x.kind === 'onset') &&
          x.tokenStart >= h.tokenEnd &&
          x.tokenStart <= h.tokenEnd + limits.linkAfter &&
          x.tokenStart < cb,
      );
      if (after)
        push(h.tokenStart, after.tokenEnd, after.kind === 'toll' ? 'war_toll' : 'war_onset', false, false);
      else relativeClause(h, cb);
      // the toll or the start before the war word: «أودى النزاع», "killed in Syria's conflict",
      // «منذ اندلاع الأزمة», "the outbreak of the war"; after "in" the war word is where the clause's
      // toll happened, however far («قتل أكثر من 4 آلاف شخص في النزاع»)
      const inWar = hits.some(
        (x) =>
          x.kind === 'prep' &&
          x.tokenEnd <= h.tokenStart &&
          x.tokenEnd >= h.tokenStart - 2 &&
          x.tokenStart >= ca,
      );
      const before = [...hits]
        .reverse()
        .find(
          (x) =>
            (x.kind === 'toll' || x.kind === 'onset') &&
            x.tokenEnd <= h.tokenStart &&
            (x.tokenEnd >= h.tokenStart - limits.linkBefore || (inWar && x.kind === 'toll')) &&
            x.tokenStart >= ca,
        );
      if (before?.kind === 'toll') {
        const near = before.tokenEnd >= h.tokenStart - limits.linkBefore;
        // a toll told further from the war word, in a clause that names one event ("Gunmen killed
        // 12 people in Idlib on Monday during the war"), is that event's
        const dated = dates.some((d) => d.tokenStart >= ca && d.tokenEnd <= cb && recent(d));
        if (near || (!dated && !ownEvent(ca, h.tokenStart)))
          push(before.tokenStart, h.tokenEnd, 'war_toll', true, false);
      } else if (before) push(before.tokenStart, h.tokenEnd, 'war_onset', false, false);
    }
    for (const c of stats) {
      if (ranked(c.tokenStart)) rankedCues.push(c.tokenStart);
      else push(c.tokenStart, c.tokenEnd, 'statistic', true, true);
    }
  }
  return { regions: out, sinceDates, rankedCues };
}

const tokenSets = new WeakMap<Background, Set<number>>();

/** The token indices covered by background regions (computed once per document). */
export function backgroundTokens(bg: Background | undefined): Set<number> {
  if (!bg) return new Set();
  let out = tokenSets.get(bg);
  if (!out) {
    out = new Set();
    for (const r of bg.regions) for (let k = r.tokenStart; k < r.tokenEnd; k++) out.add(k);
    tokenSets.set(bg, out);
  }
  return out;
}
