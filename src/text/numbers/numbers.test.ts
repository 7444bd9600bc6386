import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../doc.js';
import type { Lang } from '../types.js';
import { parseDigits } from './common/digits.js';
import { runNumbers } from './common/engine.js';
import { findNumbers, numberConfig, parseNumberPhrase } from './index.js';
import type { NumberValue } from './types.js';

/** [span text, value] for every number found, checking offsets against the text. */
function nums(text: string, lang: Lang): [string, NumberValue][] {
  const doc = createDoc({ text, lang });
  const spans = findNumbers(doc);
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(doc.text.length);
    expect(s.label).toBe('number');
  }
  expect(doc.spans.filter((s) => s.label === 'number')).toHaveLength(spans.length);
  return spans.map((s) => [doc.text.slice(s.start, s.end), s.value]);
}

const first = (text: string, lang: Lang) => nums(text, lang)[0];

describe('digits', () => {
  it('reads separators and decimals', () => {
    expect(parseDigits('1,200')).toBe(1200);
    expect(parseDigits('1,200,000')).toBe(1200000);
    expect(parseDigits('1.200.000')).toBe(1200000);
    expect(parseDigits('2.5')).toBe(2.5);
    expect(parseDigits('2,5')).toBe(2.5);
    expect(parseDigits('1,200.5')).toBe(1200.5);
    expect(parseDigits('21.1.2022')).toBeNull();
    expect(parseDigits('9'.repeat(40))).toBeNull();
  });

  it('reads Arabic-Indic and Persian digits with separators', () => {
    expect(nums('قتل ١٢٠٠ شخص و۱۲ جنديا و١٬٥٠٠ مدني و٢٫٥ مليون نازح', 'ar')).toEqual([
      ['١٢٠٠', { value: 1200, kind: 'exact' }],
      ['۱۲', { value: 12, kind: 'exact' }],
      ['١٬٥٠٠', { value: 1500, kind: 'exact' }],
      ['٢٫٥ مليون', { value: 2500000, kind: 'exact' }],
    ]);
  });
});

