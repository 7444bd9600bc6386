/**
 * Scoring per-document gold (FA-KES style: one crowd-written description per article): location, the
 * largest fatality count, actor and date, each over the articles whose gold gives the field.
 */
import { looseActorMatch } from './actors.js';
import { type DocGold, num, type PredEvent, type Prediction, str } from './gold.js';
import { type Calibration, HIGH_CONFIDENCE, isHighConfidence, type Metric, shareMetric } from './metrics.js';
import { placeInGold } from './names.js';
import { Counter, within20 } from './stats.js';

/** Largest predicted fatality count of an article (0 when there is no event). */
export function maxFatalities(events: readonly PredEvent[]): number {
  return events.reduce((m, e) => Math.max(m, num(e.fatalities) ?? 0), 0);
}

export function scoreDoc(
  gold: readonly DocGold[],
  preds: ReadonlyMap<string, Prediction>,
): { metrics: Metric[]; calibration: Calibration; records: unknown[] } {
  const noEvent = new Counter();
  const loc = new Counter();
  const fatExact = new Counter();
  const fat20 = new Counter();
  const actor = new Counter();
  const date = new Counter();
  let highCount = 0;
  const records: unknown[] = [];

  for (const r of gold) {
    const d = r.doc;
    const events = preds.get(r.id)?.events ?? [];
    noEvent.add(events.length === 0);
    highCount += events.filter((e) => isHighConfidence(e.confidence)).length;
    const rec: Record<string, unknown> = { id: r.id, predicted_events: events.length };
    const gLoc = str(d.location).trim();
    if (gLoc) {
      const ok = events.some((e) => [e.location, e.admin1, e.admin2].some((n) => placeInGold(gLoc, str(n))));
      loc.add(ok);
      rec.location = { gold: gLoc, ok };
    }
    const gFat = (num(d.civilians) ?? 0) + (num(d.noncivilians) ?? 0);
    if (gFat > 0) {
      const pf = maxFatalities(events);
      fatExact.add(pf === gFat);
      fat20.add(within20(pf, gFat));
      rec.fatalities = { gold: gFat, pred: pf };
    }
    const gActor = str(d.actor).trim();
    if (gActor) {
      const ok = events.some(
        (e) => looseActorMatch(gActor, str(e.actor1)) || looseActorMatch(gActor, str(e.actor2)),
      );
      actor.add(ok);
      rec.actor = { gold: gActor, ok };
    }
    const gDate = str(d.date).trim();
    if (gDate) {
      const ok = events.some((e) => str(e.event_date) === gDate);
      date.add(ok);
      rec.date = { gold: gDate, ok };
    }
    records.push(rec);
  }

  const metrics: Metric[] = [
    shareMetric('no_event', 'inputs with no predicted event', noEvent.ratio),
    shareMetric('doc_location', 'location match', loc.ratio),
    shareMetric('doc_fatalities_exact', 'doc fatalities exact', fatExact.ratio),
    shareMetric('doc_fatalities_20', 'doc fatalities within 20%', fat20.ratio),
    shareMetric('doc_actor', 'actor match (loose)', actor.ratio),
    shareMetric('doc_date', 'date match', date.ratio),
  ];
  return {
    metrics,
    calibration: {
      threshold: HIGH_CONFIDENCE,
      count: highCount,
      right: null,
      precision: null,
      rule: 'not judged (document-level gold has no events)',
    },
    records,
  };
}
