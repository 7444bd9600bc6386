import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDoc } from '../text/doc.js';
import {
  type ActorLexicon,
  ActorLexiconError,
  actorIdentity,
  findActors,
  loadActorLexicon,
  parentsOf,
  resolveActor,
  resolveName,
  stateActor,
} from './actors.js';
import { isUnitDesignation } from './units.js';

let lex: ActorLexicon;
beforeAll(() => {
  lex = loadActorLexicon();
});

/** Resolves the first actor mention found in `text`. */
function first(text: string, country?: string, year?: number): string | undefined {
  const doc = createDoc({ text });
  const m = findActors(lex, doc)[0];
  if (!m) return undefined;
  return resolveActor(lex, m.values, { country, year })?.name;
}

function all(text: string, country?: string, year?: number): string[] {
  const doc = createDoc({ text });
  return findActors(lex, doc).map((m) => resolveActor(lex, m.values, { country, year })?.name ?? '?');
}

describe('actor lexicon files', () => {
  it('load and validate, with at least 400 canonical actors', () => {
    const specific = lex.entries.filter((e) => !e.generic);
    expect(specific.length).toBeGreaterThanOrEqual(400);
    expect(new Set(lex.entries.map((e) => e.name)).size).toBe(lex.entries.length);
    for (const e of lex.entries) {
      expect(e.inter).toBeGreaterThanOrEqual(0);
      expect(e.inter).toBeLessThanOrEqual(8);
      if (e.parent) expect(lex.byName.has(e.parent)).toBe(true);
    }
  });

  it('every country with state rows has a military entry', () => {
    for (const cc of ['SY', 'IQ', 'YE', 'EG', 'LY', 'SD', 'SS', 'TN', 'DZ', 'MA', 'SA', 'SO', 'ML', 'NG']) {
      expect(stateActor(lex, 'military', cc, 2016), cc).not.toBeNull();
      expect(stateActor(lex, 'police', cc, 2016), cc).not.toBeNull();
    }
  });
});

