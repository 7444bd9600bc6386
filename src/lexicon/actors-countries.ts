/** ISO 3166-1 alpha-2 codes (for validating the actor lexicon) and ACLED-style English country names. */

const ISO2_CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW';

export const ISO2 = new Set(ISO2_CODES.split(' '));

/** English country names as ACLED writes them (for name templates such as `Civilians ({country})`). */
export const COUNTRY_NAMES: Record<string, string> = {
  AE: 'United Arab Emirates',
  AF: 'Afghanistan',
  BF: 'Burkina Faso',
  BH: 'Bahrain',
  BJ: 'Benin',
  CD: 'Democratic Republic of Congo',
  CF: 'Central African Republic',
  CM: 'Cameroon',
  CY: 'Cyprus',
  DJ: 'Djibouti',
  DZ: 'Algeria',
  EG: 'Egypt',
  EH: 'Western Sahara',
  ER: 'Eritrea',
  ET: 'Ethiopia',
  FR: 'France',
  GB: 'United Kingdom',
  GR: 'Greece',
  IL: 'Israel',
  IQ: 'Iraq',
  IR: 'Iran',
  IT: 'Italy',
  JO: 'Jordan',
  KE: 'Kenya',
  KW: 'Kuwait',
  LB: 'Lebanon',
  LY: 'Libya',
  MA: 'Morocco',
  ML: 'Mali',
  MR: 'Mauritania',
  NE: 'Niger',
  NG: 'Nigeria',
  OM: 'Oman',
  PK: 'Pakistan',
  PS: 'Palestine',
  QA: 'Qatar',
  RU: 'Russia',
  SA: 'Saudi Arabia',
  SD: 'Sudan',
  SN: 'Senegal',
  SO: 'Somalia',
  SS: 'South Sudan',
  SY: 'Syria',
  TD: 'Chad',
  TG: 'Togo',
  TN: 'Tunisia',
  TR: 'Turkey',
  UG: 'Uganda',
  US: 'United States',
  YE: 'Yemen',
};

export function countryName(iso2: string): string | undefined {
  return COUNTRY_NAMES[iso2.toUpperCase()];
}