describe('Arabic number words', () => {
  it('reads units in both genders and all cases', () => {
    const cases: [string, number][] = [
      ['قتل واحد من المسلحين', 1],
      ['قتلت امرأة واحدة', 1],
      ['أصيب اثنان من الحراس', 2],
      ['اعتقل اثنين من المطلوبين', 2],
      ['قتلت اثنتان من النساء', 2],
      ['أصيبت اثنتين من الفتيات', 2],
      ['قتل ثلاثة جنود', 3],
      ['قتلت ثلاث نساء', 3],
      ['قتل أربعة مدنيين', 4],
      ['جرح ثماني نساء', 8],
      ['قتل عشرة مسلحين', 10],
      ['أصيبت عشر نساء', 10],
    ];
    for (const [text, v] of cases) expect(first(text, 'ar')?.[1].value, text).toBe(v);
  });

  it('reads teens, tens, hundreds and scales', () => {
    const cases: [string, string, number][] = [
      ['قتل أحد عشر شخصا', 'أحد عشر', 11],
      ['أصيبت إحدى عشرة امرأة', 'إحدى عشرة', 11],
      ['اعتقل اثنا عشر شخصا', 'اثنا عشر', 12],
      ['اعتقلت الشرطة اثني عشر شابا', 'اثني عشر', 12],
      ['قتل ثلاثة عشر جنديا', 'ثلاثة عشر', 13],
      ['قتلت تسع عشرة امرأة', 'تسع عشرة', 19],
      ['قتل عشرون شخصا', 'عشرون', 20],
      ['اعتقل تسعين شخصا', 'تسعين', 90],
      ['فر مئة سجين', 'مئة', 100],
      ['فر مائة سجين', 'مائة', 100],
      ['فر مئتان من السجناء', 'مئتان', 200],
      ['نزح مائتي شخص', 'مائتي', 200],
      ['نزح ثلاثمائة شخص', 'ثلاثمائة', 300],
      ['نزح ثلاث مئة شخص', 'ثلاث مئة', 300],
      ['نزح ألف شخص', 'ألف', 1000],
      ['نزح ألفان من السكان', 'ألفان', 2000],
      ['نزح ألفين من السكان', 'ألفين', 2000],
      ['نزح ثلاثة آلاف شخص', 'ثلاثة آلاف', 3000],
      ['نزح مليون شخص', 'مليون', 1000000],
      ['نزح خمسة عشر ألفا من السكان', 'خمسة عشر ألفا', 15000],
    ];
    for (const [text, span, v] of cases)
      expect(first(text, 'ar'), text).toEqual([span, { value: v, kind: 'exact' }]);
  });

  it('reads compounds joined by و', () => {
    expect(
      nums('قتل ثلاثة وعشرين شخصا وجرح مئة وخمسون آخرون وفر ألف ومئتان', 'ar').map(([t, v]) => [t, v.value]),
    ).toEqual([
      ['ثلاثة وعشرين', 23],
      ['مئة وخمسون', 150],
      ['ألف ومئتان', 1200],
    ]);
    expect(first('نزح ثلاثة آلاف وخمسمائة وخمسة وعشرون شخصا', 'ar')?.[1].value).toBe(3525);
    expect(first('مليون وثلاثمائة ألف نازح', 'ar')?.[1].value).toBe(1300000);
  });

  it('keeps separate numbers apart («خمسة وستة» is two numbers)', () => {
    expect(nums('قتل خمسة وستة جرحى', 'ar').map(([t]) => t)).toEqual(['خمسة', 'وستة']);
  });

  it('reads numbers with clitics but not short words hidden in others', () => {
    expect(nums('وثلاثة جنود بخمسة صواريخ', 'ar').map(([t, v]) => [t, v.value])).toEqual([
      ['وثلاثة', 3],
      ['بخمسة', 5],
    ]);
    expect(nums('لست أدري', 'ar')).toEqual([]);
  });

  it('reads dual nouns as a count of 2', () => {
    expect(nums('قتل جنديان وأصيب شخصين وقتلت امرأتان وقتيلين', 'ar')).toEqual([
      ['جنديان', { value: 2, kind: 'exact', dual: true }],
      ['شخصين', { value: 2, kind: 'exact', dual: true }],
      ['امرأتان', { value: 2, kind: 'exact', dual: true }],
      ['وقتيلين', { value: 2, kind: 'exact', dual: true }],
    ]);
    expect(first('قتل جنديين اثنين', 'ar')).toEqual([
      'جنديين اثنين',
      { value: 2, kind: 'exact', dual: true },
    ]);
    // sound plurals in ين are not duals; the ان form is
    expect(nums('قتل مدنيين', 'ar')).toEqual([]);
    expect(first('قتل مدنيان', 'ar')?.[1].value).toBe(2);
    expect(first('منذ يومين', 'ar')?.[1]).toEqual({ value: 2, kind: 'exact', dual: true, unit: 'duration' });
  });

  it('reads vague quantities', () => {
    const cases: [string, string, number][] = [
      ['قتل عشرات المدنيين', 'عشرات', 10],
      ['أصيب العشرات في الاشتباكات', 'العشرات', 10],
      ['اعتقل مئات المتظاهرين', 'مئات', 100],
      ['نزح آلاف السكان', 'آلاف', 1000],
      ['نزح عشرات الآلاف من السكان', 'عشرات الآلاف', 10000],
      ['نزح مئات الآلاف', 'مئات الآلاف', 100000],
      ['سقط عدد من القتلى', 'عدد من', 3],
      ['أصيب بعض المارة', 'بعض', 3],
      ['قتل عدة أشخاص', 'عدة', 3],
      ['قتل بضعة جنود', 'بضعة', 3],
    ];
    for (const [text, span, v] of cases) {
      expect(first(text, 'ar'), text).toEqual([span, { value: v, kind: 'vague', vague: true }]);
    }
  });

  it('reads modifiers before and after', () => {
    const cases: [string, string, NumberValue][] = [
      ['قتل أكثر من ثلاثين شخصا', 'أكثر من ثلاثين', { value: 30, kind: 'at_least', min: 30 }],
      ['قتل ما لا يقل عن 12 شخصا', 'ما لا يقل عن 12', { value: 12, kind: 'at_least', min: 12 }],
      ['قتل 10 أشخاص على الأقل', '10 أشخاص على الأقل', { value: 10, kind: 'at_least', min: 10 }],
      ['قتل نحو 40 شخصا', 'نحو 40', { value: 40, kind: 'about' }],
      ['قتل حوالي خمسين', 'حوالي خمسين', { value: 50, kind: 'about' }],
      ['نزح قرابة ألف شخص', 'قرابة ألف', { value: 1000, kind: 'about' }],
      ['شارك زهاء مئتي متظاهر', 'زهاء مئتي', { value: 200, kind: 'about' }],
      ['قتل ما يقارب 20 شخصا', 'ما يقارب 20', { value: 20, kind: 'about' }],
      ['قتل أقل من عشرة', 'أقل من عشرة', { value: 10, kind: 'at_most', max: 10 }],
      ['ارتفعت الحصيلة لأكثر من 50', 'لأكثر من 50', { value: 50, kind: 'at_least', min: 50 }],
    ];
    for (const [text, span, v] of cases) expect(first(text, 'ar'), text).toEqual([span, v]);
  });

  it('reads ranges', () => {
    expect(nums('قتل بين 10 و15 شخصا', 'ar')).toEqual([
      ['بين 10 و15', { value: 10, kind: 'range', min: 10, max: 15 }],
    ]);
    expect(first('قتل ما بين عشرة وخمسة عشر', 'ar')).toEqual([
      'ما بين عشرة وخمسة عشر',
      { value: 10, kind: 'range', min: 10, max: 15 },
    ]);
    expect(first('قتل 10 إلى 15 شخصا', 'ar')?.[1]).toEqual({ value: 10, kind: 'range', min: 10, max: 15 });
    expect(first('اعتقل من 20 إلى 30 شخصا', 'ar')?.[0]).toBe('من 20 إلى 30');
  });

  it('flags ordinals, years, times, percentages, money and dates', () => {
    expect(first('في الطابق الثالث', 'ar')?.[1]).toEqual({ value: 3, kind: 'exact', ordinal: true });
    expect(first('للمرة الثالثة', 'ar')?.[1].ordinal).toBe(true);
    expect(nums('في كانون الثاني', 'ar')).toEqual([]);
    expect(first('في عام 2015 قتل', 'ar')?.[1].unit).toBe('year');
    expect(first('منذ 2014', 'ar')?.[1].unit).toBe('year');
    expect(first('الساعة 5 صباحا', 'ar')?.[1].unit).toBe('time');
    expect(first('ارتفعت 15 في المئة', 'ar')).toEqual([
      '15 في المئة',
      { value: 15, kind: 'exact', unit: 'percent' },
    ]);
    expect(first('ارتفعت 15% فقط', 'ar')?.[1].unit).toBe('percent');
    expect(first('بقيمة 3 آلاف دولار', 'ar')?.[1]).toEqual({ value: 3000, kind: 'exact', unit: 'money' });
    expect(first('على بعد 20 كيلومترا', 'ar')?.[1].unit).toBe('distance');
    expect(first('خلال ثلاثة أيام', 'ar')?.[1].unit).toBe('duration');
    expect(first('في 21 يناير', 'ar')?.[1].unit).toBe('date');
    expect(first('قتل 2000 شخص', 'ar')?.[1].unit).toBeUndefined();
  });
});