describe('aliases in context resolve by country', () => {
  const cases: [string, string, number | undefined, string][] = [
    ['قال مصدر إن داعش هاجم سجن غويران', 'SY', 2022, 'Islamic State (Syria)'],
    ['قال مصدر إن داعش هاجم قرية قرب الموصل', 'IQ', 2016, 'Islamic State (Iraq)'],
    ['أعلن تنظيم الدولة الإسلامية مسؤوليته عن التفجير', 'YE', 2015, 'Islamic State (Yemen)'],
    ['فجر انتحاري من داعش نفسه في مسجد', 'KW', 2015, 'Islamic State (Kuwait)'],
    ['Islamic State militants attacked a checkpoint', 'IQ', 2016, 'Islamic State (Iraq)'],
    ['ISIS claimed the attack', 'SY', 2017, 'Islamic State (Syria)'],
    ['Daesh fighters shelled the town', 'SY', 2017, 'Islamic State (Syria)'],
    ['هاجم مسلحو ولاية سيناء كمينا للجيش', 'EG', 2016, 'Islamic State (Sinai Province)'],
    ['وشنت قوات سوريا الديمقراطية حملة', 'SY', 2022, 'SDF: Syrian Democratic Forces'],
    ['اعتقلت قسد عشرات المشتبه بهم', 'SY', 2022, 'SDF: Syrian Democratic Forces'],
    ['واشتبكت وحدات حماية الشعب مع الفصائل', 'SY', 2016, 'YPG: Peoples Protection Units'],
    ['The SDF said it arrested 89 militants', 'SY', 2022, 'SDF: Syrian Democratic Forces'],
    ['قصفت ميليشيا الحوثي أحياء تعز', 'YE', 2015, 'Houthis (Ansar Allah)'],
    ['تصدى الجيش الوطني لهجوم الحوثيين', 'YE', 2015, 'Military Forces of Yemen (2012-)'],
    ['قصفت الميليشيات الانقلابية مدينة تعز', 'YE', 2015, 'Houthis (Ansar Allah)'],
    [
      'استهدف الحوثيون مواقع المقاومة',
      'YE',
      2019,
      'Military Forces of Yemen (2016-) Supreme Political Council',
    ],
    ['Houthi rebels fired a missile', 'YE', 2015, 'Houthis (Ansar Allah)'],
    ['وسيطرت المقاومة الشعبية على الحي', 'YE', 2015, 'Popular Resistance (Yemen)'],
    ['شن طيران التحالف العربي غارات', 'YE', 2015, 'Saudi-led Coalition'],
    ['قصفت طائرات التحالف الدولي مواقع التنظيم', 'SY', 2015, 'US-led Coalition'],
    ['Coalition aircraft struck IS positions', 'SY', 2016, 'US-led Coalition'],
    ['وتقدمت قوات الدعم السريع نحو الفاشر', 'SD', 2024, 'RSF: Rapid Support Forces'],
    ['هاجم الجنجويد قرية في دارفور', 'SD', 2016, 'RSF: Rapid Support Forces'],
    ['واستهدف الحشد الشعبي مواقع التنظيم', 'IQ', 2016, 'PMF: Popular Mobilization Forces'],
    [
      'واستهدف الحشد الشعبي مواقع التنظيم',
      'IQ',
      2021,
      'Military Forces of Iraq (2020-) Popular Mobilization Forces',
    ],
    ['قصف حزب العمال الكردستاني موقعا تركيا', 'IQ', 2022, 'PKK: Kurdistan Workers Party'],
    ['اشتبكت عناصر ب ك ك مع الجيش', 'TR', 2022, 'PKK: Kurdistan Workers Party'],
    [
      'SPLM-N rebels clashed with SAF in South Kordofan',
      'SD',
      2016,
      "SPLM-N: Sudan People's Liberation Movement (North)",
    ],
    ['Al Shabaab militants attacked an AMISOM base', 'SO', 2016, 'Al Shabaab'],
    [
      'وقتل عنصران من الحرس الوطني في القصرين',
      'TN',
      2016,
      'Military Forces of Tunisia (2014-) National Guard',
    ],
    [
      'Presidential Guard forces clashed with a militia in Tripoli',
      'LY',
      2016,
      'Military Forces of Libya (2016-) Presidential Guard',
    ],
    ['قوات حفتر تقصف مواقع في بنغازي', 'LY', 2016, 'Military Forces of Libya (2014-)'],
    ['اشتبك مسلحون من التبو مع الطوارق', 'LY', 2016, 'Tabu Ethnic Militia (Libya)'],
    ['هاجمت هيئة تحرير الشام مواقع للنظام', 'SY', 2019, 'HTS: Hayat Tahrir al Sham'],
    ['واشتبكت جبهة النصرة مع الجيش الحر', 'SY', 2015, 'JFS: Al Nusra Front'],
    ['قصفت قوات الأسد ريف إدلب', 'SY', 2019, 'Military Forces of Syria (2000-2024)'],
    ['قصف الجيش السوري مواقع في ريف حماة', 'IQ', 2019, 'Military Forces of Syria (2000-2024)'],
    ['كمن أنصار بيت المقدس لدورية', 'EG', 2014, 'Ansar Bait al-Maqdis'],
    [
      'Boko Haram insurgents raided a village',
      'NG',
      2016,
      'Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad',
    ],
    [
      'أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها',
      'ML',
      2020,
      'JNIM: Group for Support of Islam and Muslims',
    ],
  ];
  for (const [text, cc, year, want] of cases) {
    it(`${text} (${cc} ${year}) → ${want}`, () => {
      expect(first(text, cc, year)).toBe(want);
    });
  }
});

