/**
 * The main page: filters, totals, the map, the timeline and the table, all over the same
 * filtered events. Filters live in the address; changing them updates the page in place.
 */
import { type ApiEvent, api, type Config, type Summary } from '../api';
import { EVENT_TYPES } from '../colors';
import { clear, h } from '../dom';
import { eventsHash, type Filters, toQuery } from '../filters';
import type { I18n } from '../i18n';
import { EventMap } from './map';
import { eventTable, type Sort } from './table';
import { bins, timeline } from './timeline';

const PAGE = 500;

export class Dashboard {
  readonly root = h('section', { class: 'dashboard', 'data-testid': 'dashboard' });
  private readonly form = h('form', { class: 'filters', 'data-testid': 'filters', role: 'search' });
  private readonly status = h('p', { class: 'summary', 'data-testid': 'summary' });
  private readonly mapBox = h('div', { class: 'map', 'data-testid': 'map', dir: 'ltr' });
  private readonly mapNote = h('p', { class: 'muted small' });
  private readonly timelineBox = h('div', { class: 'timeline-box' });
  private readonly timelineTitle = h('h2', {});
  private readonly tableBox = h('div', { class: 'table-box' });
  private readonly downloads = h('p', { class: 'downloads small', 'data-testid': 'downloads' });
  private map: EventMap | null = null;
  private filters: Filters = {};
  private summary: Summary | null = null;
  private rows: ApiEvent[] = [];
  private total = 0;
  private next: string | null = null;
  private sort: Sort = { column: 0, desc: true };
  private generation = 0;

  constructor(
    private readonly i18n: I18n,
    private readonly config: Config,
  ) {
    this.root.append(
      this.form,
      this.status,
      h(
        'div',
        { class: 'panels' },
        h(
          'section',
          { class: 'panel map-panel' },
          h('h2', {}, i18n.t('map.title')),
          this.mapBox,
          this.mapNote,
        ),
        h('section', { class: 'panel timeline-panel' }, this.timelineTitle, this.timelineBox),
      ),
      h(
        'section',
        { class: 'panel table-panel' },
        h('header', { class: 'panel-head' }, h('h2', {}, i18n.t('table.title')), this.downloads),
        this.tableBox,
      ),
    );
  }

  /** Mounts the map once the section is in the document (Leaflet needs its size). */
  mount(): void {
    this.map ??= new EventMap(this.mapBox, this.i18n, (id) => this.open(id), this.config.tiles);
  }

  destroy(): void {
    this.map?.destroy();
    this.map = null;
  }

  private open(id: string): void {
    location.hash = `#/events/${encodeURIComponent(id)}`;
  }

  private go(f: Filters): void {
    location.hash = eventsHash(f);
  }

  async update(filters: Filters): Promise<void> {
    const gen = ++this.generation;
    const first = this.summary === null;
    this.filters = filters;
    this.drawForm();
    this.status.textContent = this.i18n.t('loading');
    this.root.setAttribute('aria-busy', 'true');
    const query = toQuery(filters);
    try {
      const pageQuery = new URLSearchParams(query);
      pageQuery.set('limit', String(PAGE));
      const [summary, page] = await Promise.all([api.summary(query), api.events(pageQuery)]);
      if (gen !== this.generation) return;
      this.summary = summary;
      this.rows = page.events;
      this.total = page.count;
      this.next = page.next;
      this.drawSummary();
      this.map?.setPoints(summary.points, true);
      this.drawTimeline();
      this.drawTable();
      void first;
    } catch (e) {
      if (gen !== this.generation) return;
      this.status.textContent = this.i18n.t('error.load', { message: (e as Error).message });
      this.status.classList.add('error');
    } finally {
      if (gen === this.generation) this.root.setAttribute('aria-busy', 'false');
    }
  }

  private input(name: keyof Filters, label: string, attrs: Record<string, string> = {}): HTMLElement {
    const id = `f-${name}`;
    return h(
      'label',
      { class: `field field-${name}`, for: id },
      h('span', {}, label),
      h('input', { id, name, value: this.filters[name] ?? '', 'data-testid': `filter-${name}`, ...attrs }),
    );
  }

