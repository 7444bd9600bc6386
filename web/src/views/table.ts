/** The events table: sortable columns (over the rows loaded), each row opening its event. */
import type { ApiEvent } from '../api';
import { typeColor } from '../colors';
import { h } from '../dom';
import type { I18n, Key } from '../i18n';

type Column = { key: Key; value: (e: ApiEvent) => string | number; numeric?: boolean };

const COLUMNS: Column[] = [
  { key: 'table.date', value: (e) => e.event_date },
  { key: 'table.type', value: (e) => e.event_type },
  { key: 'table.sub_type', value: (e) => e.sub_event_type },
  { key: 'table.actor1', value: (e) => e.actor1 },
  { key: 'table.actor2', value: (e) => e.actor2 },
  { key: 'table.location', value: (e) => [e.location, e.admin1, e.country].filter(Boolean).join(', ') },
  { key: 'table.fatalities', value: (e) => e.fatalities, numeric: true },
  { key: 'table.sources', value: (e) => e.report_count, numeric: true },
];

export interface Sort {
  column: number;
  desc: boolean;
}

export function sortEvents(events: ApiEvent[], sort: Sort): ApiEvent[] {
  const col = COLUMNS[sort.column] ?? COLUMNS[0]!;
  const dir = sort.desc ? -1 : 1;
  return [...events].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * dir || a.event_id.localeCompare(b.event_id);
  });
}

export function eventTable(
  events: ApiEvent[],
  sort: Sort,
  i18n: I18n,
  onSort: (s: Sort) => void,
  onOpen: (id: string) => void,
): HTMLTableElement {
  const head = h('tr');
  COLUMNS.forEach((c, i) => {
    const active = sort.column === i;
    const button = h(
      'button',
      { type: 'button', class: 'sort', 'data-column': i },
      i18n.t(c.key),
      active ? (sort.desc ? ' ▼' : ' ▲') : '',
    );
    button.addEventListener('click', () => onSort({ column: i, desc: active ? !sort.desc : !!c.numeric }));
    head.append(
      h(
        'th',
        {
          scope: 'col',
          'aria-sort': active ? (sort.desc ? 'descending' : 'ascending') : 'none',
          class: c.numeric ? 'num' : null,
        },
        button,
      ),
    );
  });
  const body = h('tbody');
  for (const e of sortEvents(events, sort)) {
    const chip = h('span', { class: 'chip' });
    chip.style.background = typeColor(e.event_type);
    const link = h('a', { href: `#/events/${encodeURIComponent(e.event_id)}`, dir: 'ltr' }, e.event_date);
    const row = h(
      'tr',
      { 'data-testid': 'event-row', 'data-id': e.event_id, tabindex: 0 },
      h('td', { class: 'date' }, link),
      h('td', {}, chip, i18n.type(e.event_type)),
      h('td', {}, e.sub_event_type),
      h('td', {}, h('bdi', {}, i18n.lang === 'ar' && e.actor1_ar ? e.actor1_ar : e.actor1)),
      h('td', {}, h('bdi', {}, i18n.lang === 'ar' && e.actor2_ar ? e.actor2_ar : e.actor2)),
      h('td', {}, h('bdi', {}, String(COLUMNS[5]!.value(e)))),
      h('td', { class: 'num' }, i18n.num(e.fatalities)),
      h('td', { class: 'num' }, i18n.num(e.report_count)),
    );
    row.addEventListener('click', (ev) => {
      if ((ev.target as HTMLElement).closest('a')) return;
      onOpen(e.event_id);
    });
    row.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') onOpen(e.event_id);
    });
    body.append(row);
  }
  return h('table', { class: 'events', 'data-testid': 'events-table' }, h('thead', {}, head), body);
}
