/**
 * Generated news for the crash tests (self-written, Arabic and English): `groups` shelling
 * events, each reported by several articles that differ in wording, language and toll, so that
 * storing them merges reports into events. Two groups never describe one event (another town,
 * or the same town at least three weeks apart), so the events a store ends with do not depend
 * on the order the articles arrive in.
 */

export interface NewsArticle {
  id: string;
  title: string;
  text: string;
  published: string;
  url: string;
  /** The event it reports (for the tests' own bookkeeping). */
  group: number;
}

const TOWNS = [
  { ar: 'مدينة إدلب', en: 'Idlib', countryAr: 'سوريا', country: 'Syria' },
  { ar: 'مدينة درعا', en: 'Daraa', countryAr: 'سوريا', country: 'Syria' },
  { ar: 'مدينة الموصل', en: 'Mosul', countryAr: 'العراق', country: 'Iraq' },
  { ar: 'مدينة تعز', en: 'Taiz', countryAr: 'اليمن', country: 'Yemen' },
  { ar: 'مدينة سرت', en: 'Sirte', countryAr: 'ليبيا', country: 'Libya' },
  { ar: 'مدينة الفاشر', en: 'El Fasher', countryAr: 'السودان', country: 'Sudan' },
] as const;

/** Report wordings: [title, text] for a town, a toll and a tag that makes the text unique. */
const WORDINGS: ((t: (typeof TOWNS)[number], n: number, tag: string) => [string, string])[] = [
  (t, n, tag) => [
    `مقتل ${n} مدنيين بقصف على ${t.ar}`,
    `${t.ar} - قتل ${n} مدنيين أمس في قصف مدفعي استهدف سوقا شعبيا في ${t.ar}، بحسب ما أفاد مصدر طبي (${tag}).`,
  ],
  (t, n, tag) => [
    `قصف مدفعي على ${t.ar}`,
    `أفاد مسعفون بمقتل ${n + 1} مدنيين أمس جراء قصف مدفعي على أحياء سكنية في ${t.ar}، وأضافوا أن الجرحى نقلوا إلى المستشفى (${tag}).`,
  ],
  (t, n, tag) => [
    `${n} قتلى في ${t.ar}`,
    `${t.ar} (${t.countryAr}) - سقط ${n} قتلى من المدنيين أمس بقصف مدفعي طال ${t.ar}، وفق مصادر محلية (${tag}).`,
  ],
  (t, n, tag) => [
    `Shelling kills ${n} in ${t.en}`,
    `${t.en.toUpperCase()} - Artillery shelling killed ${n} civilians in ${t.en}, ${t.country}, yesterday, medical sources said (${tag}).`,
  ],
  (t, n, tag) => [
    `Market shelled in ${t.en}`,
    `Shelling hit a market in ${t.en}, ${t.country}, yesterday, killing ${n + 2} civilians, local officials said (${tag}).`,
  ],
];

const AFTERWORD = [
  'وتشهد المنطقة تصعيدا منذ أسابيع رغم الدعوات المتكررة إلى التهدئة.',
  'The area has seen weeks of escalation despite repeated calls for calm.',
];

function day(base: string, days: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `groups` × `perGroup` articles (at most 5 per group), group by group. */
export function reportedEvents(groups: number, perGroup: number, prefix = 'n'): NewsArticle[] {
  if (perGroup > WORDINGS.length) throw new Error(`at most ${WORDINGS.length} reports per event`);
  const out: NewsArticle[] = [];
  for (let g = 0; g < groups; g++) {
    const town = TOWNS[g % TOWNS.length]!;
    const date = day('2024-01-01', 4 * g); // one town comes back every 24 days
    for (let r = 0; r < perGroup; r++) {
      const id = `${prefix}${g}-${r}`;
      const [title, lead] = WORDINGS[r]!(town, 3 + (g % 4), id);
      const afterword = AFTERWORD[r < 3 ? 0 : 1]!;
      out.push({
        id,
        title,
        text: `${lead}\n${afterword}`,
        published: day(date, 1),
        url: `https://news.example/${prefix}/${g}/${r}`,
        group: g,
      });
    }
  }
  return out;
}
