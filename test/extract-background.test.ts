import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../src/extract/index.js';
import type { Event } from '../src/model/event.js';

// Our own sentences about wars as a whole (background) next to reports of one event.

let ex: Extractor;
beforeAll(() => {
  ex = createExtractor();
});

function events(text: string, published = '2024-03-12'): Event[] {
  return ex.extract({ id: 't', text, published }).events;
}

/** The fatalities of every event, in order. */
function tolls(text: string, published?: string): number[] {
  return events(text, published).map((e) => e.fatalities);
}

describe('a figure in a clause about the whole war is never an event toll', () => {
  it('a war or conflict that "has killed" N', () => {
    expect(
      tolls(
        'Gunmen shot dead two soldiers at a checkpoint near Deraa on Monday in a conflict that has killed more than 100,000.',
      ),
    ).toEqual([2]);
    expect(
      tolls(
        'The civil war that has killed more than 4,000 people in the province goes on. A car bomb killed 12 people at a checkpoint in the town of Azaz on Monday.',
      ),
    ).toEqual([12]);
    expect(
      tolls(
        'والحرب التي أودت بحياة أكثر من 4 آلاف شخص في المحافظة مستمرة. وقتل 5 مدنيين في قصف مدفعي على بلدة سراقب أمس.',
      ),
    ).toEqual([5]);
  });
  it('N killed in the war, and the war toll', () => {
    expect(
      tolls(
        "At least 4,000 people have been killed in Syria's multi-front conflict. A car bomb killed 12 people at a checkpoint in the town of Azaz on Monday.",
      ),
    ).toEqual([12]);
    expect(
      tolls('قتل أكثر من 4 آلاف شخص في النزاع السوري. وقتل 5 مدنيين في قصف مدفعي على بلدة سراقب أمس.'),
    ).toEqual([5]);
    expect(
      tolls('ارتفعت حصيلة الحرب إلى أكثر من 4 آلاف قتيل. وقتل 5 مدنيين في قصف مدفعي على بلدة سراقب أمس.'),
    ).toEqual([5]);
  });
  it('"since" a month or year more than a few weeks back, or since the war began', () => {
    expect(
      tolls(
        'At least 4,500 people have been killed in the province since March 2015. A bomb killed 12 people at a market in Kabul on Monday.',
      ),
    ).toEqual([12]);
    expect(
      tolls(
        'More than 4,000 people have been killed in Syria since its conflict began. A car bomb killed 12 people at a checkpoint in the town of Azaz on Monday.',
      ),
    ).toEqual([12]);
    expect(
      tolls('وقتل أكثر من 4 آلاف شخص في المحافظة منذ 2011. وقتل 5 مدنيين في قصف مدفعي على بلدة سراقب أمس.'),
    ).toEqual([5]);
    expect(
      tolls(
        'قتل أكثر من 4 آلاف شخص في المحافظة منذ اندلاع الأزمة. وقتل 5 مدنيين في قصف مدفعي على بلدة سراقب أمس.',
      ),
    ).toEqual([5]);
  });
  it('a fronted "since" clause, "since then", a duration of months or years', () => {
    expect(
      tolls(
        'Since the uprising began in March 2011, more than 4,000 people have been killed in the province. A car bomb killed 12 people in the town of Azaz on Monday.',
      ),
    ).toEqual([12]);
    expect(
      tolls(
        'The uprising began in March 2011. Since then more than 4,000 people have been killed in the province. A car bomb killed 12 people in the town of Azaz on Monday.',
      ),
    ).toEqual([12]);
    expect(
      tolls(
        'Over 4,000 people have been killed in three years of turmoil in the province. A bomb killed 12 people at a market in Kabul on Monday.',
      ),
    ).toEqual([12]);
    expect(
      tolls('وقتل أكثر من 3500 شخص في القتال منذ نحو 4 أشهر. وقتل 5 مدنيين في قصف مدفعي على بلدة سراقب أمس.'),
    ).toEqual([5]);
  });
  it('a clause with a statistic cue', () => {
    expect(
      tolls(
        'A bomb killed 12 people at a market in Kabul on Monday, bringing the number killed so far this year to 300.',
      ),
    ).toEqual([12]);
  });
  it('still counts the toll of one event', () => {
    expect(
      tolls(
        "A car bomb exploded at a market in Baghdad on Monday. The death toll from Monday's bombing rose to 55, police said.",
      ),
    ).toEqual([55]);
    expect(tolls('ارتفعت حصيلة ضحايا مجزرة الأمس في مدينة حلب إلى 120 قتيلاً.')).toEqual([120]);
    expect(
      tolls('Fighting between the army and rebels in the town of Saraqib since Sunday has killed 14 people.'),
    ).toEqual([14]);
    expect(tolls('Gunmen killed 12 people in the town of Ariha on Monday during the war.')).toEqual([12]);
    expect(
      tolls(
        'The Syrian Observatory, a war monitor, said an air strike killed 9 civilians in Idlib on Monday.',
      ),
    ).toEqual([9]);
    // an age is no time span
    expect(tolls('Gunmen shot dead a boy aged 15 years in the town of Zabid on Monday.')).toEqual([1]);
  });
  it('keeps a massacre ranked against the war ("the deadliest since the war began")', () => {
    expect(
      tolls(
        'A chemical attack that killed 1,300 people in the Ghouta suburbs of Damascus on Monday was the deadliest attack since the war began in 2011.',
      ),
    ).toEqual([1300]);
    expect(
      tolls('قتل 1300 شخص في هجوم كيميائي على غوطة دمشق أمس، في الهجوم الأعنف منذ اندلاع الحرب.'),
    ).toEqual([1300]);
  });
  it('takes neither the place nor the event of the past a massacre is ranked against', () => {
    const es = events(
      'An air strike killed 40 people in the town of Ariha on Monday, the deadliest attack since an air strike killed 60 people in the town of Saraqib in March 2015.',
    );
    expect(es.map((e) => [e.location, e.fatalities])).toEqual([['Ariha', 40]]);
  });
});

