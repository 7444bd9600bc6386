import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, type Extractor } from '../src/extract/index.js';
import { reconcile } from '../src/extract/refine.js';
import type { Count } from '../src/extract/types.js';
import type { Event } from '../src/model/event.js';

let ex: Extractor;
beforeAll(() => {
  ex = createExtractor();
});

function events(text: string, published = '2024-03-11', title?: string): Event[] {
  return ex.extract({ id: 't', text, title, published }).events;
}

function one(text: string, published?: string, title?: string): Event {
  const es = events(text, published, title);
  expect(es.length, JSON.stringify(es.map((e) => e.sub_event_type))).toBeGreaterThanOrEqual(1);
  return es[0]!;
}

describe('fatalities', () => {
  it('reads number words, digits and duals in Arabic', () => {
    expect(one('قتل ثلاثة وعشرون مدنيا في قصف مدفعي استهدف سوقا شعبيا في مدينة إدلب أمس.').fatalities).toBe(
      23,
    );
    expect(one('قُتل جنديان في هجوم شنه مسلحون على حاجز للجيش قرب مدينة درعا أمس.').fatalities).toBe(2);
    expect(one('أسفرت غارة جوية على بلدة سراقب عن مقتل ١٢ شخصا أمس.').fatalities).toBe(12);
  });
  it('reads English counts, "at least" and a singular victim', () => {
    expect(
      one(
        'At least 14 people were killed in an airstrike on a market in the town of Maarat al-Numan on Sunday.',
      ).fatalities,
    ).toBe(14);
    expect(
      one('A soldier was killed when gunmen attacked a checkpoint near Arish on Sunday.').fatalities,
    ).toBe(1);
    expect(
      one('The army killed an armed Islamist militant near the town of Jijel on Sunday.').fatalities,
    ).toBe(1);
  });
  it('does not count the wounded, ages or years', () => {
    expect(one('أصيب خمسة مدنيين بجروح في قصف على بلدة معرة النعمان أمس.').fatalities).toBe(0);
    expect(one('Five civilians were wounded by shelling in the town of Ariha on Sunday.').fatalities).toBe(0);
    expect(one('قتل المواطن أحمد سالم (34) برصاص مسلحين مجهولين في مدينة عدن أمس.').fatalities).toBe(1);
  });
  it('codes deaths without a number, or only in a killed-and-wounded total, as 3', () => {
    expect(one('سقط قتلى في اشتباكات عنيفة بين الجيش ومسلحين في مدينة درنة أمس.').fatalities).toBe(3);
    expect(one('أسفر التفجير عن سقوط 40 بين قتيل وجريح في مدينة الحلة أمس.').fatalities).toBe(3);
  });
  it('adds the dead of two sides named in one sentence', () => {
    expect(
      one('Nine soldiers and three attackers were killed in clashes at a checkpoint near Mayadin on Sunday.')
        .fatalities,
    ).toBe(12);
  });
  it('reads an Arabic dual as two dead, also before a second clause of wounded', () => {
    expect(
      one('استشهد مواطنان وأصيب ثلاثة آخرون في غارة على بلدة عيتا الشعب جنوب لبنان أمس.').fatalities,
    ).toBe(2);
    expect(one('قتل جنديان وأصيب ثالث في هجوم على حاجز للجيش قرب مدينة درعا أمس.').fatalities).toBe(2);
    expect(one('قتل مدنيان في قصف مدفعي على مدينة إدلب أمس.').fatalities).toBe(2);
    expect(one('أسفر القصف عن مقتل شخصين وإصابة خمسة في مدينة إدلب أمس.').fatalities).toBe(2);
    expect(one('قتل 3 وأصيب 5 في قصف على بلدة سراقب أمس.').fatalities).toBe(3);
    expect(
      one('An air strike hit the town of Saraqib on Sunday, killing two and wounding five.').fatalities,
    ).toBe(2);
  });
  it('never counts the number in a unit name', () => {
    expect(one('قتل 27 شخصا في اشتباكات بين اللواء 444 وقوة الردع في مدينة طرابلس أمس.').fatalities).toBe(27);
    expect(one('سقط 12 قتيلا في اشتباكات بين الفرقة 25 ومسلحين قرب مدينة سرت أمس.').fatalities).toBe(12);
    expect(
      one('Clashes between Brigade 166 and the Radaa force killed 12 people in Tripoli on Sunday.')
        .fatalities,
    ).toBe(12);
    expect(
      one('Fighting between the 4th Division and rebels killed 9 people near Ariha on Sunday.').fatalities,
    ).toBe(9);
  });
  it('replaces a figure by its update', () => {
    const e = one(
      'قتل خمسة أشخاص في تفجير سيارة مفخخة في مدينة أعزاز أمس.\nوارتفعت حصيلة قتلى التفجير إلى تسعة أشخاص بحسب مصادر طبية.',
    );
    expect(e.fatalities).toBe(9);
  });
});

