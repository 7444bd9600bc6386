import type { Event } from '../model/event.js';

const VERB: Record<string, string> = {
  'Armed clash': 'clashed with',
  'Government regains territory': 'regained territory from',
  'Non-state actor overtakes territory': 'took territory from',
  'Chemical weapon': 'used a chemical weapon against',
  'Air/drone strike': 'carried out an air or drone strike on',
  'Suicide bomb': 'carried out a suicide bombing against',
  'Shelling/artillery/missile attack': 'shelled',
  'Remote explosive/landmine/IED': 'detonated an explosive device against',
  Grenade: 'threw a grenade at',
  'Sexual violence': 'committed sexual violence against',
  Attack: 'attacked',
  'Abduction/forced disappearance': 'abducted',
  'Peaceful protest': 'demonstrated',
  'Protest with intervention': 'demonstrated and were dispersed by',
  'Excessive force against protesters': 'demonstrated and faced lethal force from',
  'Violent demonstration': 'rioted against',
  'Mob violence': 'attacked',
  Agreement: 'reached an agreement with',
  Arrests: 'arrested',
  'Change to group/activity': 'changed its activity involving',
  'Disrupted weapons use': 'disrupted weapons use by',
  'Headquarters or base established': 'established a base',
  'Looting/property destruction': 'looted or destroyed property of',
  'Non-violent transfer of territory': 'transferred territory to',
  Other: 'was involved in an event with',
};

/** A one-sentence English summary of an event, generated from its fields. */
export function eventNotes(e: Event): string {
  const a1 = e.actor1 || 'Unidentified actors';
  const verb = VERB[e.sub_event_type] ?? 'acted against';
  const intransitive =
    e.sub_event_type === 'Peaceful protest' || e.sub_event_type === 'Headquarters or base established';
  let s = `On ${e.event_date}, ${a1}`;
  if (e.assoc_actor_1) s += ` (with ${e.assoc_actor_1})`;
  if (intransitive || !e.actor2) {
    s += ` ${intransitive ? verb : `${e.sub_event_type.toLowerCase()} (${e.event_type})`}`;
  } else {
    s += ` ${verb} ${e.actor2}`;
    if (e.assoc_actor_2) s += ` (with ${e.assoc_actor_2})`;
  }
  const place = [e.location, e.admin1 && e.admin1 !== e.location ? e.admin1 : '', e.country]
    .filter(Boolean)
    .join(', ');
  if (place) s += ` ${e.geo_precision === 1 ? 'in' : 'near'} ${place}`;
  const extra: string[] = [];
  if (e.fatalities > 0) extra.push(`${e.fatalities} ${e.fatalities === 1 ? 'fatality' : 'fatalities'}`);
  if (e.wounded) extra.push(`${e.wounded} wounded`);
  if (e.arrested) extra.push(`${e.arrested} arrested`);
  if (extra.length) s += `; ${extra.join(', ')}`;
  return s + '.';
}