describe('English numbers', () => {
  it('reads number words', () => {
    const cases: [string, string, number][] = [
      ['six post office workers', 'six', 6],
      ['nineteen people', 'nineteen', 19],
      ['twenty-three soldiers', 'twenty-three', 23],
      ['twenty three soldiers', 'twenty three', 23],
      ['a hundred people', 'a hundred', 100],
      ['two hundred and fifty people', 'two hundred and fifty', 250],
      ['one hundred fifty people', 'one hundred fifty', 150],
      ['five thousand people', 'five thousand', 5000],
      ['two million refugees', 'two million', 2000000],
      ['3.5 million refugees', '3.5 million', 3500000],
      ['1,200 people', '1,200', 1200],
      ['two dozen people', 'two dozen', 24],
    ];
    for (const [text, span, v] of cases)
      expect(first(text, 'en'), text).toEqual([span, { value: v, kind: 'exact' }]);
  });

  it('does not read "a"/"an" before nouns, nor "no one" or "five and six" as one number', () => {
    expect(nums('A soldier was killed and an officer wounded.', 'en')).toEqual([]);
    expect(nums('no one was hurt', 'en')).toEqual([]);
    expect(nums('five and six', 'en').map(([t]) => t)).toEqual(['five', 'six']);
  });

  it('reads vague quantities', () => {
    const cases: [string, string, NumberValue][] = [
      ['dozens of protesters', 'dozens', { value: 12, kind: 'vague', vague: true }],
      ['tens of people', 'tens', { value: 10, kind: 'vague', vague: true }],
      ['scores of people', 'scores', { value: 20, kind: 'vague', vague: true }],
      ['Hundreds of people protested', 'Hundreds', { value: 100, kind: 'vague', vague: true }],
      ['thousands marched', 'thousands', { value: 1000, kind: 'vague', vague: true }],
      ['tens of thousands marched', 'tens of thousands', { value: 10000, kind: 'vague', vague: true }],
      ['several hundred marched', 'several hundred', { value: 300, kind: 'vague', vague: true }],
      ['several civilians', 'several', { value: 3, kind: 'vague', vague: true }],
      ['a number of soldiers', 'a number of', { value: 3, kind: 'vague', vague: true }],
      ['a dozen police', 'a dozen', { value: 12, kind: 'about', vague: true }],
    ];
    for (const [text, span, v] of cases) expect(first(text, 'en'), text).toEqual([span, v]);
  });

  it('reads modifiers and ranges', () => {
    const cases: [string, string, NumberValue][] = [
      ['at least 70 people', 'at least 70', { value: 70, kind: 'at_least', min: 70 }],
      ['more than two hundred', 'more than two hundred', { value: 200, kind: 'at_least', min: 200 }],
      ['over 30 people', 'over 30', { value: 30, kind: 'at_least', min: 30 }],
      ['Around 50 people', 'Around 50', { value: 50, kind: 'about' }],
      ['about twenty people', 'about twenty', { value: 20, kind: 'about' }],
      ['nearly 100 people', 'nearly 100', { value: 100, kind: 'about' }],
      ['some 200 fighters', 'some 200', { value: 200, kind: 'about' }],
      ['up to 15 people', 'up to 15', { value: 15, kind: 'at_most', max: 15 }],
      ['between 10 and 15 dead', 'between 10 and 15', { value: 10, kind: 'range', min: 10, max: 15 }],
      ['10 to 15 dead', '10 to 15', { value: 10, kind: 'range', min: 10, max: 15 }],
      ['10-15 dead', '10-15', { value: 10, kind: 'range', min: 10, max: 15 }],
    ];
    for (const [text, span, v] of cases) expect(first(text, 'en'), text).toEqual([span, v]);
  });

  it('flags ordinals, years, times, percentages, money and ages', () => {
    expect(first('the third attack', 'en')?.[1]).toEqual({ value: 3, kind: 'exact', ordinal: true });
    expect(first('the 21st victim', 'en')).toEqual(['21st', { value: 21, kind: 'exact', ordinal: true }]);
    expect(first('In 2011, protests began', 'en')?.[1].unit).toBe('year');
    expect(first('at 5:30 pm', 'en')).toEqual(['5:30', { value: 5, kind: 'exact', unit: 'time' }]);
    expect(first('45% of voters', 'en')).toEqual(['45%', { value: 45, kind: 'exact', unit: 'percent' }]);
    expect(first('15 percent of voters', 'en')?.[1].unit).toBe('percent');
    expect(first('a $50 million fund', 'en')?.[1]).toEqual({ value: 50000000, kind: 'exact', unit: 'money' });
    expect(first('a 25-year-old man', 'en')?.[1].unit).toBe('age');
    expect(first('on January 21, 2022', 'en')?.[1].unit).toBe('date');
    expect(nums('on January 21, 2022', 'en')[1]?.[1].unit).toBe('year');
  });
});