  private drawForm(): void {
    const t = (k: Parameters<I18n['t']>[0]) => this.i18n.t(k);
    clear(this.form);
    const countries = h('datalist', { id: 'dl-countries' });
    const regions = h('datalist', { id: 'dl-admin1' });
    for (const c of Object.keys(this.summary?.countries ?? {}).sort())
      countries.append(h('option', { value: c }));
    for (const c of Object.keys(this.summary?.admin1 ?? {}).sort()) regions.append(h('option', { value: c }));
    const type = h('select', { id: 'f-event_type', name: 'event_type', 'data-testid': 'filter-event_type' });
    type.append(h('option', { value: '' }, t('filters.any_type')));
    for (const ty of EVENT_TYPES)
      type.append(h('option', { value: ty, selected: this.filters.event_type === ty }, this.i18n.type(ty)));
    this.form.append(
      this.input('country', t('filters.country'), { list: 'dl-countries', autocomplete: 'off' }),
      this.input('admin1', t('filters.admin1'), { list: 'dl-admin1', autocomplete: 'off' }),
      h(
        'label',
        { class: 'field field-event_type', for: 'f-event_type' },
        h('span', {}, t('filters.event_type')),
        type,
      ),
      this.input('actor', t('filters.actor')),
      this.input('date_from', t('filters.date_from'), { type: 'date' }),
      this.input('date_to', t('filters.date_to'), { type: 'date' }),
      this.input('q', t('filters.q'), { type: 'search', dir: 'auto' }),
      this.input('min_fatalities', t('filters.min_fatalities'), { type: 'number', min: '0', step: '1' }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', 'data-testid': 'filter-apply' }, t('filters.apply')),
        h('button', { type: 'reset', 'data-testid': 'filter-reset' }, t('filters.reset')),
      ),
      countries,
      regions,
    );
    this.form.onsubmit = (e) => {
      e.preventDefault();
      const data = new FormData(this.form);
      const f: Filters = {};
      for (const [k, v] of data.entries())
        if (typeof v === 'string' && v.trim()) f[k as keyof Filters] = v.trim();
      this.go(f);
    };
    this.form.onreset = (e) => {
      e.preventDefault();
      this.go({});
    };
    type.onchange = () => this.form.requestSubmit();
  }

  private drawSummary(): void {
    const s = this.summary!;
    this.status.classList.remove('error');
    clear(this.status);
    if (!s.count) {
      const filtered = Object.keys(this.filters).length > 0;
      this.status.append(
        h('span', { 'data-testid': 'empty' }, this.i18n.t(filtered ? 'summary.none' : 'summary.empty')),
      );
      return;
    }
    this.status.append(
      h('strong', { 'data-testid': 'count' }, this.i18n.num(s.count)),
      ` ${this.i18n.t('summary.events')} · `,
      h('strong', {}, this.i18n.num(s.fatalities)),
      ` ${this.i18n.t('summary.fatalities')}`,
    );
    if (s.truncated)
      this.status.append(
        h(
          'span',
          { class: 'muted' },
          ' — ',
          this.i18n.t('summary.truncated', { n: s.scanned, total: s.count }),
        ),
      );
    const unplaced = s.scanned - s.points.length;
    this.mapNote.textContent = unplaced ? this.i18n.t('map.unplaced', { n: unplaced }) : '';
  }

  private drawTimeline(): void {
    clear(this.timelineBox);
    if (!this.summary) return;
    const width = this.timelineBox.clientWidth || 640;
    const binDays = bins(this.summary.daily).width;
    this.timelineTitle.textContent = this.i18n.t(
      binDays === 1 ? 'timeline.title' : binDays === 7 ? 'timeline.week' : 'timeline.month',
    );
    this.timelineBox.append(
      timeline(
        this.summary,
        this.i18n,
        (from, to) => this.go({ ...this.filters, date_from: from, date_to: to }),
        width,
      ),
    );
  }

  /** Links to the exports of exactly what is shown (every matching event, not only this page). */
  private drawDownloads(): void {
    clear(this.downloads);
    const q = toQuery(this.filters).toString();
    this.downloads.append(this.i18n.t('table.download'));
    for (const [format, label] of [
      ['csv', 'CSV (ACLED)'],
      ['geojson', 'GeoJSON'],
      ['jsonl', 'JSONL'],
    ] as const)
      this.downloads.append(
        ' ',
        h(
          'a',
          { href: `/api/events.${format}${q ? `?${q}` : ''}`, download: `marsad-events.${format}` },
          label,
        ),
      );
  }

  private drawTable(): void {
    this.drawDownloads();
    clear(this.tableBox);
    this.tableBox.append(
      eventTable(
        this.rows,
        this.sort,
        this.i18n,
        (s) => {
          this.sort = s;
          this.drawTable();
        },
        (id) => this.open(id),
      ),
      h(
        'p',
        { class: 'muted small' },
        this.i18n.t('table.showing', { n: this.rows.length, total: this.total }),
      ),
    );
    if (this.next) {
      const more = h('button', { type: 'button', 'data-testid': 'table-more' }, this.i18n.t('table.more'));
      more.addEventListener('click', async () => {
        const q = toQuery(this.filters);
        q.set('limit', String(PAGE));
        q.set('cursor', this.next!);
        more.disabled = true;
        const page = await api.events(q);
        this.rows = this.rows.concat(page.events);
        this.next = page.next;
        this.drawTable();
      });
      this.tableBox.append(more);
    }
  }
}