describe('reconcile', () => {
  const range = (sentence: number) => ({ tokenStart: 0, tokenEnd: 1, start: 0, end: 1, sentence });
  const c = (value: number, sentence: number, extra: Partial<Count> = {}): Count => ({
    value,
    range: range(sentence),
    vague: false,
    update: false,
    victimClass: 'unknown',
    ...extra,
  });
  it('keeps the most conservative of conflicting figures, with low/high', () => {
    const r = reconcile([c(12, 0), c(14, 3)])!;
    expect(r.value).toBe(12);
    expect(r.high).toBe(14);
  });
  it('adds named groups', () => {
    expect(reconcile([c(7, 0, { victim: 'sdf' }), c(23, 2, { victim: 'islamic state' })])!.value).toBe(30);
  });
  it('prefers exact figures over vague ones', () => {
    expect(reconcile([c(3, 0, { vague: true }), c(5, 1)])!.value).toBe(5);
  });
});

describe('what is not an event', () => {
  it.each([
    ['opinion', 'ويرى محللون أن التنظيم قد يشن هجمات جديدة على السجون في المنطقة.'],
    ['fear', 'ويخشى السكان من اندلاع اشتباكات جديدة في المدينة.'],
    ['negation', 'لم تسجل أي اشتباكات في المدينة خلال اليومين الماضيين.'],
    ['history', 'وكان التنظيم قد سيطر على المدينة منذ سنوات قبل أن يطرد منها.'],
    ['history (year)', 'In 2014, Islamic State fighters seized the city of Mosul after heavy clashes.'],
    ['threat', 'The group threatened to attack government buildings in the capital.'],
    ['plan', 'The army plans to launch an offensive to retake the town next month.'],
    ['sport', 'سجل المهاجم هدفين في مباراة الفريق أمس وقاد هجوما قويا على مرمى الخصم.'],
  ])('%s', (_kind, text) => {
    expect(events(text).map((e) => e.sub_event_type)).toEqual([]);
  });
  it('drops events older than a week before publication', () => {
    expect(
      events(
        'Clashes erupted in Sirte on 2 January 2024 between two armed groups, killing five.',
        '2024-03-11',
      ),
    ).toEqual([]);
  });
});

describe('segmentation and arguments', () => {
  it('codes the title, the lead and the body of one event once', () => {
    const es = events(
      'درعا - قتل أربعة جنود من الجيش السوري أمس في هجوم شنه مسلحون على حاجز عسكري في ريف درعا.\nوقال مصدر عسكري إن الاشتباكات استمرت ساعة.',
      '2024-03-11',
      'مقتل أربعة جنود في هجوم على حاجز بدرعا',
    );
    expect(es.length).toBe(1);
    expect(es[0]!.event_type).toBe('Battles');
    expect(es[0]!.fatalities).toBe(4);
  });
  it('reads Arabic passives with the agent after «شنه»', () => {
    const e = one(
      'قتل سبعة عناصر من الجيش العراقي في هجوم شنه تنظيم داعش على نقطة عسكرية قرب مدينة الرمادي أمس.',
    );
    expect([e.actor1, e.actor2].join('|')).toContain('Islamic State');
    expect([e.actor1, e.actor2].join('|')).toContain('Military Forces of Iraq');
  });
  it('reads English passives with "by"', () => {
    const e = one(
      'Three civilians were killed by an airstrike carried out by Russian warplanes in the town of Ariha on Sunday.',
    );
    expect(e.event_type).toBe('Explosions/Remote violence');
    expect(e.sub_event_type).toBe('Air/drone strike');
  });
  it('makes attacks on unarmed people violence against civilians', () => {
    const e = one('Gunmen killed three civilians in an attack on a market in the town of Baidoa on Sunday.');
    expect(e.event_type).toBe('Violence against civilians');
    expect(e.actor2).toBe('Civilians (Somalia)');
    expect(e.civilian_targeting).toBe('Civilian targeting');
  });
  it('codes a protest with tear gas as a protest with intervention', () => {
    const e = one('فرقت الشرطة العراقية بالغاز المسيل للدموع مظاهرة لمئات المحتجين في مدينة البصرة أمس.');
    expect(e.event_type).toBe('Protests');
    expect(e.sub_event_type).toBe('Protest with intervention');
    expect(e.actor1).toBe('Protesters (Iraq)');
  });
  it('resolves «أمس» and weekdays against the publication date', () => {
    expect(one('اندلعت اشتباكات عنيفة أمس بين الجيش ومسلحين في مدينة درنة.', '2024-03-11').event_date).toBe(
      '2024-03-10',
    );
    expect(
      one('Clashes erupted on Sunday between the army and militants in Derna.', '2024-03-13').event_date,
    ).toBe('2024-03-10');
  });
  it('gives evidence offsets into the text and the title', () => {
    const title = 'مقتل خمسة في قصف على إدلب';
    const text = 'قتل خمسة مدنيين أمس في قصف مدفعي على مدينة إدلب.';
    const e = one(text, '2024-03-11', title);
    for (const ev of e.evidence) {
      const src = ev.part === 'title' ? title : text;
      expect(src.slice(ev.start, ev.end)).toBe(ev.text);
    }
    expect(e.evidence.some((ev) => ev.field === 'location')).toBe(true);
    expect(e.evidence.some((ev) => ev.field === 'fatalities')).toBe(true);
    expect(e.notes).toMatch(/^On 2024-03-10, /);
  });
});

