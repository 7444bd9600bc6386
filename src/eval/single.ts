/**
 * Scoring per-event gold with one gold event per input (ACLED notes style): for every gold event the best
 * matching predicted event of its input is compared field by field. Denominator: all gold events (no
 * prediction counts as wrong).
 */
import { sameActor } from './actors.js';
import { distanceKm } from './geo.js';
import {
  type EventsGold,
  type GoldEvent,
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
import { samePlace } from './names.js';
import { Counter, prf } from './stats.js';

export interface FieldChecks {
  event_type: boolean;
  sub_event_type: boolean | null;
  admin1: boolean | null;
  distance_km: number | null;
  fatalities: boolean;
  actor1: boolean;
  actor2: boolean;
  event_date: boolean;
}

/** Compares one predicted event with one gold event. */
export function checkEvent(g: GoldEvent, p: PredEvent): FieldChecks {
  const types = goldTypes(g);
  const gSub = str(g.sub_event_type);
  return {
    event_type: types.includes(str(p.event_type)),
    sub_event_type: gSub ? str(p.sub_event_type) === gSub : null,
    admin1: str(g.admin1) ? samePlace(g.admin1, str(p.admin1)) : null,
    distance_km: distanceKm(g, p),
    fatalities: (num(p.fatalities) ?? 0) === (num(g.fatalities) ?? 0),
    actor1: sameActor(str(g.actor1), str(p.actor1)),
    actor2: sameActor(str(g.actor2), str(p.actor2)),
    event_date: !!str(g.event_date) && str(p.event_date) === str(g.event_date),
  };
}

function matchScore(c: FieldChecks): number {
  return (
    (c.event_type ? 8 : 0) +
    (c.sub_event_type ? 2 : 0) +
    (c.admin1 ? 2 : 0) +
    (c.distance_km !== null && c.distance_km <= 50 ? 1 : 0) +
    (c.event_date ? 1 : 0) +
    (c.actor1 ? 1 : 0) +
    (c.actor2 ? 1 : 0) +
    (c.fatalities ? 1 : 0)
  );
}

/** The index of the predicted event that best matches `g` (ties: higher confidence, then earlier); -1 if none. */
export function bestMatch(
  g: GoldEvent,
  preds: readonly PredEvent[],
): { index: number; checks: FieldChecks | null } {
  let best = -1;
  let bestScore = -1;
  let bestConf = -1;
  let bestChecks: FieldChecks | null = null;
  preds.forEach((p, i) => {
    const c = checkEvent(g, p);
    const s = matchScore(c);
    const conf = num(p.confidence) ?? 0;
    if (s > bestScore || (s === bestScore && conf > bestConf)) {
      best = i;
      bestScore = s;
      bestConf = conf;
      bestChecks = c;
    }
  });
  return { index: best, checks: bestChecks };
}

export function scoreSingle(
  gold: readonly EventsGold[],
  preds: ReadonlyMap<string, Prediction>,
): { metrics: Metric[]; calibration: Calibration; records: unknown[] } {
  const c = {
    type: new Counter(),
    sub: new Counter(),
    admin1: new Counter(),
    km25: new Counter(),
    km50: new Counter(),
    fat: new Counter(),
    actor1: new Counter(),
    actor2: new Counter(),
    date: new Counter(),
    noEvent: new Counter(),
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let relevantJudged = 0;
  let highCount = 0;
  let highRight = 0;
  const records: unknown[] = [];

  for (const r of gold) {
    const events = preds.get(r.id)?.events ?? [];
    c.noEvent.add(events.length === 0);
    if (typeof r.relevant === 'boolean') {
      relevantJudged++;
      const p = events.length > 0;
      const g = goldRelevant(r);
      if (p && g) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const bestIndexes = new Set<number>();
    for (const g of r.events) {
      const { index, checks } = bestMatch(g, events);
      if (index >= 0) bestIndexes.add(index);
      c.type.add(!!checks?.event_type);
      if (str(g.sub_event_type)) c.sub.add(!!checks?.sub_event_type);
      if (str(g.admin1)) c.admin1.add(!!checks?.admin1);
      if (num(g.latitude) !== null && num(g.longitude) !== null) {
        const d = checks?.distance_km ?? null;
        c.km25.add(d !== null && d <= 25);
        c.km50.add(d !== null && d <= 50);
      }
      c.fat.add(!!checks?.fatalities);
      c.actor1.add(!!checks?.actor1);
      c.actor2.add(!!checks?.actor2);
      c.date.add(!!checks?.event_date);
      const p = index >= 0 ? events[index]! : null;
      if (p && isHighConfidence(p.confidence)) {
        highCount++;
        if (checks?.event_type) highRight++;
      }
      records.push({
        id: r.id,
        predicted_events: events.length,
        best: index,
        gold: {
          types: goldTypes(g),
          sub: g.sub_event_type ?? null,
          admin1: g.admin1,
          actor1: g.actor1,
          actor2: g.actor2,
          fatalities: g.fatalities,
          event_date: g.event_date,
        },
        pred: p
          ? {
              event_type: p.event_type,
              sub_event_type: p.sub_event_type,
              admin1: p.admin1,
              actor1: p.actor1,
              actor2: p.actor2,
              fatalities: p.fatalities,
              event_date: p.event_date,
              confidence: p.confidence,
            }
          : null,
        checks,
      });
    }
    // High-confidence events that are not the best match of any gold event are extra, hence wrong.
    events.forEach((p, i) => {
      if (!bestIndexes.has(i) && isHighConfidence(p.confidence)) highCount++;
    });
  }

  const metrics: Metric[] = [];
  if (relevantJudged > 0) metrics.push(...prfMetrics('relevance', 'relevance', prf(tp, fp, fn)));
  metrics.push(
    shareMetric('no_event', 'inputs with no predicted event', c.noEvent.ratio),
    shareMetric('event_type', 'event type accuracy', c.type.ratio),
    shareMetric('sub_event_type', 'sub-event type accuracy', c.sub.ratio),
    shareMetric('admin1', 'admin1 accuracy', c.admin1.ratio),
    shareMetric('within_25km', 'within 25 km', c.km25.ratio),
    shareMetric('within_50km', 'within 50 km', c.km50.ratio),
    shareMetric('fatalities_exact', 'fatalities exact', c.fat.ratio),
    shareMetric('actor1', 'actor1 match', c.actor1.ratio),
    shareMetric('actor2', 'actor2 match', c.actor2.ratio),
    shareMetric('event_date', 'event date exact', c.date.ratio),
  );
  return {
    metrics,
    calibration: {
      threshold: HIGH_CONFIDENCE,
      count: highCount,
      right: highRight,
      precision: highCount ? highRight / highCount : null,
      rule: 'a best-matching event is right when its event type is right; other events are extras (wrong)',
    },
    records,
  };
}
