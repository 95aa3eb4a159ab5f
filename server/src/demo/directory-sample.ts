import { defaultServiceTypes, seededRandom } from '@relais/core';
import { SERVICE_TYPE_TAXONOMY, stableId } from '../modules/directory/index.ts';
import { daysBefore } from './sample-helpers.ts';

// A generated directory in HSDS 3.0 form (no real service, person or phone): for the import
// round-trip test, the bench (5,000 services, 8,000 locations, 20,000 contacts) and the demo.

export const sampleTerritories = [
  { code: 'sale', fr: 'Salé' },
  { code: 'kenitra', fr: 'Kénitra' },
  { code: 'temara', fr: 'Skhirat-Témara' },
  { code: 'oujda', fr: 'Oujda' },
  { code: 'casablanca', fr: 'Casablanca' },
  { code: 'tanger', fr: 'Tanger' },
  { code: 'agadir', fr: 'Agadir' },
  { code: 'fes', fr: 'Fès' },
] as const;

const kinds = ['Centre', 'Unité', 'Cellule', 'Espace', 'Bureau', 'Antenne'];
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface SampleSize {
  services: number;
  locations: number;
  contacts: number;
  /** `YYYY-MM-DD` the verifications are spread back from (over a year). */
  today: string;
  seed?: number;
}

/** `n` services of `n / 5` organisations, spread over the sample territories; ids derive from the seed. */
export function sampleDirectory(size: SampleSize) {
  const random = seededRandom(size.seed ?? 14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const id = (...parts: (string | number)[]) => stableId('sample', String(size.seed ?? 14), ...parts.map(String));
  const daysAgo = daysBefore(size.today);
  const phone = (key: string) => ({ id: id('phone', key), number: `+212 5${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, type: 'voice' });
  const orgCount = Math.max(1, Math.floor(size.services / 5));
  const territoryOfOrg = (o: number) => sampleTerritories[o % sampleTerritories.length]!;
  const contactsPerService = Math.max(0, Math.round(size.contacts / size.services));
  const orgVerified = Array.from({ length: orgCount }, () => daysAgo(Math.floor(random() * 365)));
  let locationNo = 0;
  return Array.from({ length: size.services }, (_, s) => {
    const o = s % orgCount;
    const territory = territoryOfOrg(o);
    const type = pick(defaultServiceTypes);
    // One location a service, two for the first ones: size.locations in all (between services and twice as many).
    const ownLocations = s < size.locations - size.services ? 2 : 1;
    const sites = Array.from({ length: ownLocations }, (_, k) => {
      const l = locationNo++;
      const opens = 8 + Math.floor(random() * 3);
      return {
        id: id('site', s, k),
        location: {
          id: id('location', l),
          location_type: 'physical',
          name: `${pick(kinds)} ${territory.fr} ${l}`,
          latitude: 30 + random() * 5,
          longitude: -9 + random() * 7,
          addresses: [{ id: id('address', l), address_1: `${1 + Math.floor(random() * 200)} avenue ${l}`, city: territory.fr, country: 'MA' }],
          accessibility: [],
          phones: [],
          contacts: [],
          confidential: type === 'shelter',
          assured_date: daysAgo(Math.floor(random() * 365)),
        },
        schedules: [{ id: id('schedule', s, k), freq: 'WEEKLY', byday: days.slice(0, 5).join(','), opens_at: `${String(opens).padStart(2, '0')}:00`, closes_at: `${String(opens + 8).padStart(2, '0')}:30` }],
      };
    });
    return {
      id: id('service', s),
      name: `${pick(kinds)} ${type.replace(/_/g, ' ')} ${territory.fr} ${s}`,
      description: 'Service généré pour les essais.',
      status: 'active',
      minimum_age: type === 'child_protection' ? 0 : null,
      maximum_age: type === 'child_protection' ? 17 : null,
      assured_date: daysAgo(Math.floor(random() * 365)),
      organization: { id: id('organization', o), name: `Organisation ${territory.fr} ${o}`, description: 'Organisation générée.', assured_date: orgVerified[o] },
      service_at_locations: sites,
      contacts: Array.from({ length: contactsPerService }, (_, c) => ({
        id: id('contact', s, c),
        name: `Point focal ${s}-${c}`,
        title: 'Point focal',
        phones: [phone(`contact-${s}-${c}`)],
        assured_date: daysAgo(Math.floor(random() * 365)),
      })),
      phones: [phone(`service-${s}`)],
      languages: [{ code: 'ar' }, ...(random() < 0.7 ? [{ code: 'fr' }] : []), ...(random() < 0.3 ? [{ code: 'ary' }] : [])],
      service_areas: [{ name: territory.code, description: territory.fr }],
      cost_options: [{ option: random() < 0.8 ? 'free' : 'low_cost' }],
      required_documents: type === 'forensic_certificate' ? [{ document: 'Pièce d’identité' }] : [],
      attributes: [{ taxonomy_term: { code: type, taxonomy: SERVICE_TYPE_TAXONOMY } }],
    };
  });
}
