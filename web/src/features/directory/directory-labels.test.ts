import { describe, expect, it } from 'vitest';
import { createI18n, loadCatalogue } from '../../i18n/i18n.tsx';
import { camelField, dayNames, eligibilityLine, formatHours, groupByType, telHref, territoryName, verificationLine } from './directory-labels.ts';

await loadCatalogue('fr');
await loadCatalogue('ar');

const names = { MO: 'Mo', TU: 'Tu', WE: 'We', TH: 'Th', FR: 'Fr', SA: 'Sa', SU: 'Su' };
const fr = createI18n('fr', () => undefined);
const ar = createI18n('ar', () => undefined);

describe('opening hours in a few lines', () => {
  it('joins a run of days that share their openings, lists the others, Monday first', () => {
    const lines = formatHours(
      [
        { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:30', closesAt: '12:00' },
        { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '14:00', closesAt: '16:30' },
        { byDay: ['SA', 'SU'], opensAt: '09:00:00', closesAt: '12:00:00' },
      ],
      names,
    );
    expect(lines).toEqual([
      { days: 'Mo–Fr', times: '08:30–12:00, 14:00–16:30' },
      { days: 'Sa, Su', times: '09:00–12:00' },
    ]);
  });

  it('splits runs broken by a day with other hours, and leaves closed days out', () => {
    const lines = formatHours(
      [
        { byDay: ['MO', 'TU', 'TH', 'FR', 'SA'], opensAt: '08:00', closesAt: '16:00' },
        { byDay: ['WE'], opensAt: '08:00', closesAt: '12:00' },
      ],
      names,
    );
    expect(lines).toEqual([
      { days: 'Mo, Tu, Th–Sa', times: '08:00–16:00' },
      { days: 'We', times: '08:00–12:00' },
    ]);
    expect(formatHours([], names)).toEqual([]);
  });

  it('names the days in the user’s language, Monday first', () => {
    expect(dayNames('fr-MA', 'long').MO).toBe('lundi');
    expect(dayNames('fr-MA', 'long').SU).toBe('dimanche');
    expect(dayNames('ar-MA', 'long').FR).toBe('الجمعة');
  });
});

describe('the words of an entry', () => {
  it('says when an entry was verified and by whom, or that it must be verified', () => {
    expect(verificationLine(fr, { verifiedAt: null, verifiedBy: null, stale: true })).toBe(fr.t('directory.neverVerified'));
    expect(verificationLine(fr, { verifiedAt: '2026-03-02T10:00:00Z', verifiedBy: 'Nadia', stale: false })).toBe('Vérifiée le 2 mars 2026 par Nadia');
    expect(verificationLine(fr, { verifiedAt: '2026-03-02', verifiedBy: null, stale: true })).toBe('À vérifier : dernière vérification le 2 mars 2026');
    expect(verificationLine(ar, { verifiedAt: '2026-03-02', verifiedBy: 'Nadia', stale: false })).toContain('Nadia');
  });

  it('says who a service takes', () => {
    expect(eligibilityLine(fr, { sex: 'F', minimumAge: 12, maximumAge: 18 })).toBe('Femmes, de 12 à 18 ans');
    expect(eligibilityLine(fr, { sex: 'any', minimumAge: null, maximumAge: 17 })).toBe('Femmes et hommes, jusqu’à 17 ans');
    expect(eligibilityLine(fr, { sex: 'M', minimumAge: 18, maximumAge: null })).toBe('Hommes, à partir de 18 ans');
  });

  it('names a territory in Arabic when it has an Arabic name, else in French', () => {
    expect(territoryName({ fr: 'Salé', ar: 'سلا' }, 'ar')).toBe('سلا');
    expect(territoryName({ fr: 'Salé', ar: null }, 'ar')).toBe('Salé');
    expect(territoryName({ fr: 'Salé', ar: 'سلا' }, 'en')).toBe('Salé');
  });

  it('names a changed field as the catalogue does', () => {
    expect(camelField('required_documents')).toBe('requiredDocuments');
    expect(camelField('name')).toBe('name');
  });

  it('dials a number without its spaces', () => {
    expect(telHref('+212 5 37 00 00 00')).toBe('tel:+212537000000');
  });
});

describe('the printed directory', () => {
  const terms = [
    { code: 'medical_emergency', labels: { fr: 'Urgences médicales', ar: 'المستعجلات الطبية', en: 'Medical emergency' } },
    { code: 'legal_aid', labels: { fr: 'Aide juridique', ar: 'المساعدة القانونية', en: 'Legal aid' } },
  ];

  it('groups services by type in the taxonomy’s order, unknown types last, services by name', () => {
    const groups = groupByType(
      [
        { name: 'Zeta avocats', serviceType: 'legal_aid' },
        { name: 'Cellule locale', serviceType: 'local_type' },
        { name: 'Urgences CHP', serviceType: 'medical_emergency' },
        { name: 'Aide Salé', serviceType: 'legal_aid' },
      ],
      terms,
      'fr',
    );
    expect(groups.map((g) => [g.label, g.services.map((s) => s.name)])).toEqual([
      ['Urgences médicales', ['Urgences CHP']],
      ['Aide juridique', ['Aide Salé', 'Zeta avocats']],
      ['local_type', ['Cellule locale']],
    ]);
    expect(groupByType([{ name: 'x', serviceType: 'legal_aid' }], terms, 'ar')[0]?.label).toBe('المساعدة القانونية');
  });
});
