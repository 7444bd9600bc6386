import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../doc.js';
import type { Lang } from '../types.js';
import { parsePublished } from './common/calendar.js';
import { runDates } from './common/engine.js';
import { dateConfig, findDates, parseDate } from './index.js';
import type { DateValue } from './types.js';

/** [span text, date, precision, kind] for every date found, checking offsets against the text. */
function dates(text: string, lang: Lang, published?: string): [string, string, number, DateValue['kind']][] {
  const doc = createDoc({ text, lang, published });
  const spans = findDates(doc);
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(doc.text.length);
    expect(s.label).toBe('date');
  }
  return spans.map((s) => [doc.text.slice(s.start, s.end), s.value.date, s.value.precision, s.value.kind]);
}

const one = (text: string, lang: Lang, published?: string) => dates(text, lang, published)[0];

describe('Arabic absolute dates', () => {
  it('reads both month series, combined forms and years', () => {
    const pub = '2022-01-23';
    const cases: [string, string, string][] = [
      [
        'هاجم التنظيم السجن في 21 كانون الثاني/يناير 2022 وقتل سبعة',
        '21 كانون الثاني/يناير 2022',
        '2022-01-21',
      ],
      ['وقع الهجوم في 21 يناير (كانون الثاني) 2022 في الحسكة', '21 يناير (كانون الثاني) 2022', '2022-01-21'],
      ['في 3 شباط 2021 خرجت تظاهرة', '3 شباط 2021', '2021-02-03'],
      ['في 5 آذار 2020 قصفت الطائرات', '5 آذار 2020', '2020-03-05'],
      ['في 9 تشرين الأول 2019 بدأ الهجوم', '9 تشرين الأول 2019', '2019-10-09'],
      ['في 12 أغسطس 2018 اندلعت اشتباكات', '12 أغسطس 2018', '2018-08-12'],
      ['في ١٥ ابريل ٢٠١٧ قتل جنديان', '١٥ ابريل ٢٠١٧', '2017-04-15'],
      ['في 7 يونيه 2016', '7 يونيه 2016', '2016-06-07'],
      ['وقع الهجوم في 21/1/2022 مساء', '21/1/2022', '2022-01-21'],
      ['وقع الهجوم بتاريخ 2022-01-21 مساء', '2022-01-21', '2022-01-21'],
      ['الجمعة 21 يناير قتل سبعة', 'الجمعة 21 يناير', '2022-01-21'],
      ['يوم الجمعة الموافق 21 يناير 2022', 'يوم الجمعة الموافق 21 يناير 2022', '2022-01-21'],
    ];
    for (const [text, span, date] of cases)
      expect(one(text, 'ar', pub), text).toEqual([span, date, 1, 'absolute']);
  });

  it('reads month-only and year-only mentions', () => {
    expect(one('في مارس 2019 اندلعت الاحتجاجات', 'ar', '2022-01-21')).toEqual([
      'مارس 2019',
      '2019-03-15',
      3,
      'month',
    ]);
    expect(one('في آب الماضي', 'ar', '2022-01-21')).toEqual(['آب الماضي', '2021-08-15', 3, 'month']);
    expect(one('منذ مارس قتل العشرات', 'ar', '2022-05-02')).toEqual(['مارس', '2022-03-15', 3, 'month']);
    const y = parseDate('طرد التنظيم في عام 2014 من المدينة', 'ar', '2022-01-21');
    expect(y).toEqual({ date: '2014-07-01', precision: 3, relative: false, kind: 'year', year: 2014 });
    expect(one('في عام 2014 سيطر التنظيم', 'ar')?.[0]).toBe('عام 2014');
    expect(one('منذ 2011 تشهد البلاد', 'ar')?.[0]).toBe('2011');
  });

  it('resolves a day and month without a year to the closest date on or before publication', () => {
    expect(one('قتل في 30 ديسمبر', 'ar', '2022-01-02')).toEqual(['30 ديسمبر', '2021-12-30', 1, 'absolute']);
    expect(one('وجهت في 14 يوليو الماضي الاتهام', 'ar', '2022-01-03')).toEqual([
      '14 يوليو الماضي',
      '2021-07-14',
      1,
      'absolute',
    ]);
  });
});

