/**
 * Events per day (per week or month over long spans), stacked by event type, with fatalities as
 * a line. Drawn as SVG, left to right in both languages. Clicking a bar filters on its days.
 */
import type { Summary } from '../api';
import { EVENT_TYPES, typeColor, typeSlug } from '../colors';
import { h, svg } from '../dom';
import type { I18n } from '../i18n';

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

interface Bin {
  from: number;
  to: number;
  byType: Record<string, number>;
  events: number;
  fatalities: number;
}

/** Bins of 1, 7 or 30 days so that there are at most ~150 bars. */
export function bins(daily: Summary['daily']): { bins: Bin[]; width: number } {
  const dated = daily.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date));
  if (!dated.length) return { bins: [], width: 1 };
  const days = dated.map((d) => dayNumber(d.date));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = last - first + 1;
  const width = span <= 150 ? 1 : span <= 7 * 150 ? 7 : 30;
  const start = width === 7 ? first - ((first + 3) % 7) : first; // weeks start on Monday
  const out: Bin[] = [];
  for (let from = start; from <= last; from += width)
    out.push({ from, to: from + width - 1, byType: {}, events: 0, fatalities: 0 });
  dated.forEach((d, i) => {
    const b = out[Math.floor((days[i]! - start) / width)]!;
    b.byType[d.event_type] = (b.byType[d.event_type] ?? 0) + d.events;
    b.events += d.events;
    b.fatalities += d.fatalities;
  });
  return { bins: out, width };
}

export function timeline(
  summary: Summary,
  i18n: I18n,
  onPick: (from: string, to: string) => void,
  widthPx: number,
): HTMLElement {
  const { bins: bs, width } = bins(summary.daily);
  const W = Math.max(320, widthPx);
  const H = 190;
  const pad = { l: 36, r: 40, t: 12, b: 24 };
  const root = h('figure', { class: 'timeline', dir: 'ltr', 'data-testid': 'timeline' });
  if (!bs.length) return root;
  const maxEvents = Math.max(1, ...bs.map((b) => b.events));
  const maxDeaths = Math.max(1, ...bs.map((b) => b.fatalities));
  const bw = (W - pad.l - pad.r) / bs.length;
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / maxEvents);
  const yd = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / maxDeaths);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img' });
  chart.append(
    svg(
      'title',
      {},
      i18n.t(width === 1 ? 'timeline.title' : width === 7 ? 'timeline.week' : 'timeline.month'),
    ),
  );
  chart.append(
    svg('line', { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: 'axis' }),
    svg('text', { x: pad.l - 4, y: pad.t + 8, 'text-anchor': 'end', class: 'tick' }, String(maxEvents)),
    svg('text', { x: pad.l - 4, y: H - pad.b, 'text-anchor': 'end', class: 'tick' }, '0'),
    svg('text', { x: W - pad.r + 4, y: pad.t + 8, class: 'tick deaths' }, String(maxDeaths)),
    svg('text', { x: pad.l, y: H - 6, class: 'tick' }, dayString(bs[0]!.from)),
    svg(
      'text',
      { x: W - pad.r, y: H - 6, 'text-anchor': 'end', class: 'tick' },
      dayString(bs[bs.length - 1]!.to),
    ),
  );
  bs.forEach((b, i) => {
    const g = svg('g', {
      class: 'bar',
      'data-from': dayString(b.from),
      'data-to': dayString(b.to),
      'data-events': b.events,
      tabindex: 0,
    });
    let acc = 0;
    for (const type of EVENT_TYPES) {
      const n = b.byType[type] ?? 0;
      if (!n) continue;
      g.append(
        svg('rect', {
          x: pad.l + i * bw + 0.5,
          width: Math.max(1, bw - 1),
          y: y(acc + n),
          height: y(acc) - y(acc + n),
          fill: typeColor(type),
          class: `seg type-${typeSlug(type)}`,
        }),
      );
      acc += n;
    }
    const label = `${dayString(b.from)}${width > 1 ? ` – ${dayString(b.to)}` : ''}: ${b.events} · ${i18n.t('timeline.fatalities')} ${b.fatalities}`;
    g.append(svg('title', {}, label));
    // The whole column is clickable, not only the bar.
    g.append(
      svg('rect', { x: pad.l + i * bw, width: bw, y: pad.t, height: H - pad.t - pad.b, class: 'hit' }),
    );
    const pick = () => onPick(dayString(b.from), dayString(b.to));
    g.addEventListener('click', pick);
    g.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') pick();
    });
    chart.append(g);
  });
  const line = bs
    .map((b, i) => `${(pad.l + (i + 0.5) * bw).toFixed(1)},${yd(b.fatalities).toFixed(1)}`)
    .join(' ');
  chart.append(svg('polyline', { points: line, class: 'deaths-line' }));
  root.append(chart);
  const legend = h('figcaption', { class: 'legend' });
  for (const type of EVENT_TYPES) {
    if (!summary.event_types[type]) continue;
    const sw = h('span', { class: 'swatch' });
    sw.style.background = typeColor(type);
    legend.append(h('span', { class: 'legend-item' }, sw, i18n.type(type)));
  }
  legend.append(
    h('span', { class: 'legend-item' }, h('span', { class: 'swatch line' }), i18n.t('timeline.fatalities')),
  );
  legend.append(h('span', { class: 'muted hint' }, i18n.t('timeline.hint')));
  root.append(legend);
  return root;
}
