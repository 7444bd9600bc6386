import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from './index.js';

let ex: Extractor;
beforeAll(() => {
  ex = createExtractor();
});

function fatalities(text: string, published = '2024-03-11'): number[] {
  return ex.extract({ id: 't', text, published }).events.map((e) => e.fatalities);
}

describe("a coder's tally of recorded fatalities", () => {
  it('takes the bracketed recorded figure over the report total', () => {
    expect(
      fatalities(
        'Fighting between the army and rebels near Kadugli has killed 60 people since Friday, local sources said. [9 fatalities recorded].',
      )[0],
    ).toBe(9);
  });
  it('takes the first place of a split and skips the remaining figure', () => {
    expect(
      fatalities(
        'Soldiers killed 20 militants in raids near Arish and Rafah on Sunday. 12 fatalities recorded in Arish and 8 in Rafah.',
      )[0],
    ).toBe(12);
    expect(
      fatalities(
        'At least 30 fighters died in clashes with militias in Benghazi over three days. 11 fatalities recorded, remaining 19 fatalities recorded on 8 and 9 March.',
      )[0],
    ).toBe(11);
  });
  it('takes the first part of a total spread over several events', () => {
    expect(
      fatalities(
        'Security forces killed 25 militants in Arish, Rafah and Sheikh Zuweid on Sunday. 25 fatalities recorded over 3 events [7 in Arish; 9 in Rafah and 9 in Sheikh Zuweid].',
      )[0],
    ).toBe(7);
  });
  it('does not read a statistic as a tally', () => {
    expect(
      fatalities(
        'Gunmen killed two policemen in Arish on Sunday. More than 400 deaths were recorded in the province since January.',
      )[0],
    ).toBe(2);
  });
  it('does not apply to Arabic reports', () => {
    expect(fatalities('قتل جنديان في هجوم شنه مسلحون على حاجز للجيش في مدينة العريش أمس.')[0]).toBe(2);
  });
});
