/** Descriptor and direction cue words around place names (normalised forms, see text/normalize.ts). */
import { normalize } from '../text/normalize.js';

const n = (xs: string[]) => new Set(xs.map((x) => normalize(x)));

/** Arabic descriptors before a name that mean the region itself (geo_precision 3). */
export const AR_REGION_DESCRIPTORS = n(['محافظة', 'محافظتي', 'ولاية', 'إقليم', 'منطقة إدارية']);
/** Arabic descriptors before a name (the place itself). */
export const AR_DESCRIPTORS = n([
  'مدينة',
  'مدينتي',
  'بلدة',
  'بلدتي',
  'قرية',
  'قريتي',
  'حي',
  'مخيم',
  'منطقة',
  'قضاء',
  'ناحية',
  'مديرية',
  'مركز',
  'سجن',
  'مطار',
  'قاعدة',
  'معبر',
  'ميناء',
  'جزيرة',
  'عاصمة',
  'شعبية',
  'بلدية',
  'دولة',
  'جمهورية',
  'مملكة',
]);
/**
 * Descriptors of a facility (السجن المركزي، مطار الملك...): the next word is often an adjective or a
 * person, so they do not make a stoplisted common word a place.
 */
export const AR_FACILITY_DESCRIPTORS = n(['سجن', 'مطار', 'قاعدة', 'معبر', 'ميناء']);
/** Arabic direction/proximity words before a name (geo_precision 2). */
export const AR_DIRECTIONS = n([
  'شمال',
  'جنوب',
  'شرق',
  'غرب',
  'شمالي',
  'جنوبي',
  'شرقي',
  'غربي',
  'قرب',
  'محيط',
  'أطراف',
  'ضواحي',
  'ريف',
  'مشارف',
  'تخوم',
  'جوار',
]);
/** English descriptors after a name. */
export const EN_REGION_AFTER = new Set([
  'province',
  'governorate',
  'state',
  'wilaya',
  'region',
  'prefecture',
]);
export const EN_AFTER = new Set([
  'city',
  'town',
  'village',
  'district',
  'camp',
  'neighbourhood',
  'neighborhood',
  'area',
  'prison',
  'airport',
  'airbase',
  'crossing',
  'municipality',
  'suburb',
  'county',
  'locality',
  'delegation',
  'commune',
]);
/** Descriptors of a district that contains towns ("Sabat in Dalami county"). */
export const EN_DISTRICT_AFTER = new Set([
  'county',
  'locality',
  'district',
  'delegation',
  'commune',
  'municipality',
]);
/** Event nouns a name can modify ("the Zliten attack"): another event, named as a point of reference. */
export const EN_EVENT_NOUNS = new Set([
  'attack',
  'attacks',
  'bombing',
  'bombings',
  'massacre',
  'blast',
  'explosion',
  'killings',
  'uprising',
  'events',
]);
/** English descriptors before a name, followed by "of". */
export const EN_BEFORE_OF = new Set(['city', 'town', 'village', 'district', 'neighbourhood', 'neighborhood']);
export const EN_REGION_BEFORE_OF = new Set(['province', 'governorate', 'state', 'wilaya', 'region']);
/** English direction phrases before a name (the last word before the name). */
export const EN_DIRECTION_OF = new Set([
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'outskirts',
  'outside',
  'countryside',
  'vicinity',
]);
export const EN_NEAR = new Set(['near', 'nearby', 'outside', 'around']);
/** English directions after a name: "Aleppo countryside", "Sirte outskirts". */
export const EN_DIRECTION_AFTER = new Set(['countryside', 'outskirts', 'suburbs', 'environs']);
/** Locative prepositions that make an ambiguous name more likely a place. */
export const EN_LOCATIVE = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'outside', 'of', 'around']);
export const AR_LOCATIVE = n(['في', 'من', 'الى', 'إلى', 'على', 'قرب', 'داخل', 'عند', 'نحو', 'باتجاه']);

/**
 * Words before a place that make it a point of reference, not where something happened: the base
 * planes return to or take off from, a place overlooked or faced, where people come from, a landmark
 * that locates another place («المدينة الواقعة شمال غرب العاصمة دمشق»).
 */
export const AR_REFERENCE_ADJ = n([
  'المطلة',
  'المطل',
  'المطلين',
  'المشرفة',
  'المشرف',
  'المقابلة',
  'المقابل',
  'المحاذية',
  'المحاذي',
  'المتاخمة',
  'المجاورة',
]);
/** Verbs of movement whose «إلى» / «من» names an origin or a destination. */
export const AR_REFERENCE_MOVE = n([
  'تعود',
  'عادت',
  'عاد',
  'العودة',
  'عودتها',
  'أقلعت',
  'اقلعت',
  'انطلقت',
  'انطلق',
  'قادمة',
  'قادمين',
  'قادما',
  'القادمة',
  'القادمين',
  'فر',
  'فروا',
  'فرت',
  'هربوا',
  'هرب',
  'نزحوا',
  'نزح',
  'انسحبت',
  'انسحبوا',
]);
/** «الواقعة / تقع / يقع» + directions + the landmark. */
export const AR_LOCATED = n(['الواقعة', 'الواقع', 'تقع', 'يقع', 'الواقعه', 'والواقعة']);
export const AR_TO_FROM = n(['إلى', 'الى', 'من', 'على', 'عن', 'ل']);
/** English words before "X" that make it a point of reference. */
export const EN_REFERENCE = new Set(['overlooking', 'facing', 'opposite', 'from']);

/**
 * Report and attribution verbs whose grammatical subject a capital often is, standing for its
 * government («هجوم نسبته أنقرة إلى التنظيم», "Ankara blamed"): that name is not an event place.
 */
export const AR_SPEAKER_VERBS = n([
  'نسبت',
  'نسبته',
  'نسبتها',
  'تنسب',
  'تنسبه',
  'اتهمت',
  'تتهم',
  'حملت',
  'تحمل',
  'اعلنت',
  'أعلنت',
  'قالت',
  'تقول',
  'ذكرت',
  'اكدت',
  'أكدت',
  'نفت',
  'تنفي',
  'ادانت',
  'أدانت',
  'دانت',
  'نددت',
  'طالبت',
  'حذرت',
  'هددت',
  'رحبت',
]);
export const EN_SPEAKER_VERBS = new Set([
  'said',
  'says',
  'blamed',
  'blames',
  'accused',
  'accuses',
  'announced',
  'denied',
  'denies',
  'condemned',
  'condemns',
  'warned',
  'claimed',
  'welcomed',
  'insisted',
]);