describe('generic patterns', () => {
  it('مسلحون مجهولون in Libya → Unidentified Armed Group (Libya)', () => {
    expect(first('قتل مسلحون مجهولون شابا في سبها', 'LY', 2016)).toBe('Unidentified Armed Group (Libya)');
    expect(first('Unidentified gunmen killed a man in Sabha', 'LY', 2016)).toBe(
      'Unidentified Armed Group (Libya)',
    );
  });
  it('الجيش in Egypt 2016 → Military Forces of Egypt (2014-)', () => {
    expect(first('وقال الجيش إنه قتل عشرة مسلحين', 'EG', 2016)).toBe('Military Forces of Egypt (2014-)');
    expect(first('The army said it killed ten militants', 'EG', 2016)).toBe(
      'Military Forces of Egypt (2014-)',
    );
  });
  it('police and security forces map to the country police for the year', () => {
    expect(first('فرقت قوات الأمن المتظاهرين', 'EG', 2016)).toBe('Police Forces of Egypt (2014-)');
    expect(first('Police dispersed the crowd in Khartoum', 'SD', 2016)).toBe(
      'Police Forces of Sudan (1989-2019)',
    );
    expect(first('Police dispersed the crowd in Khartoum', 'SD', 2021)).toBe(
      'Police Forces of Sudan (2019-)',
    );
  });
  it('civilians, protesters, rioters with the country', () => {
    expect(first('قتل ثلاثة مدنيين في القصف', 'SY', 2016)).toBe('Civilians (Syria)');
    expect(first('Residents fled the village', 'SD', 2016)).toBe('Civilians (Sudan)');
    expect(first('تظاهر المحتجون أمام مقر الولاية', 'TN', 2016)).toBe('Protesters (Tunisia)');
    expect(first('Demonstrators gathered in Tunis', 'TN', 2016)).toBe('Protesters (Tunisia)');
    expect(first('أحرق مثيرو الشغب إطارات', 'TN', 2016)).toBe('Rioters (Tunisia)');
  });
  it('countryName overrides the template country', () => {
    const doc = createDoc({ text: 'civilians' });
    const m = findActors(lex, doc)[0]!;
    expect(resolveActor(lex, m.values, { countryName: 'International' })?.name).toBe(
      'Civilians (International)',
    );
  });
  it('a generic pattern without any country does not resolve', () => {
    expect(first('مسلحون مجهولون أطلقوا النار')).toBeUndefined();
  });
});

describe('validity periods', () => {
  it('picks the period by event year', () => {
    expect(first('قصف الجيش السوري البلدة', 'SY', 2016)).toBe('Military Forces of Syria (2000-2024)');
    expect(first('قصف الجيش السوري البلدة', 'SY', 2025)).toBe('Military Forces of Syria (2024-)');
    expect(stateActor(lex, 'military', 'SD', 2016)?.name).toBe('Military Forces of Sudan (1989-2019)');
    expect(stateActor(lex, 'military', 'SD', 2023)?.name).toBe('Military Forces of Sudan (2019-)');
    expect(stateActor(lex, 'military', 'EG', 2012)?.name).toBe('Military Forces of Egypt (2012-2013)');
    expect(stateActor(lex, 'police', 'IQ', 2022)?.name).toBe('Police Forces of Iraq (2020-)');
  });
  it('without a year the current (open-ended) entry wins', () => {
    expect(stateActor(lex, 'military', 'SY')?.name).toBe('Military Forces of Syria (2024-)');
  });
  it('foreign state forces become external (inter 8)', () => {
    const r = resolveName(lex, 'القوات التركية', { country: 'SY', year: 2019 });
    expect(r?.name).toBe('Military Forces of Turkey (2016-)');
    expect(r?.inter).toBe(8);
    expect(resolveName(lex, 'Israeli forces', { country: 'PS', year: 2022 })?.inter).toBe(8);
    expect(resolveName(lex, 'الجيش المصري', { country: 'EG', year: 2016 })?.inter).toBe(1);
  });
});

describe('associated parent actors', () => {
  it('الأسايش → parent SDF', () => {
    const r = resolveName(lex, 'الأسايش', { country: 'SY', year: 2022 });
    expect(r?.name).toBe('Asayish (Syria)');
    expect(r?.parent).toBe('SDF: Syrian Democratic Forces');
    expect(parentsOf(lex, 'Asayish (Syria)')).toEqual(['SDF: Syrian Democratic Forces']);
  });
  it('units carry their parent state force', () => {
    expect(resolveName(lex, 'الفرقة الرابعة', { country: 'SY', year: 2018 })?.parent).toBe(
      'Military Forces of Syria (2000-2024)',
    );
  });
});

