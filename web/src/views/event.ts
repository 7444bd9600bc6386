/**
 * One event: its coded values, and every source article with the words each value came from
 * highlighted in the original text.
 */
import { type ArticleDetail, api, type EventDetail, type EventValues } from '../api';
import { typeColor } from '../colors';
import { h, ltr } from '../dom';
import type { I18n } from '../i18n';
import { articleText, evidenceList } from './evidence';

const FIELDS = [
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'location',
  'admin1',
  'country',
  'fatalities',
  'civilian_targeting',
  'interaction',
] as const;

export function valuesTable(v: EventValues, i18n: I18n): HTMLElement {
  const dl = h('dl', { class: 'values', 'data-testid': 'event-values' });
  for (const f of FIELDS) {
    const raw = v[f];
    if (raw === '' || raw === null || raw === undefined) continue;
    let shown = f === 'event_type' ? i18n.type(String(raw)) : String(raw);
    if (i18n.lang === 'ar') {
      const ar = v[`${f}_ar`];
      if (typeof ar === 'string' && ar) shown = `${ar} (${shown})`;
    }
    dl.append(h('dt', {}, i18n.field(f)), h('dd', { 'data-field': f }, h('bdi', {}, shown)));
  }
  if (typeof v.latitude === 'number' && typeof v.longitude === 'number')
    dl.append(
      h('dt', {}, i18n.field('coordinates')),
      h('dd', {}, ltr(`${v.latitude.toFixed(4)}, ${v.longitude.toFixed(4)}`)),
    );
  dl.append(h('dt', {}, i18n.t('event.confidence')), h('dd', {}, ltr(v.confidence.toFixed(2))));
  return dl;
}

export async function eventPage(id: string, i18n: I18n): Promise<HTMLElement> {
  let e: EventDetail;
  try {
    e = await api.event(id);
  } catch (err) {
    return h(
      'section',
      { class: 'page' },
      h('p', { class: 'error' }, i18n.t('error.load', { message: (err as Error).message })),
      back(i18n),
    );
  }
  const articles = new Map<number, ArticleDetail>();
  await Promise.all(
    [...new Set(e.reports.map((r) => r.article.id))].map(async (aid) => {
      articles.set(aid, await api.article(String(aid)));
    }),
  );
  const chip = h('span', { class: 'chip big' });
  chip.style.background = typeColor(e.event_type);
  const page = h(
    'section',
    { class: 'page event-page', 'data-testid': 'event-page', 'data-id': e.event_id },
    back(i18n),
    h(
      'h1',
      {},
      chip,
      `${i18n.type(e.event_type)} — `,
      h('bdi', {}, e.location || e.country),
      ' · ',
      ltr(e.event_date),
    ),
    h('p', { class: 'lead' }, h('bdi', {}, e.notes)),
    h('section', { class: 'panel' }, h('h2', {}, i18n.t('event.fields')), valuesTable(e, i18n)),
    h('h2', {}, i18n.t('event.sources'), ` (${i18n.num(e.reports.length)})`),
  );
  e.reports.forEach((r, i) => {
    const a = articles.get(r.article.id)!;
    page.append(
      h(
        'section',
        { class: 'panel report', 'data-testid': 'report' },
        h(
          'header',
          { class: 'report-head' },
          h(
            'h3',
            {},
            i18n.t('event.report', { n: i + 1 }),
            ' — ',
            h('bdi', {}, r.article.source ?? r.article.url ?? `#${r.article.id}`),
          ),
          h(
            'p',
            { class: 'muted small' },
            r.article.published ? `${i18n.t('article.published')}: ` : '',
            r.article.published ? ltr(r.article.published) : '',
            r.article.published ? ' · ' : '',
            r.merge_reason ? i18n.t('event.merge', { reason: r.merge_reason }) : i18n.t('event.first'),
            ' · ',
            h('a', { href: `#/articles/${r.article.id}` }, i18n.t('event.open_article')),
          ),
        ),
        h(
          'div',
          { class: 'report-body' },
          h(
            'div',
            { class: 'report-values' },
            valuesTable(r.values, i18n),
            h('h4', {}, i18n.t('event.evidence')),
            evidenceList(r.evidence, i18n),
          ),
          articleText(a, [{ group: 0, spans: r.evidence }], i18n),
        ),
      ),
    );
  });
  return page;
}

function back(i18n: I18n): HTMLElement {
  return h(
    'a',
    { href: '#/', class: 'back', 'data-testid': 'back' },
    i18n.dir === 'rtl' ? '→ ' : '← ',
    i18n.t('event.back'),
  );
}
