/**
 * The interface in English and Arabic. The choice is kept in localStorage and sets the page's
 * `lang` and `dir` (Arabic is right-to-left). Event values stay as coded (ACLED's English
 * names); only the interface around them is translated, plus the event types.
 */
export type Lang = 'en' | 'ar';

const EN = {
  'app.name': 'Marsad',
  'nav.events': 'Events',
  'nav.extract': 'Try extraction',
  'nav.api': 'API',
  'lang.other': 'العربية',
  'filters.title': 'Filters',
  'filters.country': 'Country',
  'filters.admin1': 'Region (admin1)',
  'filters.event_type': 'Event type',
  'filters.any_type': 'All types',
  'filters.actor': 'Actor',
  'filters.date_from': 'From',
  'filters.date_to': 'To',
  'filters.q': 'Text in the articles',
  'filters.min_fatalities': 'Fatalities at least',
  'filters.apply': 'Apply',
  'filters.reset': 'Reset',
  'summary.events': 'events',
  'summary.fatalities': 'fatalities',
  'summary.truncated': 'The map and timeline show the newest {n} of {total} events.',
  'summary.none': 'No events match these filters.',
  'summary.empty':
    'The store has no events yet: add articles with `marsad ingest`, `marsad watch` or POST /api/articles.',
  'map.title': 'Map',
  'map.unplaced': '{n} events have no coordinates and are not on the map.',
  'map.open': 'Open event',
  'map.cluster': '{n} events: zoom in',
  'timeline.title': 'Events per day',
  'timeline.fatalities': 'Fatalities',
  'timeline.hint': 'Click a bar to filter on its days.',
  'timeline.week': 'Events per week',
  'timeline.month': 'Events per month (30 days)',
  'table.title': 'Events',
  'table.date': 'Date',
  'table.type': 'Type',
  'table.sub_type': 'Sub-event type',
  'table.actor1': 'Actor 1',
  'table.actor2': 'Actor 2',
  'table.location': 'Location',
  'table.fatalities': 'Fatalities',
  'table.sources': 'Sources',
  'table.more': 'Show more',
  'table.download': 'Download:',
  'table.showing': 'Showing {n} of {total}',
  'event.back': 'Back to events',
  'event.fields': 'Coded values',
  'event.sources': 'Sources',
  'event.report': 'Report {n}',
  'event.merge': 'Merged because: {reason}',
  'event.first': 'First report of this event',
  'event.evidence': 'Evidence in the text',
  'event.no_evidence': 'No evidence spans for this report.',
  'event.confidence': 'Confidence',
  'event.not_found': 'No such event.',
  'event.open_article': 'Open article',
  'article.title': 'Article',
  'article.events': 'Events found in this article',
  'article.published': 'Published',
  'article.source': 'Source',
  'extract.title': 'Try extraction',
  'extract.help': 'Paste an Arabic or English news article. Nothing is stored.',
  'extract.text': 'Article text',
  'extract.article_title': 'Title (optional)',
  'extract.published': 'Publication date (optional)',
  'extract.run': 'Extract events',
  'extract.running': 'Reading…',
  'extract.none': 'No political violence or protest event found in this text.',
  'extract.found': 'Events found: {n}',
  'error.load': 'Could not load: {message}',
  loading: 'Loading…',
  'field.event_date': 'Date',
  'field.event_type': 'Event type',
  'field.sub_event_type': 'Sub-event type',
  'field.actor1': 'Actor 1',
  'field.actor2': 'Actor 2',
  'field.assoc_actor_1': 'Associated actor 1',
  'field.assoc_actor_2': 'Associated actor 2',
  'field.location': 'Location',
  'field.admin1': 'Admin 1',
  'field.admin2': 'Admin 2',
  'field.country': 'Country',
  'field.fatalities': 'Fatalities',
  'field.notes': 'Notes',
  'field.civilian_targeting': 'Civilian targeting',
  'field.coordinates': 'Coordinates',
  'field.interaction': 'Interaction',
  'type.Battles': 'Battles',
  'type.Explosions/Remote violence': 'Explosions/Remote violence',
  'type.Violence against civilians': 'Violence against civilians',
  'type.Protests': 'Protests',
  'type.Riots': 'Riots',
  'type.Strategic developments': 'Strategic developments',
} as const;

export type Key = keyof typeof EN;