describe('context rules', () => {
  it('does not count a protest grievance as an event or its deaths', () => {
    const es = events(
      'IDPs protested in Tabit against the killing of a man by militiamen last week.',
      '2024-03-11',
    );
    expect(es.map((e) => e.event_type)).toEqual(['Protests']);
    expect(es[0]!.fatalities).toBe(0);
  });
  it('keeps a protest at a funeral', () => {
    const es = events(
      'Hundreds of mourners chanted against the government and protested at the funeral of a doctor in Fayoum on Sunday.',
    );
    expect(es.map((e) => e.event_type)).toContain('Protests');
  });
  it('takes the headline toll over its parts', () => {
    expect(
      one(
        'Tribesmen attacked a camp mosque in Kutum and killed 9 people on Sunday. Eight were killed instantly while one died in hospital later.',
      ).fatalities,
    ).toBe(9);
  });
  it('does not take a statistic over many attacks as an event toll', () => {
    const e = one(
      'قتل 12 شخصا في تفجير انتحاري استهدف مسجدا في مدينة مايدوغوري أمس.\nويعد التفجير الأحدث في سلسلة الهجمات التي أودت بحياة 300 شخص الشهر الحالي.',
    );
    expect(e.fatalities).toBe(12);
  });
  it('keeps a protest whose headline demands the release of jailed people', () => {
    const es = events(
      'Hundreds of Tunisians marched through central Tunis on Saturday to demand the release of jailed activists.',
      '2023-10-15',
      'Hundreds march in Tunis to demand release of jailed opposition figures',
    );
    expect(es.map((e) => e.event_type)).toContain('Protests');
  });
  it('does not count deaths referred to as the reason for a strike', () => {
    const es = events(
      'قصفت المدفعية التركية أمس مواقع لتنظيم داعش في سوريا ردا على مقتل أحد جنودها.',
      '2015-07-24',
    );
    expect(es.length).toBeGreaterThanOrEqual(1);
    expect(es[0]!.fatalities).toBe(0);
  });
  it('codes demonstrators who burn tyres as rioters', () => {
    const e = one(
      'Residents protested in Kasserine on Sunday and blocked the road with burning tyres.',
      '2024-03-11',
    );
    expect(e.event_type).toBe('Riots');
    expect(e.actor1).toBe('Rioters (Tunisia)');
  });
  it('counts victims named one by one, and «أحد» as one', () => {
    expect(
      one(
        'أسفر القصف على مركز حدودي في منطقة جازان أمس عن استشهاد العريف أحمد علي، والجندي محمد سالم، والجندي حسن ناصر.',
        '2015-08-01',
      ).fatalities,
    ).toBe(3);
    expect(
      one('أسفر سقوط مقذوف على حي سكني في نجران أمس عن استشهاد أحد المواطنين.', '2015-08-01').fatalities,
    ).toBe(1);
  });
  it('does not add up one death told twice, nor take the weapon owner for the victims', () => {
    const e = one(
      'استشهاد شاب بقذيفة حوثية في نجران\nاستشهد شاب في نجران أمس إثر سقوط قذيفة أطلقها الحوثيون، ونتج عن ذلك استشهاد أحد المواطنين.',
      '2015-08-03',
    );
    expect(e.fatalities).toBe(1);
  });
  it('dates what happened «غداة» (the day before) a dated report', () => {
    const es = events(
      'قصفت طائرات حربية تركية اليوم مواقع لتنظيم داعش في سوريا غداة تبادل لإطلاق النار بين الجيش التركي والمسلحين قرب كيليس.',
      '2015-07-24',
    );
    const clash = es.find((e) => e.event_type === 'Battles');
    expect(clash?.event_date).toBe('2015-07-23');
  });
});

