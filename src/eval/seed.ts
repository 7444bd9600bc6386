/**
 * The seed case (../shared/seed/expected.json): every expected event must be matched field by field by a
 * distinct predicted event, and nothing else may be extracted.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleInput } from '../model/event.js';
import { actorIsOneOf, normActor } from './actors.js';
import { distanceKm } from './geo.js';
import { num, type PredEvent, str } from './gold.js';
import {
  countMetric,
  HIGH_CONFIDENCE,
  isHighConfidence,
  type Metric,
  type SetReport,
  shareMetric,
} from './metrics.js';
import { samePlace } from './names.js';
import { ratio } from './stats.js';

export interface SeedExpected {
  input: { id: string; published?: string; lang?: 'ar' | 'en'; text_file: string; title?: string };
  events: Record<string, unknown>[];
}

/** Keys of an expected event that are explanations, not checks. */
const IGNORED = new Set(['why', 'note', 'notes']);
const PLACE_FIELDS = new Set(['country', 'admin1', 'admin2', 'admin3', 'location']);
const SEED_RADIUS_KM = 15;

export interface FieldResult {
  field: string;
  ok: boolean;
  expected: unknown;
  got: unknown;
}

function show(x: unknown): string {
  return x === undefined ? '(missing)' : JSON.stringify(x);
}

function assocIncludes(assoc: string, options: readonly string[]): boolean {
  const parts = assoc
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.some((p) => actorIsOneOf(p, options))) return true;
  const whole = ` ${normActor(assoc)} `;
  return options.some((o) => whole.includes(` ${normActor(o)} `));
}

/** Checks one predicted event against one expected event; one result per checked field. */
export function checkSeedEvent(exp: Record<string, unknown>, p: PredEvent): FieldResult[] {
  const out: FieldResult[] = [];
  const add = (field: string, ok: boolean, expected: unknown, got: unknown) =>
    out.push({ field, ok, expected, got });
  const hasPoint = num(exp.latitude) !== null && num(exp.longitude) !== null;
  for (const [key, expected] of Object.entries(exp)) {
    if (IGNORED.has(key)) continue;
    if (key === 'latitude' || key === 'longitude') continue;
    let m = /^(.+)_is_one_of$/.exec(key);
    if (m && Array.isArray(expected)) {
      add(m[1]!, actorIsOneOf(str(p[m[1]!]), expected as string[]), expected, p[m[1]!]);
      continue;
    }
    m = /^(.+)_includes_one_of$/.exec(key);
    if (m && Array.isArray(expected)) {
      add(m[1]!, assocIncludes(str(p[m[1]!]), expected as string[]), expected, p[m[1]!]);
      continue;
    }
    m = /^(.+)_at_most$/.exec(key);
    if (m) {
      const got = num(p[m[1]!]);
      add(
        m[1]!,
        got !== null && got <= (num(expected) ?? Number.NEGATIVE_INFINITY),
        `≤ ${expected}`,
        p[m[1]!],
      );
      continue;
    }
    if (PLACE_FIELDS.has(key)) {
      add(key, samePlace(str(expected), str(p[key])), expected, p[key]);
      continue;
    }
    add(key, p[key] === expected, expected, p[key]);
  }
  if (hasPoint) {
    const d = distanceKm(exp as { latitude: number; longitude: number }, p);
    add(
      'coordinates',
      d !== null && d <= SEED_RADIUS_KM,
      `within ${SEED_RADIUS_KM} km of ${exp.latitude},${exp.longitude}`,
      d === null ? '(missing)' : `${d.toFixed(1)} km away`,
    );
  }
  return out;
}