describe('a trigger in a clause about the whole war makes no event', () => {
  it('the war began with protests', () => {
    expect(
      events(
        'More than 330,000 people have been killed in Syria since its conflict began with protests that were met with a harsh regime crackdown.',
      ),
    ).toEqual([]);
    expect(
      events("Syria's war, which began with anti-government protests, has killed more than 300,000 people."),
    ).toEqual([]);
    expect(
      events(
        "At least 230,000 people have been killed in Syria's multi-front conflict which began with anti-government protests.",
      ),
    ).toEqual([]);
    expect(events('اندلعت الأزمة السورية باحتجاجات سلمية قمعتها قوات الأمن بعنف.')).toEqual([]);
    expect(events('قتل أكثر من 4 آلاف شخص في النزاع السوري الذي اندلع باحتجاجات سلمية ضد النظام.')).toEqual(
      [],
    );
    expect(
      events('وتشهد سوريا حربا أهلية أودت بحياة أكثر من 300 ألف شخص منذ الأزمة التي اندلعت باحتجاجات شعبية.'),
    ).toEqual([]);
  });
  it('keeps an event told next to the war', () => {
    const en = events(
      'Thousands of people protested in Tunis on Monday against the government five years after the revolution.',
    );
    expect(en.map((e) => e.event_type)).toEqual(['Protests']);
    const ar = events('تظاهر آلاف في تونس أمس ضد الحكومة بعد خمس سنوات من الثورة.');
    expect(ar.map((e) => e.event_type)).toEqual(['Protests']);
  });
});

describe('one event toll of many thousands is not credible unless the sentence is about that event', () => {
  it('drops the figure, with a lower confidence', () => {
    const big = events(
      'Government forces killed 12,000 people in an attack on the town of Ariha, the UN said.',
    );
    const small = events(
      'Government forces killed 120 people in an attack on the town of Ariha, the UN said.',
    );
    expect(big.map((e) => e.fatalities)).toEqual([0]);
    expect(small.map((e) => e.fatalities)).toEqual([120]);
    expect(big[0]!.confidence).toBeLessThan(small[0]!.confidence);
    expect(
      tolls('Hundreds of thousands of people have been killed by government forces, the UN said.'),
    ).not.toContain(100000);
    for (const e of events('قتلت الميليشيات أكثر من 8 آلاف شخص في هجوم على بلدة أريحا.'))
      expect(e.fatalities).toBeLessThan(5000);
  });
  it('keeps it for one dated massacre', () => {
    expect(
      tolls(
        'Militiamen killed at least 6,000 people in a massacre in the town of Ariha on Monday, the UN said.',
      ),
    ).toEqual([6000]);
    expect(tolls('قتل أكثر من 6 آلاف شخص في مجزرة ارتكبتها الميليشيات في بلدة أريحا أمس.')).toEqual([6000]);
  });
});