describe('one event per listed place', () => {
  it('towns of one province far apart are separate events; the figures stay with the first', () => {
    const es = events(
      'Unemployed graduates staged sit-ins in Sidi Bouzid, Regueb and Meknassy on Monday.',
      '2016-01-25',
    );
    expect(es.map((e) => e.location)).toEqual(['Sidi Bouzid', 'Regueb', 'Meknassy']);
    expect(new Set(es.map((e) => e.admin1)).size).toBe(1);
  });
  it('a province named with a list of its towns: the towns are the places', () => {
    const es = events(
      'Graduates held sit-ins in several towns of Sidi Bouzid governorate, including Regueb and Meknassy.',
      '2016-01-25',
    );
    expect(es.map((e) => e.location)).toEqual(['Regueb', 'Meknassy']);
  });
  it('a town and its province listed together are one place', () => {
    const es = events(
      'Three detainees were tortured in El Aroussa, Siliana province, on Monday.',
      '2016-01-25',
    );
    expect(es.map((e) => e.location)).toEqual(['El Aroussa']);
  });
});

describe('tyre burning', () => {
  it('makes a road blockade a violent demonstration', () => {
    for (const text of [
      'Unemployed youths blocked the main road in Gafsa on Monday, setting tyres on fire.',
      'In Kasserine, tyres were set on fire and roads blocked on Monday to demand jobs.',
      'أغلق شبان عاطلون عن العمل الطريق الرئيسية في مدينة قفصة أمس وأشعلوا الإطارات.',
      'احتج شبان في مدينة قفصة أمس بإشعال الإطارات وإغلاق الطرق.',
    ]) {
      const e = one(text, '2024-03-12');
      expect(e.sub_event_type, text).toBe('Violent demonstration');
      expect(e.actor1, text).toBe('Rioters (Tunisia)');
    }
  });
});

describe('the toll of a riot', () => {
  it('counts a death told after a riot or a dispersed protest as its toll, keeping its sides', () => {
    const en = events(
      'Police fired live rounds to disperse rioters who blocked the main road in Nyala on Monday. One demonstrator was taken to hospital and later died.',
      '2024-03-12',
    );
    expect(en).toHaveLength(1);
    expect(en[0]!.fatalities).toBe(1);
    expect(en[0]!.actor2).toBe('Police Forces of Sudan (2019-)');
    const ar = one(
      'أطلقت الشرطة الرصاص الحي لتفريق محتجين أغلقوا الطريق الرئيسي في مدينة نيالا أمس. وتوفي أحد المتظاهرين لاحقا في المستشفى متأثرا بجراحه.',
      '2024-03-12',
    );
    expect(ar.fatalities).toBe(1);
  });
});

describe('a route between two places', () => {
  it('is one place, not a list of events', () => {
    expect(
      events(
        'A gunman was killed by soldiers on Monday near El Ghariani, on the road between Ben Gardane and Tataouine.',
        '2024-03-12',
      ),
    ).toHaveLength(1);
    expect(events('قتل مسلح برصاص الجيش أمس على الطريق بين بن قردان وتطاوين.', '2024-03-12')).toHaveLength(1);
  });
  it('still splits a list of places', () => {
    expect(events('Protests were held in Kasserine and Gafsa on Monday.', '2024-03-12')).toHaveLength(2);
  });
});

describe('civilians are not a side of a battle', () => {
  it('an armed attack that met civilians is violence against civilians', () => {
    for (const text of [
      'Following earlier clashes at the market, gunmen attacked the Kalma camp, targeting civilians. At least 4 killed.',
      'اندلعت اشتباكات بين مسلحين ومدنيين في سوق مدينة كتم أمس ما أدى إلى مقتل ثلاثة مدنيين.',
    ]) {
      const es = events(text, '2024-03-12').filter((e) => e.actor2.startsWith('Civilians'));
      expect(es.length, text).toBeGreaterThan(0);
      for (const e of es) expect(e.event_type, text).toBe('Violence against civilians');
    }
  });
});

