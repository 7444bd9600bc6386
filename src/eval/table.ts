/** Plain-text tables of metrics: rows are metrics, columns are sets. */
import { calibrationMetrics, type Metric, type SetReport } from './metrics.js';

export function formatMetric(m: Metric | undefined, withCounts = true): string {
  if (!m) return '—';
  if (m.value === null) return 'n/a';
  if (m.unit === 'text') return String(m.value);
  if (m.unit === 'count') return String(m.value);
  const pct = `${((m.value as number) * 100).toFixed(1)}%`;
  return withCounts && m.n !== undefined ? `${pct} (${m.hits}/${m.n})` : pct;
}

function allMetrics(r: SetReport): Metric[] {
  return [...r.metrics, ...calibrationMetrics(r.calibration)];
}

/**
 * One table over several sets. Rows follow the order in which metrics first appear; `detail` rows are left
 * out unless `full` is set.
 */
export function metricsTable(
  reports: readonly SetReport[],
  opts: { full?: boolean; counts?: boolean } = {},
): string {
  const rows: { key: string; label: string }[] = [];
  const seen = new Set<string>();
  const cells = reports.map((r) => new Map(allMetrics(r).map((m) => [m.key, m])));
  // Set metrics first (in order of first appearance), calibration rows last.
  const lists = [...reports.map((r) => r.metrics), ...reports.map((r) => calibrationMetrics(r.calibration))];
  for (const list of lists) {
    for (const m of list) {
      if (seen.has(m.key) || (m.detail && !opts.full)) continue;
      seen.add(m.key);
      rows.push({ key: m.key, label: m.label });
    }
  }
  const header = ['metric', ...reports.map((r) => r.set)];
  const body = rows.map((row) => [
    row.label,
    ...cells.map((c) => formatMetric(c.get(row.key), opts.counts ?? true)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cols: string[]) =>
    cols
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
