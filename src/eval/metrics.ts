/** The report shapes shared by the scorers, the CLI and the summary script. */
import type { Prf, Ratio } from './stats.js';

export type MetricUnit = 'share' | 'count' | 'text';

/** One reported figure. `share` values are in [0, 1] (null when undefined, e.g. nothing to count). */
export interface Metric {
  key: string;
  label: string;
  unit: MetricUnit;
  value: number | string | null;
  hits?: number;
  n?: number;
  /** Shown in the full report of one set, left out of the cross-set summary table. */
  detail?: boolean;
}

export interface Calibration {
  threshold: number;
  /** Predicted events with confidence ≥ threshold. */
  count: number;
  /** Of those, judged right (null when the set has no way to judge). */
  right: number | null;
  precision: number | null;
  rule: string;
}

export interface SetReport {
  set: string;
  mode: 'single' | 'multi' | 'doc' | 'seed';
  inputs: number;
  metrics: Metric[];
  calibration: Calibration;
  /** Predictions whose id is not in the gold (ignored). */
  unknown_prediction_ids: number;
  /** Inputs the extractor threw on (scored as no events). */
  extractor_errors?: { id: string; error: string }[];
  records: unknown[];
}

export const HIGH_CONFIDENCE = 0.8;

export function shareMetric(key: string, label: string, r: Ratio): Metric {
  return { key, label, unit: 'share', value: r.value, hits: r.hits, n: r.n };
}

export function countMetric(key: string, label: string, value: number): Metric {
  return { key, label, unit: 'count', value };
}

/** P, R and F1 rows; with `f1Only`, P and R are marked as detail rows. */
export function prfMetrics(key: string, label: string, p: Prf, f1Only = false): Metric[] {
  const detail = f1Only ? { detail: true } : {};
  return [
    {
      key: `${key}_p`,
      label: `${label} P`,
      unit: 'share',
      value: p.precision,
      hits: p.tp,
      n: p.tp + p.fp,
      ...detail,
    },
    {
      key: `${key}_r`,
      label: `${label} R`,
      unit: 'share',
      value: p.recall,
      hits: p.tp,
      n: p.tp + p.fn,
      ...detail,
    },
    { key: `${key}_f1`, label: `${label} F1`, unit: 'share', value: p.f1 },
  ];
}

export function calibrationMetrics(c: Calibration): Metric[] {
  return [
    countMetric('conf_high_count', `events with confidence ≥ ${c.threshold}`, c.count),
    {
      key: 'conf_high_precision',
      label: `precision at confidence ≥ ${c.threshold}`,
      unit: 'share',
      value: c.precision,
      ...(c.right === null ? {} : { hits: c.right, n: c.count }),
    },
  ];
}

export function isHighConfidence(confidence: unknown): boolean {
  return typeof confidence === 'number' && confidence >= HIGH_CONFIDENCE;
}