describe('a protest in response to an earlier incident', () => {
  it('the incident it responds to is not an event of its own', () => {
    const en = events(
      'Responding to the abduction of a local commander, protesters in Zliten closed the coastal road on Monday.',
      '2024-03-12',
    );
    expect(en.map((e) => e.event_type)).toEqual(['Protests']);
    const ar = events('على خلفية اختطاف قائد محلي، أغلق محتجون الطريق الساحلي في زليتن أمس.', '2024-03-12');
    expect(ar.map((e) => e.event_type)).toEqual(['Protests']);
  });
});

describe('counting victims named one by one', () => {
  it('counts one victim per conjunct, not per person word', () => {
    expect(
      one(
        'An Indian nurse and her infant son were killed in shelling on the town of Zawiya on Monday.',
        '2024-03-12',
      ).fatalities,
    ).toBe(2);
    expect(
      one(
        'A teacher, a nurse and a driver were killed in shelling on the town of Zawiya on Monday.',
        '2024-03-12',
      ).fatalities,
    ).toBe(3);
  });
  it('reads a figure across an apposition that says who they were', () => {
    expect(
      one('Six people, reportedly civilians, were killed in air strikes on Derna on Monday.', '2024-03-12')
        .fatalities,
    ).toBe(6);
    expect(
      one('قتل ستة أشخاص، معظمهم من المدنيين، في غارات جوية على درنة أمس.', '2024-03-12').fatalities,
    ).toBe(6);
  });
});

describe('tear gas', () => {
  it('suffocation in an article about tear gas is not a chemical weapon', () => {
    for (const text of [
      'Police fired tear gas to stop prisoners escaping from the Giza police station on Monday. In the process, 17 people suffered suffocation and a prisoner died in hospital.',
      'أطلقت الشرطة الغاز المسيل للدموع لتفريق المحتجين في الجيزة أمس. وأصيب 17 شخصا بحالات اختناق وتوفي أحدهم في المستشفى.',
    ]) {
      const es = events(text, '2024-03-12');
      expect(es.length, text).toBeGreaterThan(0);
      expect(es.map((e) => e.sub_event_type)).not.toContain('Chemical weapon');
    }
  });
});

describe('places: names that are not the event place', () => {
  function ev(text: string, source: string, published = '2016-03-10'): Event[] {
    return ex.extract({ id: 't', text, published, source, lang: 'en' }).events;
  }
  it('a past event named after a town ("the 2012 "Port Said Massacre"") is not the place', () => {
    const e = ev(
      'Thousands of football fans protested at the club stadium on Monday, chanting slogans against the police to mark the anniversary of the 2012 "Port Said Massacre".',
      'Daily News Egypt',
    )[0]!;
    expect(e.location).not.toBe('Port Said');
    expect(e.country).toBe('Egypt');
  });
  it('a lowercase town listed with a capitalised one is a place', () => {
    const es = ev('Unemployed youths held sit-ins in ouargla and Tamanrasset on Sunday.', 'El Watan');
    expect(es.map((e) => e.location)).toContain('Ouargla');
  });
  it('a lowercase common word next to a place is not one', () => {
    const es = ev('Protests were held in march and Tunis saw more on Sunday.', 'Shems FM');
    expect(es.map((e) => e.country)).not.toContain('United Kingdom');
  });
  it('a transliteration must end alike: "Karmali" is not Kurmuk («Kurmul»)', () => {
    const e = ev(
      'Clashes between the army and SPLM-N rebels in Karmali near Kadugli. 5 soldiers killed.',
      'Sudan Tribune',
    )[0]!;
    expect(e.location).not.toBe('Kurmuk');
    expect(e.admin1).toBe('Kordofan');
  });
  it('the first word of a longer unknown name ("Rahad Abu Idrisa") is not the town of that word', () => {
    const e = ev(
      'Gunmen attacked displaced women collecting firewood in Rahad Abu Idrisa.',
      'Radio Dabanga',
    )[0]!;
    expect(e.location).not.toBe('Ar Rahad');
    expect(
      ev('Clashes erupted in Rahad on Monday between two tribes. 3 killed.', 'Sudan Tribune')[0]!.location,
    ).toBe('Ar Rahad');
  });
  it('a people\'s adjective is not a transliterated town ("the Kurdish city")', () => {
    const es = ev(
      'A car bomb exploded in the Kurdish city of Qamishli on Wednesday, killing 20 people.',
      'AFP',
    );
    expect(es.map((e) => e.country)).not.toContain('Iran');
  });
});

