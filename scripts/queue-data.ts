/**
 * Self-written Arabic articles for the queue test and benchmark: `events` distinct events, each
 * reported by `reports` articles worded differently, like a regional news feed: events in 25
 * towns of 12 countries (more in Syria, Iraq, Yemen and Sudan), about six a day, and each
 * event's reports spread over the articles that follow it. Two events in one town are four
 * days apart and towns of one country lie in different regions, far apart (the dedup rules
 * merge reports at most three days and 10 km apart), so the right answer is exactly `events`
 * events.
 */

/** Each town with the country and region the extractor resolves it to (checked by a test). */
export const PLACES = [
  { town: 'مدينة الحسكة', country: 'Syria', admin1: 'Al Hasakeh' },
  { town: 'مدينة الموصل', country: 'Iraq', admin1: 'Ninewa' },
  { town: 'مدينة تعز', country: 'Yemen', admin1: 'Taizz' },
  { town: 'مدينة الفاشر', country: 'Sudan', admin1: 'North Darfur' },
  { town: 'مدينة سرت', country: 'Libya', admin1: 'Sirte' },
  { town: 'مدينة درعا', country: 'Syria', admin1: "Dar'a" },
  { town: 'مدينة بيدوا', country: 'Somalia', admin1: 'Bay' },
  { town: 'مدينة جنين', country: 'Palestine', admin1: 'West Bank' },
  { town: 'مدينة الرمادي', country: 'Iraq', admin1: 'Al Anbar' },
  { town: 'مدينة الحديدة', country: 'Yemen', admin1: 'Al Hudaydah' },
  { town: 'مدينة بعلبك', country: 'Lebanon', admin1: 'Baalbek-Hermel' },
  { town: 'مدينة الأبيض', country: 'Sudan', admin1: 'North Kordofan' },
  { town: 'مدينة إدلب', country: 'Syria', admin1: 'Idleb' },
  { town: 'مدينة العريش', country: 'Egypt', admin1: 'North Sinai' },
  { town: 'مدينة كركوك', country: 'Iraq', admin1: 'Kirkuk' },
  { town: 'مدينة مأرب', country: 'Yemen', admin1: 'Marib' },
  { town: 'مدينة تمبكتو', country: 'Mali', admin1: 'Timbuktu' },
  { town: 'مدينة نيالا', country: 'Sudan', admin1: 'South Darfur' },
  { town: 'مدينة درنة', country: 'Libya', admin1: 'Derna' },
  { town: 'مدينة دير الزور', country: 'Syria', admin1: 'Deir-ez-Zor' },
  { town: 'مدينة بلدوين', country: 'Somalia', admin1: 'Hiraan' },
  { town: 'مدينة خان يونس', country: 'Palestine', admin1: 'Gaza Strip' },
  { town: 'مدينة صيدا', country: 'Lebanon', admin1: 'South Lebanon' },
  { town: 'مدينة أبشي', country: 'Chad', admin1: 'Ouaddai' },
  { town: 'مدينة مايدوغوري', country: 'Nigeria', admin1: 'Borno' },
] as const;

/** Days between two events in one town (each town gets every PLACES.length-th event). */
const TOWN_DAYS = 4;
/** How many events later the next report of an event arrives in the feed. */
const SPREAD = 8;

const OPENINGS = [
  (n: number, town: string) => `قُتل ${n} مدنيين أمس في قصف مدفعي استهدف ${town}، وفق ما أفاد مصدر محلي.`,
  (n: number, town: string) => `أفاد ناشطون بمقتل ${n} مدنيين أمس جراء قصف مدفعي على ${town}.`,
  (n: number, town: string) => `لقي ${n} مدنيين حتفهم أمس بقصف مدفعي طال ${town} بحسب مصادر محلية.`,
];
const CLOSINGS = [
  'وأضاف المصدر أن القصف ألحق أضرارا كبيرة بالمنازل والمحال التجارية في المنطقة.',
  'وأشار المصدر إلى أن فرق الإسعاف نقلت الجرحى إلى المستشفى الوطني.',
  'ولم تعلن أي جهة مسؤوليتها عن القصف حتى الآن.',
];

/** Background paragraphs with no event in them, to give articles a news story's length. */
const BACKGROUND = [
  'وتعاني المنطقة منذ سنوات من أزمة اقتصادية حادة وارتفاع كبير في أسعار المواد الغذائية والوقود.',
  'ويشكو السكان من انقطاع الكهرباء لساعات طويلة يوميا ونقص في مياه الشرب مع اقتراب فصل الشتاء.',
  'وقالت منظمات إنسانية إن آلاف العائلات بحاجة إلى مساعدات عاجلة تشمل الغذاء والدواء والتدفئة.',
  'ويعتمد معظم الأهالي على الزراعة وتربية المواشي، وقد تراجعت المحاصيل بسبب الجفاف في الموسم الماضي.',
  'وتحاول المدارس استئناف الدوام رغم نقص المعلمين والكتب، بحسب ما ذكره مسؤولون في قطاع التعليم.',
  'ويأمل السكان أن تسهم المفاوضات الجارية في تحسين الأوضاع المعيشية وعودة النازحين إلى قراهم.',
];

export interface QueueArticle {
  id: string;
  title: string;
  text: string;
  published: string;
}

/** The publication date of event k's reports (the events happened the day before). */
function published(k: number): string {
  const day = Math.floor((k * TOWN_DAYS) / PLACES.length);
  return new Date(Date.UTC(2023, 0, 2) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Where and when event k happened: its town, and the day before its publication date. */
export function eventPlace(k: number): (typeof PLACES)[number] & { published: string } {
  return { ...PLACES[k % PLACES.length]!, published: published(k) };
}

/**
 * The articles, report r of event k as id `e{k}r{r}`, in feed order: event by event, each
 * event's report r arriving SPREAD * r events after its first. `background`: paragraphs of
 * background added to each (0: about 170 characters; 24: about 2,400, a news story).
 */
export function queueArticles(events: number, reports: number, background = 0): QueueArticle[] {
  const out: { key: number; article: QueueArticle }[] = [];
  for (let k = 0; k < events; k++)
    for (let r = 0; r < reports; r++) {
      const { town } = PLACES[k % PLACES.length]!;
      const n = (k % 7) + 2;
      const parts = [OPENINGS[r % OPENINGS.length]!(n, town), CLOSINGS[(r + k) % CLOSINGS.length]!];
      for (let b = 0; b < background; b++) parts.push(BACKGROUND[(b + k + r) % BACKGROUND.length]!);
      const text = `${parts.join('\n\n')} (التقرير ${k}-${r})`;
      const article = { id: `e${k}r${r}`, title: `قصف على ${town} (${r})`, text, published: published(k) };
      out.push({ key: (k + SPREAD * r) * reports + r, article });
    }
  return out.sort((a, b) => a.key - b.key).map((x) => x.article);
}

export function toJsonl(articles: QueueArticle[]): string {
  return articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
}
