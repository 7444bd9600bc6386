/** One stored article: its text with the evidence of every event found in it. */
import { api } from '../api';
import { typeColor } from '../colors';
import { h, ltr } from '../dom';
import type { I18n } from '../i18n';
import { articleText } from './evidence';

export async function articlePage(id: string, i18n: I18n): Promise<HTMLElement> {
  let a: Awaited<ReturnType<typeof api.article>>;
  try {
    a = await api.article(id);
  } catch (err) {
    return h(
      'section',
      { class: 'page' },
      h('p', { class: 'error' }, i18n.t('error.load', { message: (err as Error).message })),
    );
  }
  const list = h('ol', { class: 'article-events' });
  for (const ev of a.events) {
    const chip = h('span', { class: 'chip' });
    chip.style.background = typeColor(ev.values.event_type);
    list.append(
      h(
        'li',
        { 'data-group': ev.index },
        h(
          'a',
          { href: `#/events/${encodeURIComponent(ev.event_id)}` },
          chip,
          i18n.type(ev.values.event_type),
        ),
        ' · ',
        h('bdi', {}, ev.values.location || ev.values.country),
        ' · ',
        ltr(ev.values.event_date),
        ` · ${i18n.t('table.fatalities')}: ${i18n.num(ev.values.fatalities)}`,
      ),
    );
  }
  return h(
    'section',
    { class: 'page article-page', 'data-testid': 'article-page' },
    h('a', { href: '#/', class: 'back' }, i18n.dir === 'rtl' ? '→ ' : '← ', i18n.t('event.back')),
    h(
      'p',
      { class: 'muted small' },
      h('bdi', {}, [a.source, a.published, a.url].filter(Boolean).join(' · ')),
    ),
    h('section', { class: 'panel' }, h('h2', {}, i18n.t('article.events')), list),
    h(
      'section',
      { class: 'panel' },
      articleText(
        a,
        a.events.map((e) => ({ group: e.index, spans: e.evidence })),
        i18n,
      ),
    ),
  );
}