const AR: Record<Key, string> = {
  'app.name': 'مرصد',
  'nav.events': 'الأحداث',
  'nav.extract': 'جرّب الاستخراج',
  'nav.api': 'الواجهة البرمجية',
  'lang.other': 'English',
  'filters.title': 'التصفية',
  'filters.country': 'البلد',
  'filters.admin1': 'المنطقة (المحافظة)',
  'filters.event_type': 'نوع الحدث',
  'filters.any_type': 'كل الأنواع',
  'filters.actor': 'الطرف',
  'filters.date_from': 'من',
  'filters.date_to': 'إلى',
  'filters.q': 'نص في المقالات',
  'filters.min_fatalities': 'القتلى على الأقل',
  'filters.apply': 'تطبيق',
  'filters.reset': 'إعادة الضبط',
  'summary.events': 'حدثاً',
  'summary.fatalities': 'قتيلاً',
  'summary.truncated': 'تعرض الخريطة والخط الزمني أحدث {n} من أصل {total} حدثاً.',
  'summary.none': 'لا أحداث تطابق هذه التصفية.',
  'summary.empty':
    'لا أحداث في المخزن بعد: أضف مقالات بالأمر marsad ingest أو marsad watch أو عبر POST /api/articles.',
  'map.title': 'الخريطة',
  'map.unplaced': '{n} من الأحداث بلا إحداثيات ولا تظهر على الخريطة.',
  'map.open': 'فتح الحدث',
  'map.cluster': '{n} أحداث: قرّب الخريطة',
  'timeline.title': 'الأحداث في كل يوم',
  'timeline.fatalities': 'القتلى',
  'timeline.hint': 'انقر على عمود لتصفية الأحداث بأيامه.',
  'timeline.week': 'الأحداث في كل أسبوع',
  'timeline.month': 'الأحداث في كل شهر (٣٠ يوماً)',
  'table.title': 'الأحداث',
  'table.date': 'التاريخ',
  'table.type': 'النوع',
  'table.sub_type': 'النوع الفرعي',
  'table.actor1': 'الطرف الأول',
  'table.actor2': 'الطرف الثاني',
  'table.location': 'المكان',
  'table.fatalities': 'القتلى',
  'table.sources': 'المصادر',
  'table.more': 'عرض المزيد',
  'table.download': 'تنزيل:',
  'table.showing': 'يعرض {n} من {total}',
  'event.back': 'العودة إلى الأحداث',
  'event.fields': 'القيم المرمّزة',
  'event.sources': 'المصادر',
  'event.report': 'التقرير {n}',
  'event.merge': 'دُمج لأن: {reason}',
  'event.first': 'أول تقرير عن هذا الحدث',
  'event.evidence': 'الشواهد في النص',
  'event.no_evidence': 'لا شواهد لهذا التقرير.',
  'event.confidence': 'الثقة',
  'event.not_found': 'لا يوجد حدث بهذا المعرّف.',
  'event.open_article': 'فتح المقال',
  'article.title': 'المقال',
  'article.events': 'الأحداث المستخرجة من هذا المقال',
  'article.published': 'تاريخ النشر',
  'article.source': 'المصدر',
  'extract.title': 'جرّب الاستخراج',
  'extract.help': 'الصق مقالاً إخبارياً بالعربية أو الإنجليزية. لا يُحفظ شيء.',
  'extract.text': 'نص المقال',
  'extract.article_title': 'العنوان (اختياري)',
  'extract.published': 'تاريخ النشر (اختياري)',
  'extract.run': 'استخرج الأحداث',
  'extract.running': 'جارٍ القراءة…',
  'extract.none': 'لم يُعثر في هذا النص على حدث عنف سياسي أو احتجاج.',
  'extract.found': 'عُثر على {n} من الأحداث',
  'error.load': 'تعذّر التحميل: {message}',
  loading: 'جارٍ التحميل…',
  'field.event_date': 'التاريخ',
  'field.event_type': 'نوع الحدث',
  'field.sub_event_type': 'النوع الفرعي',
  'field.actor1': 'الطرف الأول',
  'field.actor2': 'الطرف الثاني',
  'field.assoc_actor_1': 'طرف مرتبط بالأول',
  'field.assoc_actor_2': 'طرف مرتبط بالثاني',
  'field.location': 'المكان',
  'field.admin1': 'المحافظة',
  'field.admin2': 'المنطقة',
  'field.country': 'البلد',
  'field.fatalities': 'القتلى',
  'field.notes': 'ملاحظات',
  'field.civilian_targeting': 'استهداف المدنيين',
  'field.coordinates': 'الإحداثيات',
  'field.interaction': 'التفاعل',
  'type.Battles': 'معارك',
  'type.Explosions/Remote violence': 'انفجارات/عنف عن بُعد',
  'type.Violence against civilians': 'عنف ضد المدنيين',
  'type.Protests': 'احتجاجات',
  'type.Riots': 'أعمال شغب',
  'type.Strategic developments': 'تطورات استراتيجية',
};

const TABLES: Record<Lang, Record<Key, string>> = { en: EN, ar: AR };
const STORAGE_KEY = 'marsad.lang';

export class I18n {
  private listeners: (() => void)[] = [];

  constructor(public lang: Lang) {}

  /** The saved choice, else the browser's language. */
  static initial(): I18n {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(STORAGE_KEY);
    } catch {
      // storage disabled: fall through
    }
    if (saved === 'ar' || saved === 'en') return new I18n(saved);
    return new I18n(navigator.language?.startsWith('ar') ? 'ar' : 'en');
  }

  t(key: Key, vars: Record<string, string | number> = {}): string {
    const s = TABLES[this.lang][key] ?? EN[key];
    return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? this.num(vars[k]!) : `{${k}}`));
  }

  /** An event type in the interface language (unknown types as they are). */
  type(type: string): string {
    const key = `type.${type}` as Key;
    return key in EN ? this.t(key) : type;
  }

  field(name: string): string {
    const key = `field.${name}` as Key;
    return key in EN ? this.t(key) : name;
  }

  num(v: string | number): string {
    return typeof v === 'number' ? v.toLocaleString(this.lang === 'ar' ? 'ar-EG' : 'en-GB') : v;
  }

  get dir(): 'rtl' | 'ltr' {
    return this.lang === 'ar' ? 'rtl' : 'ltr';
  }

  set(lang: Lang): void {
    this.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage disabled: the choice lasts for this page
    }
    this.apply();
    for (const f of this.listeners) f();
  }

  onChange(f: () => void): void {
    this.listeners.push(f);
  }

  /** Sets the page's language and direction and the static labels (`data-i18n`). */
  apply(): void {
    const root = document.documentElement;
    root.lang = this.lang;
    root.dir = this.dir;
    document.title = this.t('app.name');
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
      el.textContent = this.t(el.dataset.i18n as Key);
  }
}
