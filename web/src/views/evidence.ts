/**
 * An article's title and text with evidence spans highlighted. The text is set as text nodes
 * (never parsed as HTML) in the article's own direction: right-to-left for Arabic, whatever the
 * interface language.
 */
import { h } from '../dom';
import { type EvidenceSpan, type Marked, pieces } from '../highlight';
import type { I18n } from '../i18n';

export interface EvidenceGroup {
  group: number;
  spans: EvidenceSpan[];
}

function marked(text: string, groups: EvidenceGroup[], part: 'text' | 'title', i18n: I18n): HTMLElement {
  const marks: Marked[] = [];
  for (const g of groups)
    for (const s of g.spans) if ((s.part ?? 'text') === part) marks.push({ span: s, group: g.group });
  const out = h('span');
  for (const p of pieces(text, marks)) {
    if (!p.fields.length) {
      out.append(p.text);
      continue;
    }
    out.append(
      h(
        'mark',
        {
          class: `evidence ${p.fields.map((f) => `ev-${f}`).join(' ')}`,
          'data-fields': p.fields.join(' '),
          'data-groups': p.groups.join(' '),
          'data-start': p.start,
          title: p.fields.map((f) => i18n.field(f)).join(' · '),
        },
        p.text,
      ),
    );
  }
  return out;
}

export function articleText(
  article: { title: string | null; text: string; lang: string },
  groups: EvidenceGroup[],
  i18n: I18n,
): HTMLElement {
  const dir = article.lang === 'ar' ? 'rtl' : article.lang === 'en' ? 'ltr' : 'auto';
  return h(
    'article',
    { class: 'article-text', dir, lang: article.lang || null, 'data-testid': 'article-text' },
    article.title ? h('h3', { class: 'article-title' }, marked(article.title, groups, 'title', i18n)) : null,
    ...article.text.split(/(\n+)/).reduce<{ nodes: HTMLElement[]; offset: number }>(
      (acc, chunk) => {
        const start = acc.offset;
        acc.offset += chunk.length;
        if (!chunk.trim()) return acc;
        // Each paragraph keeps its offsets: shift the spans to it.
        const local = groups.map((g) => ({
          group: g.group,
          spans: g.spans
            .filter((s) => (s.part ?? 'text') === 'text' && s.end > start && s.start < start + chunk.length)
            .map((s) => ({
              ...s,
              start: Math.max(0, s.start - start),
              end: Math.min(chunk.length, s.end - start),
            })),
        }));
        acc.nodes.push(h('p', {}, marked(chunk, local, 'text', i18n)));
        return acc;
      },
      { nodes: [], offset: 0 },
    ).nodes,
  );
}

/** The list of fields and the words supporting each. */
export function evidenceList(spans: EvidenceSpan[], i18n: I18n): HTMLElement {
  if (!spans.length) return h('p', { class: 'muted' }, i18n.t('event.no_evidence'));
  const list = h('dl', { class: 'evidence-list', 'data-testid': 'evidence-list' });
  const byField = new Map<string, EvidenceSpan[]>();
  for (const s of spans) byField.set(s.field, [...(byField.get(s.field) ?? []), s]);
  for (const [field, ss] of byField) {
    list.append(
      h('dt', {}, i18n.field(field)),
      h(
        'dd',
        { dir: 'auto' },
        ...ss.flatMap((s, i) => [i ? ' · ' : '', h('q', { class: `ev-${field}` }, s.text)]),
      ),
    );
  }
  return list;
}