describe('unit designations shared by many armies', () => {
  it("a bare unit number names the event country's own forces, not a foreign unit", () => {
    expect(resolveName(lex, 'الفرقة 25', { country: 'LY', year: 2016 })?.name).toBe(
      'Military Forces of Libya (2014-)',
    );
    expect(resolveName(lex, 'الفرقة 25', { country: 'LY', year: 2016 })?.inter).toBe(1);
    expect(resolveName(lex, '4th Division', { country: 'IQ', year: 2022 })?.name).toBe(
      'Military Forces of Iraq (2020-)',
    );
    expect(resolveName(lex, 'اللواء 106', { country: 'SY', year: 2018 })?.name).toBe(
      'Military Forces of Syria (2000-2024)',
    );
    // a country with no state row of its own: the generic form for the country
    expect(
      resolveName(lex, 'الفرقة الرابعة', { country: 'BH', countryName: 'Bahrain', year: 2018 })?.name,
    ).toMatch(/^Military Forces of Bahrain/);
  });
  it('keeps the unit in its own country and when the country is unknown', () => {
    expect(resolveName(lex, 'الفرقة 25', { country: 'SY', year: 2018 })?.name).toBe(
      'Military Forces of Syria (2000-2024) 25th Special Mission Forces Division',
    );
    expect(resolveName(lex, 'Brigade 106', { country: 'LY', year: 2018 })?.name).toBe(
      'Military Forces of Libya (2014-) 106th Brigade',
    );
    expect(resolveName(lex, 'الفرقة 25', { year: 2018 })?.name).toBe(
      'Military Forces of Syria (2000-2024) 25th Special Mission Forces Division',
    );
  });
  it('a unit named by its leader or its own name is still that unit abroad', () => {
    const r = resolveName(lex, 'قوات سهيل الحسن', { country: 'LY', year: 2018 });
    expect(r?.name).toBe('Military Forces of Syria (2000-2024) 25th Special Mission Forces Division');
    expect(r?.inter).toBe(8);
    expect(resolveName(lex, 'Tiger Forces', { country: 'IQ', year: 2018 })?.inter).toBe(8);
  });
  it('recognises bare designations only', () => {
    for (const a of [
      'الفرقة 25',
      'الفرقة 25 مهام خاصة',
      'اللواء 106',
      'الفرقة الرابعة',
      'قوات الفرقة الرابعة',
    ])
      expect(isUnitDesignation(a), a).toBe(true);
    for (const a of [
      '25th Division',
      'Fourth Division',
      '4th Armoured Division',
      'Brigade 106',
      'Fifth Corps',
    ])
      expect(isUnitDesignation(a), a).toBe(true);
    for (const a of [
      "Maher al-Assad's 4th Division",
      'الفرقة الذهبية',
      'اللواء حفتر',
      'Golden Division',
      'Tariq bin Ziyad Brigade',
      'الجيش الثاني الميداني',
      'Tiger Forces',
      '106',
    ])
      expect(isUnitDesignation(a), a).toBe(false);
  });
});

describe('Arabic clitics and word boundaries', () => {
  it('matches with attached conjunctions and prepositions', () => {
    expect(first('وقوات سوريا الديمقراطية تتقدم', 'SY', 2022)).toBe('SDF: Syrian Democratic Forces');
    expect(first('في ضربة لداعش قرب الحسكة', 'SY', 2022)).toBe('Islamic State (Syria)');
    expect(first('وندد بيان بالحوثيين', 'YE', 2015)).toBe('Houthis (Ansar Allah)');
    expect(first('وأكدت مصادر للحشد الشعبي', 'IQ', 2016)).toBe('PMF: Popular Mobilization Forces');
    expect(first('بالأسايش', 'SY', 2022)).toBe('Asayish (Syria)');
  });
  it('does not match inside unrelated words', () => {
    expect(all('This is a crisis that is worsening', 'SY', 2016)).toEqual([]);
    expect(all('Tell us about the union', 'SY', 2016)).toEqual([]);
    expect(all('أكدت الجهات الأمنية السعودية', 'SA', 2015)).toEqual([
      'Police Forces of Saudi Arabia (2015-)',
    ]);
    expect(all('قالت المصادر الأمنية إن الوضع هادئ', 'EG', 2016)).toEqual([]);
    expect(all('الدعم المالي للمشروع', 'SD', 2016)).toEqual([]);
  });
  it('acronyms are case-sensitive', () => {
    expect(first('IS claimed the attack', 'IQ', 2016)).toBe('Islamic State (Iraq)');
    expect(first('US forces struck the base', 'SY', 2019)).toBe(
      'Military Forces of the United States (2017-2021)',
    );
  });
  it('country-context aliases only count in scope', () => {
    expect(first('تقدمت المقاومة الشعبية', 'YE', 2015)).toBe('Popular Resistance (Yemen)');
    expect(first('تقدمت المقاومة الشعبية', 'EG', 2015)).toBeUndefined();
    expect(first('وحلقت طائرات التحالف فوق الحسكة', 'SY', 2022)).toBe('US-led Coalition');
    expect(first('وشن طيران التحالف غارات على صنعاء', 'YE', 2015)).toBe('Saudi-led Coalition');
  });
});