describe('places: national institutions without a town are in the capital', () => {
  function ev(text: string, source: string): Event[] {
    return ex.extract({ id: 't', text, published: '2016-03-10', source, lang: 'en' }).events;
  }
  it('"in front of Parliament" is the capital, not a town the protest is about', () => {
    const e = ev(
      'Protesters demonstrated in front of Parliament to denounce the demolition of homes in Tetouan.',
      'Morocco World News',
    )[0]!;
    expect(e.location).toBe('Rabat');
  });
  it('"outside the Interior Ministry" is the capital', () => {
    const e = ev(
      'Families of detained men staged a protest outside the Interior Ministry on Monday.',
      'Mosaique FM',
    )[0]!;
    expect(e.location).toBe('Tunis');
  });
  it('a town named with the institution wins ("outside the Ministry of Education in Sfax")', () => {
    const e = ev(
      'Teachers protested outside the Ministry of Education office in Sfax on Monday.',
      'Mosaique FM',
    )[0]!;
    expect(e.location).toBe('Sfax');
  });
  it('a regional directorate is not a national institution', () => {
    const e = ev(
      'Teachers protested outside the regional ministry directorate in Gafsa on Monday.',
      'Mosaique FM',
    )[0]!;
    expect(e.location).toBe('Gafsa');
  });
});

describe('places: a place located in a nearby town', () => {
  it('"north of Sortony in Kabkabiya": the place located, not the town it is in', () => {
    const e = ex.extract({
      id: 't',
      text: 'Militiamen killed a farmer north of Sortony in Kabkabiya on Monday.',
      published: '2016-05-10',
      source: 'Radio Dabanga',
      lang: 'en',
    }).events[0]!;
    expect(e.location).toBe('Sortony');
  });
});

describe('a town name shared by two countries', () => {
  it('without a country cue, takes the larger town; a country cue decides otherwise', () => {
    const sd = one('قتل شخص برصاص مسلحين في مدينة كتم أمس.');
    expect([sd.country, sd.admin1, sd.location]).toEqual(['Sudan', 'North Darfur', 'Kutum']);
    const jo = one('قتل شخص برصاص مسلحين في بلدة كتم شمال الأردن أمس.');
    expect(jo.country).toBe('Jordan');
  });
});

describe('air strikes that support another action', () => {
  it('are part of that action, not an event of their own nor its other side', () => {
    const ar = events(
      'سيطرت قوات المقاومة الشعبية على مدينة الحوطة في محافظة لحج أمس بمساعدة غارات التحالف العربي.',
    );
    expect(ar.map((e) => e.sub_event_type)).not.toContain('Air/drone strike');
    expect(ar[0]!.actor2).not.toBe('Saudi-led Coalition');
    const en = events(
      'Government forces captured the town of Kafr Nabuda in Hama province on Sunday, backed by Russian air strikes.',
    );
    expect(en.map((e) => e.sub_event_type)).not.toContain('Air/drone strike');
  });
  it('still reports air strikes told for themselves', () => {
    expect(one('شنت طائرات التحالف غارات على مواقع الحوثيين في محافظة صعدة أمس.').sub_event_type).toBe(
      'Air/drone strike',
    );
  });
  it('are support before or after the action, set off by commas or not', () => {
    for (const text of [
      'Government forces, backed by Russian air strikes, captured the town of Kafr Nabuda in Hama province on Sunday.',
      'Backed by Russian air strikes, government forces captured the town of Kafr Nabuda in Hama province on Sunday.',
      'With air support from Russian warplanes, government forces captured the town of Kafr Nabuda in Hama province on Sunday.',
      'Government forces, supported by Russian air strikes and artillery, recaptured the town of Kafr Nabuda in Hama province on Sunday.',
      'بإسناد من الطيران الروسي، سيطرت قوات النظام على بلدة كفرنبودة في ريف حماة أمس.',
      'تقدمت قوات النظام مدعومة بغارات روسية وسيطرت على بلدة كفرنبودة في ريف حماة أمس.',
      'سيطرت قوات النظام بغطاء جوي من الطائرات الحربية الروسية على بلدة كفرنبودة في ريف حماة أمس.',
    ]) {
      const es = events(text);
      expect(
        es.map((e) => e.sub_event_type),
        text,
      ).toEqual(['Government regains territory']);
      // the strike's owner is the taker's ally, not a side
      expect(es[0]!.actor1, text).toBe('Military Forces of Syria (2000-2024)');
      expect(es[0]!.actor2, text).not.toBe('Military Forces of Russia (2000-)');
      expect(es[0]!.assoc_actor_1, text).toBe('Military Forces of Russia (2000-)');
    }
  });
  it('support an attack on the ground', () => {
    const e = one('هاجم مسلحو المعارضة بدعم من طائرات مسيرة تركية مواقع الجيش في تل رفعت أمس.');
    expect(e.event_type).toBe('Battles');
    expect(e.actor1).toBe('Opposition Rebels (Syria)');
  });
  it('are events of their own in a clause of their own, or with a toll of their own', () => {
    const two = events(
      'Government forces captured the town of Kafr Nabuda in Hama province on Sunday, while Russian air strikes killed 12 civilians in Kafranbel.',
    );
    expect(two.map((e) => e.sub_event_type)).toEqual(['Government regains territory', 'Air/drone strike']);
    expect(two[1]!.fatalities).toBe(12);
    const ar = events(
      'سيطرت قوات النظام على بلدة كفرنبودة في ريف حماة أمس، فيما قتل 12 مدنيا في غارات روسية على بلدة كفرنبل.',
    );
    expect(ar.map((e) => e.sub_event_type)).toEqual(['Government regains territory', 'Air/drone strike']);
    expect(ar[1]!.fatalities).toBe(12);
    const toll = one(
      'Government forces captured the town of Kafr Nabuda in Hama province on Sunday, backed by Russian air strikes that killed 12 civilians.',
    );
    expect(toll.sub_event_type).toBe('Air/drone strike');
    expect(toll.fatalities).toBe(12);
    expect(
      one('Russian air strikes killed 12 civilians in Kafr Nabuda in Hama province on Sunday.').fatalities,
    ).toBe(12);
  });
  it('are not support when «وقع» means "took place"', () => {
    const es = events(
      'سيطر الجيش على قرية الهبيط في ريف إدلب أمس، ووقع قصف جوي على بلدة كفرنبل أسفر عن مقتل 5 مدنيين.',
    );
    expect(es.map((e) => e.sub_event_type)).toContain('Air/drone strike');
  });
});