describe('parseNumberPhrase', () => {
  it('parses phrases in both languages', () => {
    expect(parseNumberPhrase('أكثر من ثلاثين', 'ar')).toEqual({ value: 30, kind: 'at_least', min: 30 });
    expect(parseNumberPhrase('at least 12', 'en')).toEqual({ value: 12, kind: 'at_least', min: 12 });
    expect(parseNumberPhrase('no number here', 'en')).toBeNull();
  });
});

describe('robustness', () => {
  it('never crashes and keeps offsets inside the text', () => {
    const inputs = [
      '',
      ' ',
      '٫',
      '1,',
      ',1',
      '1..2',
      'وو و',
      'بين و',
      'between and',
      '- - 5 -',
      'a a a hundred',
      '١/٢/',
    ];
    for (const t of inputs)
      for (const lang of ['ar', 'en'] as const) expect(() => nums(t, lang)).not.toThrow();
  });

  it('runs in linear time on long runs of digits and repeated words (4× the input, about 4× the time)', () => {
    const time = (text: string, lang: Lang) => {
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const doc = createDoc({ text, lang });
        const t0 = performance.now();
        findNumbers(doc);
        best = Math.min(best, performance.now() - t0);
      }
      return Math.max(best, 1);
    };
    for (const [unit, n, lang] of [
      ['7', 50_000, 'ar'],
      ['ثلاثة ', 9_000, 'ar'],
      ['و1 ', 15_000, 'ar'],
      ['one and ', 6_000, 'en'],
    ] as const) {
      const small = time(unit.repeat(n), lang);
      const large = time(unit.repeat(4 * n), lang);
      expect(large / small, unit).toBeLessThan(8);
    }
  });
});