describe('Arabic relative dates', () => {
  const pub = '2022-01-21'; // a Friday
  const cases: [string, string, string, number, DateValue['kind']][] = [
    ['قتل جندي اليوم في هجوم', 'اليوم', '2022-01-21', 1, 'relative_day'],
    ['قتل جندي أمس في هجوم', 'أمس', '2022-01-20', 1, 'relative_day'],
    ['قتل جندي البارحة', 'البارحة', '2022-01-20', 1, 'relative_day'],
    ['قتل جندي أول أمس', 'أول أمس', '2022-01-19', 1, 'relative_day'],
    ['وقع الانفجار ظهر أمس الأول', 'ظهر أمس الأول', '2022-01-19', 1, 'relative_day'],
    ['هاجم مسلحون السجن مساء أمس', 'مساء أمس', '2022-01-20', 1, 'relative_day'],
    ['اندلعت اشتباكات صباح اليوم', 'صباح اليوم', '2022-01-21', 1, 'relative_day'],
    ['اندلعت اشتباكات فجر اليوم', 'فجر اليوم', '2022-01-21', 1, 'relative_day'],
    ['اندلعت اشتباكات الليلة الماضية', 'الليلة الماضية', '2022-01-20', 1, 'relative_day'],
    ['وقع الهجوم صباح أمس الخميس', 'صباح أمس الخميس', '2022-01-20', 1, 'relative_day'],
    ['هاجم التنظيم السجن ليل الخميس', 'ليل الخميس', '2022-01-20', 1, 'weekday'],
    ['خرجت مظاهرة ليلة الجمعة', 'ليلة الجمعة', '2022-01-21', 1, 'weekday'],
    ['قصفت الطائرات فجر الأحد', 'فجر الأحد', '2022-01-16', 1, 'weekday'],
    ['قصفت الطائرات يوم الأحد', 'يوم الأحد', '2022-01-16', 1, 'weekday'],
    ['قصفت الطائرات الأحد', 'الأحد', '2022-01-16', 1, 'weekday'],
    ['تظاهر المئات الجمعة', 'الجمعة', '2022-01-21', 1, 'weekday'],
    ['وقع التفجير الخميس الماضي', 'الخميس الماضي', '2022-01-20', 1, 'weekday'],
    ['وقع التفجير الجمعة الماضية', 'الجمعة الماضية', '2022-01-14', 1, 'weekday'],
    ['قتل جندي الأسبوع الماضي', 'الأسبوع الماضي', '2022-01-14', 2, 'relative_week'],
    ['قتل جندي الشهر الماضي', 'الشهر الماضي', '2021-12-15', 3, 'relative_month'],
    ['قتل جندي قبل يومين', 'قبل يومين', '2022-01-19', 1, 'relative_day'],
    ['قتل جندي قبل ثلاثة أيام', 'قبل ثلاثة أيام', '2022-01-18', 1, 'relative_day'],
    ['قتل جندي قبل 3 أيام', 'قبل 3 أيام', '2022-01-18', 1, 'relative_day'],
    ['قتل جندي منذ أسبوع', 'منذ أسبوع', '2022-01-14', 2, 'relative_week'],
  ];
  it('resolves against the publication date', () => {
    for (const [text, span, date, p, kind] of cases)
      expect(one(text, 'ar', pub), text).toEqual([span, date, p, kind]);
  });

  it('crosses month and year boundaries', () => {
    expect(one('قتل جندي أول أمس', 'ar', '2022-01-01')?.[1]).toBe('2021-12-30');
    expect(one('قتل جندي الشهر الماضي', 'ar', '2022-01-10')?.[1]).toBe('2021-12-15');
    expect(one('قتل جندي الخميس الماضي', 'ar', '2022-03-01')?.[1]).toBe('2022-02-24');
    expect(one('قتل جندي قبل ثلاثة أيام', 'ar', '2024-03-02')?.[1]).toBe('2024-02-28');
  });

  it('accepts an ISO timestamp as published, and skips relative dates without one', () => {
    expect(one('قتل جندي أمس', 'ar', '2022-01-21T08:30:00Z')?.[1]).toBe('2022-01-20');
    expect(dates('قتل جندي أمس الأحد', 'ar')).toEqual([]);
    expect(dates('قتل جندي في 21 يناير 2022', 'ar')[0]?.[1]).toBe('2022-01-21');
  });

  it('guards against false dates', () => {
    const pub = '2022-01-21';
    expect(dates('مارس الجيش ضغوطا على الحكومة', 'ar', pub)).toEqual([]);
    expect(dates('قتل أحد عشر شخصا', 'ar', pub)).toEqual([]);
    expect(dates('أقيمت أمسية شعرية', 'ar', pub)).toEqual([]);
    expect(dates('في اليوم الأول من المعركة', 'ar', pub)).toEqual([]);
    expect(dates('زار الرجل أب الضحية', 'ar', pub)).toEqual([]);
    expect(dates('الموافق 15 / 10 / 1436 هـ', 'ar', pub)).toEqual([]);
  });
});