describe('words inside a place name', () => {
  it('are no victims: «ود مدني» (Wad Madani) holds no civilian', () => {
    const e = one('سيطرت قوات الدعم السريع على مدينة ود مدني يوم الأحد.');
    expect(e.event_type).toBe('Battles');
    expect(e.sub_event_type).toBe('Non-state actor overtakes territory');
    expect(e.actor2).not.toBe('Civilians (Sudan)');
    expect(e.location).toBe('Wad Medani');
  });
  it('leave a victim noun outside the name alone', () => {
    const e = one('قتل مدني في ود مدني يوم الأحد.');
    expect(e.event_type).toBe('Violence against civilians');
    expect(e.actor2).toBe('Civilians (Sudan)');
    expect(e.fatalities).toBe(1);
    expect(one('Government shelling killed a civilian in Taybat al Imam on Sunday.').actor2).toBe(
      'Civilians (Syria)',
    );
  });
  it('are no actor, date or cue («Taybat al Imam», «الخميس مليانة», «معبر باب الهوى», "Sixth of October")', () => {
    expect(one('Government forces shelled Taybat al Imam in Hama province on Sunday.').actor2).toBe('');
    expect(one('قتل شرطي في هجوم مسلح في الخميس مليانة يوم الأحد.').event_date).toBe('2024-03-10');
    expect(one('انفجرت سيارة مفخخة قرب معبر باب الهوى على الحدود التركية أمس.').sub_event_type).toBe(
      'Remote explosive/landmine/IED',
    );
    expect(one('Police arrested five men in Sixth of October City on Sunday.').sub_event_type).toBe(
      'Arrests',
    );
  });
});

describe('an article with no date at all', () => {
  it('is read as today’s news, dated to the month only', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const text of [
      'Gunmen killed five civilians in an attack on a market in Baidoa.',
      'قتل خمسة مدنيين في هجوم لمسلحين على سوق في بيدوا.',
    ]) {
      const es = ex.extract({ id: 'u', text }).events;
      expect(es.length, text).toBeGreaterThan(0);
      for (const e of es) {
        expect(e.event_date).toBe(today);
        expect(e.time_precision).toBe(3);
      }
    }
  });
});