describe('first-word filter of the number engine', () => {
  // The engine tries a parser that declares its first words only at tokens that read as one of
  // them (or numbers); the same configuration without that filter must find exactly the same numbers.
  const root = new URL('../../../', import.meta.url);
  const texts: { text: string; lang: Lang }[] = [];
  for (const file of [
    'test/fixtures/sentences.ar.jsonl',
    'test/fixtures/sentences.en.jsonl',
    'examples/articles.jsonl',
  ]) {
    for (const line of readFileSync(new URL(file, root), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as { text: string; title?: string };
      const text = a.title ? `${a.title}\n\n${a.text}` : a.text;
      texts.push({ text, lang: /[\u0600-\u06FF]/.test(text) ? 'ar' : 'en' });
    }
  }
  texts.push(
    {
      text: 'twenty-three people, a hundred and fifty, several hundred, tens of thousands, the third, at least 12',
      lang: 'en',
    },
    {
      text: 'قتل ثلاثة وعشرون شخصا ومئتا جندي وعشرات الآلاف وبضعة مدنيين وقتيلان والثالث وألفان',
      lang: 'ar',
    },
  );
  it('finds the same numbers as every parser at every token', () => {
    let found = 0;
    for (const { text, lang } of texts) {
      const doc = createDoc({ text, lang });
      const config = numberConfig(lang);
      const unfiltered = {
        ...config,
        parsers: config.parsers.map((p) => ({ name: p.name, match: p.match })),
      };
      for (const s of doc.sentences) {
        const a = runNumbers(config, doc.tokens, s.tokenStart, s.tokenEnd);
        expect(a).toEqual(runNumbers(unfiltered, doc.tokens, s.tokenStart, s.tokenEnd));
        found += a.length;
      }
    }
    expect(found).toBeGreaterThan(300);
  });
});