describe('English dates', () => {
  const pub = '2022-01-25'; // a Tuesday
  it('reads absolute dates', () => {
    const cases: [string, string, string, number, DateValue['kind']][] = [
      ['The attack happened on January 21, 2022 in Aleppo.', 'January 21, 2022', '2022-01-21', 1, 'absolute'],
      ['Protests began on 21 January 2022.', '21 January 2022', '2022-01-21', 1, 'absolute'],
      ['Clashes broke out on Jan. 21 near the border.', 'Jan. 21', '2022-01-21', 1, 'absolute'],
      ['Clashes broke out on 21 January near the border.', '21 January', '2022-01-21', 1, 'absolute'],
      ['Clashes broke out on the 21st of January.', '21st of January', '2022-01-21', 1, 'absolute'],
      ['Clashes broke out on the 21st near the border.', 'the 21st', '2022-01-21', 1, 'absolute'],
      ['The report is dated 2022-01-21.', '2022-01-21', '2022-01-21', 1, 'absolute'],
      ['Wed 05 Apr 2017 Syria attack symptoms', 'Wed 05 Apr 2017', '2017-04-05', 1, 'absolute'],
      ['Protests erupted in March 2019 in Algiers.', 'March 2019', '2019-03-15', 3, 'month'],
      ['Protests erupted in 2011 in Tunis.', '2011', '2011-07-01', 3, 'year'],
    ];
    for (const [text, span, date, p, kind] of cases)
      expect(one(text, 'en', pub), text).toEqual([span, date, p, kind]);
  });

  it('resolves relative dates', () => {
    const cases: [string, string, string, number, DateValue['kind']][] = [
      ['Two soldiers were killed yesterday.', 'yesterday', '2022-01-24', 1, 'relative_day'],
      ['Two soldiers were killed today.', 'today', '2022-01-25', 1, 'relative_day'],
      ['An armed islamist was killed on Sunday by the army.', 'Sunday', '2022-01-23', 1, 'weekday'],
      ['Gunmen attacked the village on Tuesday.', 'Tuesday', '2022-01-25', 1, 'weekday'],
      ['Gunmen attacked the village Sunday night.', 'Sunday night', '2022-01-23', 1, 'weekday'],
      ['Gunmen attacked the village late Saturday.', 'late Saturday', '2022-01-22', 1, 'weekday'],
      ['Gunmen attacked the village last Tuesday.', 'last Tuesday', '2022-01-18', 1, 'weekday'],
      ['Gunmen attacked the village last week.', 'last week', '2022-01-18', 2, 'relative_week'],
      ['Gunmen attacked the village last month.', 'last month', '2021-12-15', 3, 'relative_month'],
      ['Gunmen attacked the village two days ago.', 'two days ago', '2022-01-23', 1, 'relative_day'],
      ['Gunmen attacked the village last night.', 'last night', '2022-01-24', 1, 'relative_day'],
    ];
    for (const [text, span, date, p, kind] of cases)
      expect(one(text, 'en', pub), text).toEqual([span, date, p, kind]);
  });

  it('takes the year that puts a day and month on or before publication', () => {
    expect(one('Fighting resumed on Dec 30 after a lull.', 'en', '2022-01-02')).toEqual([
      'Dec 30',
      '2021-12-30',
      1,
      'absolute',
    ]);
    expect(one('Fighting resumed on the 30th.', 'en', '2022-01-02')?.[1]).toBe('2021-12-30');
    expect(one('Two soldiers were killed yesterday.', 'en', '2022-03-01')?.[1]).toBe('2022-02-28');
  });

  it('guards against false dates', () => {
    expect(dates('Officials may visit the site.', 'en', pub)).toEqual([]);
    expect(dates('Thousands joined the march through the capital.', 'en', pub)).toEqual([]);
    expect(dates('The protest may continue in May.', 'en', pub)).toEqual([]);
    expect(one('The protest took place on May 3.', 'en', pub)?.[1]).toBe('2021-05-03');
    expect(dates('The Sun reported the attack.', 'en', pub)).toEqual([]);
  });
});

describe('robustness', () => {
  it('never crashes and keeps offsets inside the text', () => {
    const inputs = [
      '',
      '/',
      '21/',
      '21 /',
      '2022-',
      '-01-',
      'يوم',
      'قبل',
      'منذ منذ',
      'on the',
      'Jan.',
      '31 February 2022',
      '0/0/0',
    ];
    for (const t of inputs)
      for (const lang of ['ar', 'en'] as const) expect(() => dates(t, lang, '2022-01-21')).not.toThrow();
    // An impossible day is not read as a day; the month and year remain.
    expect(dates('31 February 2022', 'en', '2022-03-01')).toEqual([
      ['February 2022', '2022-02-15', 3, 'month'],
    ]);
  });

  it('runs in linear time on long inputs (4× the input takes about 4× the time, not 16×)', () => {
    const time = (text: string, lang: Lang) => {
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const doc = createDoc({ text, lang, published: '2022-01-21' });
        const t0 = performance.now();
        findDates(doc);
        best = Math.min(best, performance.now() - t0);
      }
      return Math.max(best, 1);
    };
    for (const [unit, n, lang] of [
      ['1', 50_000, 'ar'],
      ['أمس ', 10_000, 'ar'],
      ['الجمعة 21 ', 5_000, 'ar'],
      ['on the 21st of ', 3_000, 'en'],
    ] as const) {
      const small = time(unit.repeat(n), lang);
      const large = time(unit.repeat(4 * n), lang);
      expect(large / small, unit).toBeLessThan(8);
    }
  });
});

