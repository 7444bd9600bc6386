/**
 * `npm run eval`: evaluates every dev set in ../shared/eval/dev (<name>.inputs.jsonl + <name>.gold.jsonl)
 * and the seed case with the current extractor; prints one summary table (rows: metrics, columns: sets)
 * and writes the full report to .cache/eval-report.json.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  evaluate,
  loadSeed,
  metricsTable,
  overallCalibration,
  parseGold,
  parseInputs,
  readJsonl,
  runExtractor,
  type SetReport,
  scoreSeed,
} from '../src/eval/index.js';
import { createExtractor } from '../src/extract/index.js';
import { packageRoot } from '../src/util/paths.js';

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

function main(): number {
  const started = performance.now();
  const root = packageRoot();
  const shared = resolve(root, '..', 'shared');
  const devDir = join(shared, 'eval', 'dev');
  if (!existsSync(devDir)) {
    process.stdout.write(`eval: no evaluation data (${devDir} not found); nothing to do.\n`);
    return 0;
  }
  const extractor = createExtractor();
  const reports: SetReport[] = [];
  const timings: Record<string, number> = {};
  const names = readdirSync(devDir)
    .filter((f) => f.endsWith('.gold.jsonl'))
    .map((f) => f.slice(0, -'.gold.jsonl'.length))
    .filter((n) => existsSync(join(devDir, `${n}.inputs.jsonl`)))
    .sort();
  for (const name of names) {
    const t0 = performance.now();
    const gold = parseGold(readJsonl(join(devDir, `${name}.gold.jsonl`)), name);
    const inputs = parseInputs(readJsonl(join(devDir, `${name}.inputs.jsonl`)), name);
    const { predictions, errors } = runExtractor(inputs, extractor);
    const report = evaluate(name, gold, predictions);
    if (errors.length) report.extractor_errors = errors;
    reports.push(report);
    timings[name] = Math.round(performance.now() - t0);
  }
  const seedPath = join(shared, 'seed', 'expected.json');
  if (existsSync(seedPath)) {
    const t0 = performance.now();
    const { article, expected } = loadSeed(seedPath);
    const { predictions, errors } = runExtractor([article], extractor);
    const report = scoreSeed(expected, predictions[0]!.events);
    if (errors.length) report.extractor_errors = errors;
    reports.push(report);
    timings.seed = Math.round(performance.now() - t0);
  }

  const overall = overallCalibration(reports);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${metricsTable(reports)}\n\n`);
  process.stdout.write(
    `confidence ≥ 0.8, all sets: ${overall.count} events; precision ${pct(overall.precision)}` +
      ` (${overall.right}/${overall.judged_count} judged)\n`,
  );
  const seed = reports.find((r) => r.mode === 'seed');
  if (seed) {
    const rec = seed.records[0] as { exact: boolean; mismatches: string[] };
    process.stdout.write(`seed exact: ${rec.exact ? 'yes' : 'no'}\n`);
    for (const m of rec.mismatches) process.stdout.write(`  - ${m}\n`);
  }
  for (const r of reports) {
    if (r.extractor_errors?.length) {
      process.stdout.write(
        `${r.set}: extractor failed on ${r.extractor_errors.length} input(s), scored as no events\n`,
      );
    }
  }
  const cacheDir = join(root, '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const reportPath = join(cacheDir, 'eval-report.json');
  writeFileSync(
    reportPath,
    `${JSON.stringify({ created: new Date().toISOString(), ms, timings_ms: timings, overall_calibration: overall, sets: reports }, null, 2)}\n`,
  );
  process.stdout.write(
    `report: ${reportPath}\ntime: ${(ms / 1000).toFixed(2)} s (${Object.entries(timings)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')})\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