/** Compares predicted events with the expected ones: one-to-one assignment by most fields right. */
export function scoreSeed(
  expected: readonly Record<string, unknown>[],
  events: readonly PredEvent[],
): SetReport {
  const pairs: { i: number; j: number; score: number; results: FieldResult[] }[] = [];
  expected.forEach((e, i) => {
    events.forEach((p, j) => {
      const results = checkSeedEvent(e, p);
      pairs.push({ i, j, score: results.filter((r) => r.ok).length, results });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const byExpected = new Map<number, (typeof pairs)[number]>();
  const usedPred = new Set<number>();
  for (const pr of pairs) {
    if (byExpected.has(pr.i) || usedPred.has(pr.j)) continue;
    byExpected.set(pr.i, pr);
    usedPred.add(pr.j);
  }

  const mismatches: string[] = [];
  let fieldsOk = 0;
  let fieldsAll = 0;
  let highCount = 0;
  let highRight = 0;
  expected.forEach((e, i) => {
    const name = `event ${i + 1} (${str(e.event_type)}/${str(e.sub_event_type)})`;
    const pr = byExpected.get(i);
    const nFields = checkSeedEvent(e, {}).length;
    fieldsAll += nFields;
    if (!pr) {
      mismatches.push(`${name}: not extracted`);
      return;
    }
    for (const r of pr.results) {
      if (r.ok) fieldsOk++;
      else mismatches.push(`${name}: ${r.field} expected ${show(r.expected)}, got ${show(r.got)}`);
    }
    const p = events[pr.j]!;
    if (isHighConfidence(p.confidence)) {
      highCount++;
      if (pr.results.find((r) => r.field === 'event_type')?.ok) highRight++;
    }
  });
  events.forEach((p, j) => {
    if (usedPred.has(j)) return;
    const what = [
      [str(p.event_type), str(p.sub_event_type)].filter(Boolean).join('/') || '(no type)',
      [str(p.actor1), str(p.actor2)].filter(Boolean).join(' vs '),
      str(p.location) && `at ${str(p.location)}`,
      str(p.event_date) && `on ${str(p.event_date)}`,
    ];
    mismatches.push(`extra event: ${what.filter(Boolean).join(' ')}`);
    if (isHighConfidence(p.confidence)) highCount++;
  });

  const exact = mismatches.length === 0;
  const metrics: Metric[] = [
    countMetric('inputs', 'inputs', 1),
    countMetric('gold_events', 'gold events', expected.length),
    countMetric('predicted_events', 'predicted events', events.length),
    { key: 'seed_exact', label: 'seed exact', unit: 'text', value: exact ? 'yes' : 'no' },
    shareMetric('seed_fields', 'seed fields matched', ratio(fieldsOk, fieldsAll)),
    countMetric('seed_mismatches', 'seed mismatches', mismatches.length),
  ];
  return {
    set: 'seed',
    mode: 'seed',
    inputs: 1,
    metrics,
    calibration: {
      threshold: HIGH_CONFIDENCE,
      count: highCount,
      right: highRight,
      precision: highCount ? highRight / highCount : null,
      rule: 'an event matched to an expected event is right when its event type is right; extras are wrong',
    },
    unknown_prediction_ids: 0,
    records: [{ exact, mismatches, expected: expected.length, predicted: events.length }],
  };
}

/** Reads expected.json and the seed article it points to. */
export function loadSeed(expectedPath: string): {
  article: ArticleInput;
  expected: Record<string, unknown>[];
} {
  const spec = JSON.parse(readFileSync(expectedPath, 'utf8')) as SeedExpected;
  if (!spec.input?.text_file || !Array.isArray(spec.events)) {
    throw new Error(`${expectedPath}: expected {"input": {"text_file", ...}, "events": [...]}`);
  }
  const text = readFileSync(join(dirname(expectedPath), spec.input.text_file), 'utf8');
  const article: ArticleInput = { id: spec.input.id ?? 'seed', text };
  if (spec.input.published) article.published = spec.input.published;
  if (spec.input.lang) article.lang = spec.input.lang;
  if (spec.input.title) article.title = spec.input.title;
  return { article, expected: spec.events };
}