describe('spans of days', () => {
  it('reads a span running at publication in the current year, dated the publication day', () => {
    expect(one('Clashes went on in Sirte from 15-18 February.', 'en', '2016-02-16')).toEqual([
      '15-18 February',
      '2016-02-16',
      1,
      'absolute',
    ]);
    expect(one('اندلعت اشتباكات في سرت بين 15 و18 فبراير.', 'ar', '2016-02-16')?.[1]).toBe('2016-02-16');
  });
  it('a descending pair is not a span', () => {
    expect(dates('Figures 25-3 May', 'en', '2016-05-29').map((d) => d[0])).toEqual(['3 May']);
  });
  it('dates a past span by its last day', () => {
    expect(one('Clashes went on in Sirte from 10 to 12 March.', 'en', '2016-03-20')?.[1]).toBe('2016-03-12');
    expect(one('اندلعت اشتباكات في سرت بين 10 و12 مارس.', 'ar', '2016-03-20')?.[1]).toBe('2016-03-12');
  });
});

describe('a relative day that names its weekday', () => {
  // 2015-07-21 is a Tuesday
  it('trusts the weekday when the publication date is off, and moves the other relative days with it', () => {
    const ds = dates('قصفت الطائرات المدينة أمس الجمعة. وفي صباح أمس قتل جنديان.', 'ar', '2015-07-21');
    expect(ds.map((d) => d[1])).toEqual(['2015-07-17', '2015-07-17']);
    expect(
      dates(
        'Aircraft struck the town yesterday Friday. Yesterday two soldiers were killed.',
        'en',
        '2015-07-21',
      ).map((d) => d[1]),
    ).toEqual(['2015-07-17', '2015-07-17']);
  });
  it('keeps the publication date when the weekday agrees', () => {
    expect(one('قصفت الطائرات المدينة أمس الإثنين.', 'ar', '2015-07-21')?.[1]).toBe('2015-07-20');
    expect(one('Aircraft struck the town yesterday Monday.', 'en', '2015-07-21')?.[1]).toBe('2015-07-20');
  });
});

describe('first-word filter of the date engine', () => {
  // The engine tries a parser that declares its first words only at tokens that read as one of
  // them (or numbers); the same configuration without that filter must find exactly the same dates.
  const root = new URL('../../../', import.meta.url);
  const texts: { text: string; lang: Lang; published?: string }[] = [];
  for (const file of [
    'test/fixtures/sentences.ar.jsonl',
    'test/fixtures/sentences.en.jsonl',
    'examples/articles.jsonl',
  ]) {
    for (const line of readFileSync(new URL(file, root), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as { text: string; title?: string; lang?: Lang; published?: string };
      const text = a.title ? `${a.title}\n\n${a.text}` : a.text;
      texts.push({
        text,
        lang: a.lang ?? (/[\u0600-\u06FF]/.test(text) ? 'ar' : 'en'),
        published: a.published,
      });
    }
  }
  texts.push(
    {
      text: 'Late Saturday night, and three weeks ago; on the 21st; the year 2011; earlier this month',
      lang: 'en',
      published: '2022-01-23',
    },
    {
      text: 'ومساء أمس الجمعة، وقبل ثلاثة أيام، ومنذ أسبوع، وفي العام الماضي، والشهر الجاري، ويوم الأحد المقبل',
      lang: 'ar',
      published: '2022-01-23',
    },
  );
  it('finds the same dates as every parser at every token', () => {
    let found = 0;
    for (const { text, lang, published } of texts) {
      for (const pub of [published, undefined]) {
        const doc = createDoc({ text, lang, published: pub });
        const config = dateConfig(lang);
        const unfiltered = {
          ...config,
          parsers: config.parsers.map((p) => ({ name: p.name, match: p.match })),
        };
        const p = parsePublished(pub);
        for (const s of doc.sentences) {
          const a = runDates(config, doc, p, s.tokenStart, s.tokenEnd);
          expect(a).toEqual(runDates(unfiltered, doc, p, s.tokenStart, s.tokenEnd));
          found += a.length;
        }
      }
    }
    expect(found).toBeGreaterThan(200);
  });
});
