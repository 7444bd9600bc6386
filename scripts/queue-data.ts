/**
 * Self-written Arabic articles for the queue test and benchmark: `events` distinct events, each
 * reported by `reports` articles worded differently. Events are three days apart (the dedup rules
 * match reports at most one day apart), so the right answer is exactly `events` events.
 */
const TOWNS = ['مدينة الحسكة', 'بلدة سراقب', 'مدينة درعا', 'بلدة تل تمر', 'مدينة الميادين', 'مدينة إدلب'];
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

function date(k: number): string {
  return new Date(Date.UTC(2023, 0, 2) + 3 * k * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The articles, report r of event k as id `e{k}r{r}`, interleaved (event 0's reports spread
 * out). `background`: paragraphs of background added to each (0: about 170 characters; 12:
 * about 1,500, a short wire story).
 */
export function queueArticles(events: number, reports: number, background = 0): QueueArticle[] {
  const out: QueueArticle[] = [];
  for (let r = 0; r < reports; r++)
    for (let k = 0; k < events; k++) {
      const town = TOWNS[k % TOWNS.length]!;
      const n = (k % 7) + 2;
      const parts = [OPENINGS[r % OPENINGS.length]!(n, town), CLOSINGS[(r + k) % CLOSINGS.length]!];
      for (let b = 0; b < background; b++) parts.push(BACKGROUND[(b + k + r) % BACKGROUND.length]!);
      const text = `${parts.join('\n\n')} (التقرير ${k}-${r})`;
      out.push({ id: `e${k}r${r}`, title: `قصف على ${town} (${r})`, text, published: date(k) });
    }
  return out;
}

export function toJsonl(articles: QueueArticle[]): string {
  return articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
}
