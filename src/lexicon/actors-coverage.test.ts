import { beforeAll, describe, expect, it } from 'vitest';
import { createDoc } from '../text/doc.js';
import { type ActorLexicon, findActors, loadActorLexicon, resolveActor } from './actors.js';

let lex: ActorLexicon;
beforeAll(() => {
  lex = loadActorLexicon();
});

/** Every mention of `text` as `surface → canonical name` (country and year of the article). */
function mentions(text: string, country?: string, year?: number): string[] {
  const doc = createDoc({ text });
  return findActors(lex, doc).map(
    (m) => `${m.text} → ${resolveActor(lex, m.values, { country, year })?.name ?? '?'}`,
  );
}

function names(text: string, country?: string, year?: number): string[] {
  return mentions(text, country, year).map((s) => s.split(' → ')[1]!);
}

describe('group nouns joined to the named group they describe', () => {
  it('named group + group noun (English)', () => {
    expect(mentions('Fighting broke out between Tabu tribesmen and the army.', 'LY', 2016)[0]).toBe(
      'Tabu tribesmen → Tabu Ethnic Militia (Libya)',
    );
    expect(names('Wirsheffana militants attacked a checkpoint.', 'LY', 2016)).toEqual([
      'Wershefana Communal Militia (Libya)',
    ]);
  });

  it('group noun + link + named group', () => {
    expect(mentions('He was abducted by armed men from Warshefana last week.', 'LY', 2016)).toEqual([
      'armed men from Warshefana → Wershefana Communal Militia (Libya)',
    ]);
    expect(names('Gunmen loyal to the Houthis stormed the office.', 'YE', 2015)).toEqual([
      'Houthis (Ansar Allah)',
    ]);
  });

  it('Arabic construct nouns and من join; a nunated subject before its object does not', () => {
    expect(names('هاجم مسلحو التبو بلدة أوباري', 'LY', 2016)).toEqual(['Tabu Ethnic Militia (Libya)']);
    expect(names('اشتبك مسلحون من ورشفانة مع قوة أمنية', 'LY', 2016)).toEqual([
      'Wershefana Communal Militia (Libya)',
      'Police Forces of Libya (2014-)',
    ]);
    expect(names('استهدف مسلحون الجيش السوري قرب حماة', 'SY', 2016)).toEqual([
      'Unidentified Armed Group (Syria)',
      'Military Forces of Syria (2000-2024)',
    ]);
  });
});

describe('generic classes', () => {
  it('unidentified attackers, singular and plural', () => {
    for (const t of [
      'A gunman opened fire on a bus.',
      'Masked individuals shot a policeman.',
      'Militiamen looted the market.',
      'An unknown group kidnapped two traders.',
      'A sniper killed a man near the square.',
    ]) {
      expect(names(t, 'SD', 2016)[0], t).toBe('Unidentified Armed Group (Sudan)');
    }
  });

  it('Islamist militants, and unnamed "terrorists" in Algeria and Tunisia', () => {
    expect(names('An armed Islamist was killed in the mountains.', 'DZ', 2016)[0]).toBe(
      'Islamist Militia (Algeria)',
    );
    expect(names('Terrorists attacked a patrol.', 'TN', 2016)[0]).toBe('Islamist Militia (Tunisia)');
    expect(names('قتل الجيش إرهابيين في جبال الشعانبي', 'TN', 2016)).toContain('Islamist Militia (Tunisia)');
    // elsewhere "terrorists" stays an unidentified armed group
    expect(names('قتل الجيش إرهابيين', 'SY', 2016)).toContain('Unidentified Armed Group (Syria)');
  });

  it('victims named by occupation or condition are civilians', () => {
    expect(names('Militiamen beat a displaced man near the camp.', 'SD', 2016)).toEqual([
      'Unidentified Armed Group (Sudan)',
      'Civilians (Sudan)',
    ]);
    expect(names('A herder was found dead.', 'SD', 2016)).toEqual(['Civilians (Sudan)']);
  });

  it('state forces: singular aircraft, units, agents', () => {
    expect(names('A government warplane bombed the school.', 'SD', 2016)).toEqual([
      'Military Forces of Sudan (1989-2019)',
    ]);
    expect(names('The Sudanese Airforce bombed the village.', 'SD', 2016)).toEqual([
      'Military Forces of Sudan (1989-2019)',
    ]);
    expect(names('Police agents staged a sit-in.', 'TN', 2016)[0]).toBe('Police Forces of Tunisia (2014-)');
    expect(names('National Guard units clashed with smugglers.', 'TN', 2016)[0]).toBe(
      'Military Forces of Tunisia (2014-) National Guard',
    );
  });

  it('tribes in Arabic news', () => {
    expect(names('اندلعت اشتباكات بين أبناء العشائر', 'YE', 2016)).toEqual([
      'Unidentified Tribal Militia (Yemen)',
    ]);
    expect(names('شارك أبناء العشائر في تحرير القرية', 'IQ', 2016)).toEqual([
      'TMF: Tribal Mobilization Forces',
    ]);
  });
});

