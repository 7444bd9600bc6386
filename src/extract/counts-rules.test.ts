import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from './index.js';

let ex: Extractor;
beforeAll(() => {
  ex = createExtractor();
});

/** The fatalities of the article's first event. */
function fat(text: string, published = '2024-03-12'): number {
  const es = ex.extract({ id: 't', text, published }).events;
  expect(es.length).toBeGreaterThanOrEqual(1);
  return es[0]!.fatalities;
}

describe('death counts', () => {
  it('does not count the death a protest denounces', () => {
    expect(
      fat(
        'Protesters in Mansoura denounced the killing of a young man in police custody on Monday, chanting against the police.',
      ),
    ).toBe(0);
    expect(fat('خرج محتجون في مدينة المنصورة أمس ونددوا بمقتل شاب داخل قسم للشرطة.')).toBe(0);
  });
  it('reads a figure across an apposition between commas', () => {
    expect(
      fat(
        'Three policemen, one a lieutenant, were killed when gunmen opened fire on their patrol in Arish on Monday.',
      ),
    ).toBe(3);
    expect(fat('قتل ثلاثة جنود، بينهم ضابط، في هجوم شنه مسلحون على حاجز للجيش في مدينة العريش أمس.')).toBe(3);
  });
  it('counts two singular victims joined by "and"', () => {
    expect(
      fat('A farmer and his son were killed in shelling on the village of Kafr Nabl in Idlib on Monday.'),
    ).toBe(2);
  });
  it('reads a singular pronoun as one victim', () => {
    expect(
      fat(
        'Soldiers at a checkpoint near Kadugli opened fire on a driver who refused to stop on Monday, leaving him dead.',
      ),
    ).toBe(1);
  });
  it('takes the subject a note leaves out after a comma', () => {
    expect(fat('Policeman stabbed in Omdurman on Sunday, died next day.')).toBe(1);
  });
  it('does not read a vague number of victims as deaths', () => {
    expect(
      fat(
        'Gunmen abducted a lawyer in Tripoli on Monday; many victims of such kidnappings have been held for ransom.',
      ),
    ).toBe(0);
    expect(fat('اختطف مسلحون محاميا في طرابلس أمس، ويحتجز الخاطفون عشرات الضحايا طلبا للفدية.')).toBe(0);
  });
  it('adds "another" victim to a single one told before', () => {
    expect(
      fat(
        'Islamic State militants executed a man in Sirte on Monday for spying. Another man was executed in the town for smoking.',
      ),
    ).toBe(2);
  });
  it('counts the singular victim inside the killing phrase («قتل مدني»)', () => {
    expect(fat('قتل مدني في حلب أمس.')).toBe(1);
    expect(fat('قتل مدنيا برصاص مسلحين في حلب أمس.')).toBe(1);
    expect(fat('قتل مدنيان في حلب أمس.')).toBe(2);
  });
});
