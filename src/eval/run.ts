/** Evaluating one set: gold + predictions (given, or produced by running the extractor on the inputs). */
import type { ArticleInput } from '../model/event.js';
import { scoreDoc } from './doc.js';
import { type Gold, goldMode, type Prediction, parseGold } from './gold.js';
import { countMetric, type SetReport } from './metrics.js';
import { scoreMulti } from './multi.js';
import { scoreSingle } from './single.js';

export interface ExtractorLike {
  extract(article: ArticleInput): { id: string; events: unknown[] };
}

/** Validates input lines (`id` and `text` required). */
export function parseInputs(raw: Record<string, unknown>[], source = 'inputs'): ArticleInput[] {
  return raw.map((r, i) => {
    if (typeof r.id !== 'string' || !r.id) throw new Error(`${source}: record ${i + 1}: missing "id"`);
    if (typeof r.text !== 'string') throw new Error(`${source}: record ${i + 1} (${r.id}): missing "text"`);
    return r as unknown as ArticleInput;
  });
}

/** Runs the extractor on every input; an input it throws on is recorded and scored as having no events. */
export function runExtractor(
  inputs: readonly ArticleInput[],
  extractor: ExtractorLike,
): { predictions: Prediction[]; errors: { id: string; error: string }[] } {
  const predictions: Prediction[] = [];
  const errors: { id: string; error: string }[] = [];
  for (const a of inputs) {
    try {
      const out = extractor.extract(a);
      predictions.push({
        id: a.id,
        events: Array.isArray(out.events) ? (out.events as Prediction['events']) : [],
      });
    } catch (err) {
      errors.push({ id: a.id, error: (err as Error).message });
      predictions.push({ id: a.id, events: [] });
    }
  }
  return { predictions, errors };
}

/** Scores predictions against gold. Gold records without a prediction count as "no events". */
export function evaluate(
  set: string,
  gold: Gold | Record<string, unknown>[],
  predictions: readonly Prediction[],
): SetReport {
  const g: Gold = Array.isArray(gold) ? parseGold(gold, set) : gold;
  const byId = new Map<string, Prediction>();
  for (const p of predictions) {
    const prev = byId.get(p.id);
    // The same id twice: its events are pooled (e.g. an article split over lines).
    byId.set(p.id, prev ? { id: p.id, events: [...prev.events, ...p.events] } : p);
  }
  const goldIds = new Set(g.records.map((r) => r.id));
  const unknown = [...byId.keys()].filter((id) => !goldIds.has(id)).length;
  const mode = goldMode(g);
  const scored =
    g.kind === 'doc'
      ? scoreDoc(g.records, byId)
      : mode === 'single'
        ? scoreSingle(g.records, byId)
        : scoreMulti(g.records, byId);
  const predicted = g.records.reduce((s, r) => s + (byId.get(r.id)?.events.length ?? 0), 0);
  const metrics = [countMetric('inputs', 'inputs', g.records.length)];
  if (g.kind === 'events') {
    metrics.push(
      countMetric(
        'gold_events',
        'gold events',
        g.records.reduce((s, r) => s + r.events.length, 0),
      ),
    );
  }
  metrics.push(countMetric('predicted_events', 'predicted events', predicted), ...scored.metrics);
  return {
    set,
    mode,
    inputs: g.records.length,
    metrics,
    calibration: scored.calibration,
    unknown_prediction_ids: unknown,
    records: scored.records,
  };
}

/** Pooled precision at high confidence over the sets that judge it. */
export function overallCalibration(reports: readonly SetReport[]): {
  count: number;
  right: number;
  precision: number | null;
  judged_count: number;
} {
  let count = 0;
  let right = 0;
  let judged = 0;
  for (const r of reports) {
    count += r.calibration.count;
    if (r.calibration.right !== null) {
      judged += r.calibration.count;
      right += r.calibration.right;
    }
  }
  return { count, right, judged_count: judged, precision: judged ? right / judged : null };
}