describe('a unit number shared by several armies', () => {
  function ev(text: string, source?: string): Event {
    const es = ex.extract({ id: 't', text, published: '2024-03-11', source }).events;
    expect(es.length).toBeGreaterThanOrEqual(1);
    return es[0]!;
  }
  it('is the unit of the country where the event is, from a place in the sentence', () => {
    const e = ev('اشتبكت قوات الفرقة 25 مع مسلحين في منطقة الجفرة أمس، ما أسفر عن مقتل ثلاثة منهم.');
    expect(e.country).toBe('Libya');
    expect(e.actor1).toBe('Military Forces of Libya (2014-)');
    expect(e.inter1).toBe(1);
    const en = ev('The 25th Division clashed with gunmen near Sirte on Sunday, killing three of them.');
    expect(en.actor1).toBe('Military Forces of Libya (2014-)');
  });
  it('from the dateline or the outlet when the sentence names no place', () => {
    expect(ev('بنغازي - اشتبكت الفرقة 25 مع مسلحين أمس وقتل ثلاثة منهم.').actor1).toBe(
      'Military Forces of Libya (2014-)',
    );
    const e = ev('اشتبكت الفرقة 25 مع مسلحين أمس وقتل ثلاثة منهم.', 'Libya Observer');
    expect(e.country).toBe('Libya');
    expect(e.actor1).toBe('Military Forces of Libya (2014-)');
  });
  it('stays the listed unit in its own country', () => {
    for (const text of [
      'اشتبكت الفرقة 25 مع مسلحين في ريف حماة أمس، ما أسفر عن مقتل ثلاثة منهم.',
      'The 25th Division clashed with gunmen near Hama on Sunday, killing three of them.',
    ]) {
      const e = ev(text);
      expect(e.country).toBe('Syria');
      expect(e.actor1).toBe('Military Forces of Syria (2000-2024) 25th Special Mission Forces Division');
    }
  });
});

describe('territory: who took the place decides the sub-event', () => {
  const sub = (text: string, published = '2018-03-11') => one(text, published).sub_event_type;
  it('state forces that seize or capture a place regain territory (English)', () => {
    expect(sub('Government forces captured the town of Maarat al-Numan on Sunday.')).toBe(
      'Government regains territory',
    );
    expect(sub('The army regained control of the town of Khan Shaykhun on Sunday.')).toBe(
      'Government regains territory',
    );
    expect(sub('The town of Sirte was captured by government forces on Sunday.')).toBe(
      'Government regains territory',
    );
    expect(sub('The Libyan National Army seized the town of Ajdabiya on Sunday.', '2016-03-11')).toBe(
      'Government regains territory',
    );
  });
  it('state forces that take a place regain territory (Arabic)', () => {
    expect(sub('سيطرت قوات النظام على بلدة كفرنبل في ريف إدلب أمس.')).toBe('Government regains territory');
    expect(sub('استعاد الجيش السيطرة على بلدة كفرنبل في ريف إدلب أمس.')).toBe('Government regains territory');
    expect(sub('بسط الجيش السوري سيطرته على قرية عطشان في ريف حماة أمس.')).toBe(
      'Government regains territory',
    );
  });
  it('militias the lexicon counts with the state also regain territory', () => {
    expect(sub('سيطرت قوات الدفاع الوطني على قرية عطشان في ريف حماة أمس.')).toBe(
      'Government regains territory',
    );
    expect(sub('سيطرت المقاومة الشعبية على مدينة الضالع أمس.', '2015-05-11')).toBe(
      'Government regains territory',
    );
  });
  it('a non-state group that takes a place overtakes territory, even when it "retakes" it', () => {
    expect(sub('Islamic State seized the town of Mayadin on Sunday.')).toBe(
      'Non-state actor overtakes territory',
    );
    expect(sub('سيطر تنظيم داعش على بلدة الباغوز في ريف دير الزور أمس.')).toBe(
      'Non-state actor overtakes territory',
    );
    expect(sub('استعاد تنظيم داعش السيطرة على بلدة الباغوز في ريف دير الزور أمس.')).toBe(
      'Non-state actor overtakes territory',
    );
    expect(sub('Islamic State fighters recaptured the town of Mayadin on Sunday.')).toBe(
      'Non-state actor overtakes territory',
    );
  });
  it('an unnamed or unidentified taker keeps the reading of the verb', () => {
    expect(sub('The town was recaptured after a week of fighting near Sirte on Sunday.')).toBe(
      'Government regains territory',
    );
    expect(sub('Gunmen seized the town of Sirte on Sunday.')).toBe('Non-state actor overtakes territory');
    expect(sub('استولى مسلحون مجهولون على بلدة كفرنبل في ريف إدلب أمس.')).toBe(
      'Non-state actor overtakes territory',
    );
  });
});