describe('named groups: spelling variants and descriptors', () => {
  it('Libya 2016', () => {
    expect(names('Clashes between Derna Shura Council revolutionaries and IS.', 'LY', 2016)[0]).toBe(
      'Shura Council of Darnah Mujahidin',
    );
    expect(names('clashes between Tabu and Tuareg tribes in Ubari', 'LY', 2016)).toEqual([
      'Tabu Ethnic Militia (Libya)',
      'Tuareg Ethnic Militia (Libya)',
    ]);
    expect(names('The air force targeted Ansar positions.', 'LY', 2016)).toEqual([
      'Military Forces of Libya (2014-)',
      'Ansar al-Sharia',
    ]);
  });

  it('Sudan 2016', () => {
    expect(names('The military clashed with the Nur faction.', 'SD', 2016)).toEqual([
      'Military Forces of Sudan (1989-2019)',
      'SLM/A-Nur: Sudan Liberation Movement/Army (Abdul Wahid al-Nur Faction)',
    ]);
    expect(names('Abala tribesmen attacked the camp.', 'SD', 2016)[0]).toBe('Abala Ethnic Militia (Sudan)');
    expect(names('Zaghawa and Fur militia fought near the wells.', 'SD', 2016)).toEqual([
      'Zaghawa Ethnic Militia (Sudan)',
      'Fur Ethnic Militia (Sudan)',
    ]);
  });

  it('Yemen and Syria news names', () => {
    expect(names('قصفت مقاتلات التحالف العربي مواقع المتمردين الحوثيين', 'YE', 2015)).toEqual([
      'Saudi-led Coalition',
      'Houthis (Ansar Allah)',
    ]);
    expect(names('تقدمت قوات الجيش الوطني والمقاومة نحو المدينة', 'YE', 2016)[0]).toBe(
      'Military Forces of Yemen (2012-)',
    );
    expect(names('سيطر الثوار على الحاجز', 'SY', 2015)).toEqual(['Opposition Rebels (Syria)']);
    expect(names('سيطر الثوار على الحاجز', 'YE', 2015)).toEqual(['?']);
  });
});

describe('no actors in common words', () => {
  it('Arabic words that only look like names', () => {
    for (const t of [
      'فتح الباب أمام الاستثمار',
      'تم فتح النار على الهدف', // the verb "open"
      'افتتحت قاعدة بيانات جديدة',
      'حسم الفريق المباراة',
      'برنامج الإصلاح الاقتصادي',
      'مشروع نهضة الوطن',
      'قال مصدر أمني إن الوضع هادئ',
      'ارتفعت أسعار النفط في السوق',
    ]) {
      const found = names(t, 'SA', 2016).filter((n) => n !== '?');
      expect(found, t).toEqual([]);
    }
  });

  it('English sports and economy sentences', () => {
    for (const t of [
      'The striker scored twice as the home team won the derby.',
      'Oil prices rose as the central bank cut interest rates.',
      'The company reported record profits for the quarter.',
    ]) {
      expect(names(t, 'EG', 2016), t).toEqual([]);
    }
  });

  it('an article-only alias needs the article', () => {
    expect(names('قتل عنصران من القاعدة في أبين', 'YE', 2016)).toContain(
      'AQAP: Al Qaeda in the Arabian Peninsula',
    );
    expect(names('وصلت التعزيزات إلى قاعدة العند', 'YE', 2016)).toEqual([]);
  });
});
