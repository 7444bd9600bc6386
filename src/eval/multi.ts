/**
 * Scoring per-event gold with many events per article (Arabic newspaper set): relevance, micro P/R/F1 over
 * unique per-article tuples, and document-level fatalities.
 */
import { sameActor } from './actors.js';
import {
  type EventsGold,
  goldRelevant,
  goldTypes,
  num,
  type PredEvent,
  type Prediction,
  str,
} from './gold.js';
import {
  type Calibration,
  HIGH_CONFIDENCE,
  isHighConfidence,
  type Metric,
  prfMetrics,
  shareMetric,
} from './metrics.js';
import { placeKey } from './names.js';
import { Counter, matchCount, type Prf, prf, within20 } from './stats.js';

/** Field readers shared by gold and predicted events (a gold `event_type_any_of` contributes its first type). */
interface AnyEvent {
  event_type?: string;
  event_type_any_of?: string[];
  sub_event_type?: string | null;
  admin1?: string;
  country?: string;
  event_date?: string;
  actor1?: string;
  actor2?: string;
  fatalities?: number | null;
}

function typeOf(e: AnyEvent): string {
  return str(e.event_type) || (Array.isArray(e.event_type_any_of) ? str(e.event_type_any_of[0]) : '');
}

/** admin1, or the country when no admin1 is given. */
function areaOf(e: AnyEvent): string {
  return str(e.admin1) ? `a1:${placeKey(e.admin1)}` : `c:${placeKey(e.country)}`;
}

type Tuple = (e: AnyEvent) => string | null;

const TUPLES: Record<string, { label: string; of: Tuple }> = {
  type: { label: '(article, event type)', of: (e) => typeOf(e) || null },
  sub_type: {
    label: '(article, sub-event type)',
    of: (e) => (str(e.sub_event_type) ? `${typeOf(e)}|${str(e.sub_event_type)}` : null),
  },
  type_admin1: {
    label: '(article, type, admin1|country)',
    of: (e) => (typeOf(e) ? `${typeOf(e)}|${areaOf(e)}` : null),
  },
  type_date: {
    label: '(article, type, event date)',
    of: (e) => (typeOf(e) && str(e.event_date) ? `${typeOf(e)}|${str(e.event_date)}` : null),
  },
  country: { label: '(article, country)', of: (e) => (str(e.country) ? placeKey(e.country) : null) },
};

function uniq(events: readonly AnyEvent[], of: Tuple): Set<string> {
  const s = new Set<string>();
  for (const e of events) {
    const t = of(e);
    if (t) s.add(t);
  }
  return s;
}

/** Distinct actors (actor1 and actor2, by identity) of an article's events. */
export function articleActors(events: readonly AnyEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    for (const a of [str(e.actor1), str(e.actor2)]) {
      if (a.trim() && !out.some((o) => sameActor(o, a))) out.push(a);
    }
  }
  return out;
}

/** Sum of event fatalities (missing counts as 0). */
export function docFatalities(events: readonly AnyEvent[]): number {
  return events.reduce((s, e) => s + (num(e.fatalities) ?? 0), 0);
}

export function scoreMulti(
  gold: readonly EventsGold[],
  preds: ReadonlyMap<string, Prediction>,
): { metrics: Metric[]; calibration: Calibration; records: unknown[] } {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const k of [...Object.keys(TUPLES), 'actor']) counts[k] = { tp: 0, fp: 0, fn: 0 };
  let rtp = 0;
  let rfp = 0;
  let rfn = 0;
  const noEvent = new Counter();
  const fatExact = new Counter();
  const fat20 = new Counter();
  let highCount = 0;
  let highRight = 0;
  const records: unknown[] = [];

  for (const r of gold) {
    const events: PredEvent[] = preds.get(r.id)?.events ?? [];
    noEvent.add(events.length === 0);
    const pRel = events.length > 0;
    const gRel = goldRelevant(r);
    if (pRel && gRel) rtp++;
    else if (pRel) rfp++;
    else if (gRel) rfn++;

    const rec: Record<string, unknown> = { id: r.id, relevant: gRel, predicted_events: events.length };
    for (const [k, t] of Object.entries(TUPLES)) {
      const g = uniq(r.events, t.of);
      const p = uniq(events, t.of);
      const tp = [...p].filter((x) => g.has(x)).length;
      counts[k]!.tp += tp;
      counts[k]!.fp += p.size - tp;
      counts[k]!.fn += g.size - tp;
      if (k === 'type') {
        rec.gold_types = [...g];
        rec.pred_types = [...p];
      }
    }
    const ga = articleActors(r.events);
    const pa = articleActors(events);
    const atp = matchCount(ga, pa, (a, b) => sameActor(a, b));
    counts.actor!.tp += atp;
    counts.actor!.fp += pa.length - atp;
    counts.actor!.fn += ga.length - atp;

    if (gRel) {
      const gf = docFatalities(r.events);
      const pf = docFatalities(events);
      fatExact.add(pf === gf);
      fat20.add(within20(pf, gf));
      rec.fatalities = { gold: gf, pred: pf };
    }
    const goldTypeSet = new Set(r.events.flatMap((e) => goldTypes(e)));
    for (const e of events) {
      if (!isHighConfidence(e.confidence)) continue;
      highCount++;
      if (goldTypeSet.has(str(e.event_type))) highRight++;
    }
    records.push(rec);
  }

  const f = (k: string): Prf => prf(counts[k]!.tp, counts[k]!.fp, counts[k]!.fn);
  const metrics: Metric[] = [
    ...prfMetrics('relevance', 'relevance', prf(rtp, rfp, rfn)),
    shareMetric('no_event', 'inputs with no predicted event', noEvent.ratio),
  ];
  for (const [k, t] of Object.entries(TUPLES)) {
    metrics.push(...prfMetrics(`tuple_${k}`, t.label, f(k), true));
  }
  metrics.push(
    ...prfMetrics('tuple_actor', '(article, actor)', f('actor'), true),
    shareMetric('doc_fatalities_exact', 'doc fatalities exact', fatExact.ratio),
    shareMetric('doc_fatalities_20', 'doc fatalities within 20%', fat20.ratio),
  );
  return {
    metrics,
    calibration: {
      threshold: HIGH_CONFIDENCE,
      count: highCount,
      right: highRight,
      precision: highCount ? highRight / highCount : null,
      rule: 'a predicted event is right when (article, event type) is in the gold',
    },
    records,
  };
}
