/** Paste an article and see what `extract` finds in it, with the evidence highlighted. Nothing is stored. */
import { api } from '../api';
import { typeColor } from '../colors';
import { clear, h } from '../dom';
import type { I18n } from '../i18n';
import { valuesTable } from './event';
import { articleText, evidenceList } from './evidence';

export function extractPage(i18n: I18n): HTMLElement {
  const text = h('textarea', {
    id: 'x-text',
    name: 'text',
    rows: 12,
    dir: 'auto',
    required: true,
    'data-testid': 'extract-text',
  });
  const title = h('input', { id: 'x-title', name: 'title', dir: 'auto', 'data-testid': 'extract-title' });
  const published = h('input', {
    id: 'x-published',
    name: 'published',
    type: 'date',
    'data-testid': 'extract-published',
  });
  const run = h(
    'button',
    { type: 'submit', class: 'primary', 'data-testid': 'extract-run' },
    i18n.t('extract.run'),
  );
  const result = h('div', {
    class: 'extract-result',
    'data-testid': 'extract-result',
    'aria-live': 'polite',
  });
  const form = h(
    'form',
    { class: 'panel extract-form' },
    h('p', { class: 'muted' }, i18n.t('extract.help')),
    h('label', { for: 'x-title' }, i18n.t('extract.article_title')),
    title,
    h('label', { for: 'x-text' }, i18n.t('extract.text')),
    text,
    h('label', { for: 'x-published' }, i18n.t('extract.published')),
    published,
    h('div', { class: 'actions' }, run),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    run.disabled = true;
    clear(result);
    result.append(h('p', { class: 'muted' }, i18n.t('extract.running')));
    try {
      const article = {
        text: text.value,
        title: title.value || undefined,
        published: published.value || undefined,
      };
      const out = await api.extract(article);
      clear(result);
      if (!out.events.length) {
        result.append(h('p', { 'data-testid': 'extract-none' }, i18n.t('extract.none')));
        return;
      }
      result.append(
        h('h2', { 'data-testid': 'extract-count' }, i18n.t('extract.found', { n: out.events.length })),
      );
      const cards = h('div', { class: 'cards' });
      out.events.forEach((ev, i) => {
        const chip = h('span', { class: 'chip' });
        chip.style.background = typeColor(ev.event_type);
        cards.append(
          h(
            'section',
            { class: 'panel card', 'data-testid': 'extract-event', 'data-group': i },
            h('h3', {}, chip, `${i + 1}. ${i18n.type(ev.event_type)}`),
            valuesTable(ev, i18n),
            h('h4', {}, i18n.t('event.evidence')),
            evidenceList(ev.evidence, i18n),
          ),
        );
      });
      result.append(
        cards,
        h(
          'section',
          { class: 'panel' },
          articleText(
            { title: article.title ?? null, text: article.text, lang: out.lang },
            out.events.map((ev, i) => ({ group: i, spans: ev.evidence })),
            i18n,
          ),
        ),
      );
    } catch (err) {
      clear(result);
      result.append(h('p', { class: 'error' }, i18n.t('error.load', { message: (err as Error).message })));
    } finally {
      run.disabled = false;
    }
  });
  return h(
    'section',
    { class: 'page extract-page', 'data-testid': 'extract-page' },
    h('h1', {}, i18n.t('extract.title')),
    form,
    result,
  );
}