describe('actorIdentity', () => {
  it('normalises names and aliases to one key', () => {
    const is = actorIdentity('Islamic State (Iraq)', lex);
    expect(is).toBe('islamic state');
    for (const n of [
      'IS',
      'ISIS',
      'ISIL',
      'Daesh',
      'Islamic State (Syria)',
      'State of Sinai',
      'the Islamic State',
    ]) {
      expect(actorIdentity(n, lex), n).toBe(is);
    }
    expect(actorIdentity('Military Forces of Egypt (2014-)', lex)).toBe('military forces of egypt');
    expect(actorIdentity('Military Forces of Sudan (1989-)', lex)).toBe('military forces of sudan');
    expect(actorIdentity('SDF', lex)).toBe(actorIdentity('QSD: Syrian Democratic Forces', lex));
    expect(actorIdentity('Houthis (Ansar Allah)', lex)).toBe(
      actorIdentity('Military Forces of Yemen (2016-) Supreme Political Council', lex),
    );
    expect(actorIdentity('Civilians (Syria)', lex)).toBe('civilians');
    expect(actorIdentity('Some New Group (Chad)', lex)).toBe('some new group');
  });
});

describe('validation errors name the file and line', () => {
  const header = 'name\tinter\tcountries\trole\tfrom\tto\taliases_en\taliases_ar\tparent\tidentity\tnotes';
  function dirWith(body: string): string {
    const d = mkdtempSync(join(tmpdir(), 'actors-'));
    writeFileSync(join(d, 'test.tsv'), `${header}\n${body}\n`);
    return d;
  }
  function errorOf(body: string): string {
    try {
      loadActorLexicon(dirWith(body));
    } catch (e) {
      expect(e).toBeInstanceOf(ActorLexiconError);
      return (e as Error).message;
    }
    return '';
  }
  it('malformed row', () => {
    expect(errorOf('Good Group\t2\tSY\trebel\t\t\tGood Group\tمجموعة جيدة\nbroken row without tabs')).toMatch(
      /test\.tsv:3: malformed row/,
    );
  });
  it('bad inter, country, role, years, empty alias, unknown parent, duplicate name', () => {
    expect(errorOf('A\t9\tSY\trebel\t\t\ta\tا')).toMatch(/test\.tsv:2: inter '9'/);
    expect(errorOf('A\t2\tXX\trebel\t\t\ta\tا')).toMatch(/test\.tsv:2: 'XX' is not an ISO/);
    expect(errorOf('A\t2\tSY\twarlord\t\t\ta\tا')).toMatch(/test\.tsv:2: unknown role/);
    expect(errorOf('A\t2\tSY\trebel\t2020\t2010\ta\tا')).toMatch(/test\.tsv:2: from 2020 > to 2010/);
    expect(errorOf('A\t2\tSY\trebel\t\t\ta||b\tا')).toMatch(/test\.tsv:2: empty alias/);
    expect(errorOf('A\t2\tSY\trebel\t\t\ta\tا\tNobody')).toMatch(/test\.tsv:2: unknown parent 'Nobody'/);
    expect(errorOf('A\t2\tSY\trebel\t\t\ta\tا\nA\t2\tIQ\trebel\t\t\tb\tب')).toMatch(
      /test\.tsv:3: duplicate canonical name 'A' \(first at test\.tsv:2\)/,
    );
    expect(errorOf('A\t2\tSY\trebel\t\t\ta\tlatin')).toMatch(
      /test\.tsv:2: aliases_ar alias 'latin' is not Arabic/,
    );
  });
  it('a clean file loads', () => {
    const l = loadActorLexicon(dirWith('A Group\t2\tSY\trebel\t2012\t\tAG|the A group\tمجموعة أ'));
    expect(l.entries).toHaveLength(1);
    expect(l.entries[0]!.from).toBe(2012);
  });
});
