import { describe, expect, it } from 'vitest';
import { UpdateDirectoryService } from '@relais/core';
import type { ServiceData } from '../../api/directory.ts';
import { emptyServiceDraft, serviceDraftOf, serviceInputOf } from './service-draft.ts';

const verification = { verifiedAt: '2026-11-01T09:00:00Z', verifiedBy: 'Nadia Coordination', stale: false };
// A synthetic service, shaped as GET /directory/services/:id answers.
const service: ServiceData = {
  id: '0b8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61',
  organizationId: '1c8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61',
  name: 'Cellule d’écoute',
  alternateName: null,
  description: 'Écoute et orientation',
  serviceType: 'psychosocial',
  status: 'active',
  eligibility: { sex: 'F', minimumAge: 12, maximumAge: null, migrantsAnyStatus: true, description: null },
  cost: 'free',
  feesDescription: null,
  languages: ['ary', 'fr'],
  requiredDocuments: ['Carte d’identité si elle en a une'],
  email: null,
  url: null,
  organization: { id: '1c8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61', name: 'Association Démo', alternateName: null, description: null, email: null, website: null, onRelais: true, verification, editable: true },
  territories: [{ code: 'sale', name: { fr: 'Salé', ar: 'سلا' } }],
  phones: [{ id: '2c8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61', number: '+212 500 000 001', phoneType: 'voice', extension: null, description: null }],
  locations: [
    {
      id: '3c8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61',
      location: {
        id: '4c8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61',
        organizationId: '1c8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61',
        name: 'Local de Salé',
        locationType: 'physical',
        address: null,
        latitude: null,
        longitude: null,
        accessibility: null,
        confidential: false,
        verification,
      },
      hours: [{ byDay: ['MO', 'TU'], opensAt: '08:30:00', closesAt: '16:30:00', validFrom: null, validTo: null, description: null }],
    },
  ],
  contacts: [],
  previousContacts: [],
  openNow: false,
  verification,
  editable: true,
};

describe('the service form’s draft', () => {
  it('gives back the saved service as a valid whole update', () => {
    const input = serviceInputOf(serviceDraftOf(service));
    const checked = UpdateDirectoryService.safeParse(input);
    expect(checked.success).toBe(true);
    expect(input).toMatchObject({
      territories: ['sale'],
      phones: [{ number: '+212 500 000 001', phoneType: 'voice' }],
      eligibility: { sex: 'F', minimumAge: 12, maximumAge: null, migrantsAnyStatus: true },
      locations: [{ locationId: '4c8f7a52-6a43-4c1e-9f0e-2a1d3c4b5e61', hours: [{ byDay: ['MO', 'TU'], opensAt: '08:30', closesAt: '16:30' }] }],
    });
  });

  it('drops blank phones and documents, and sends blank texts as null', () => {
    const input = serviceInputOf({ ...emptyServiceDraft, name: 'X', serviceType: 'legal_aid', territories: ['sale'], phones: ['', ' '], requiredDocuments: [' '], email: ' ' });
    expect(input.phones).toEqual([]);
    expect(input.requiredDocuments).toEqual([]);
    expect(input.email).toBeNull();
    expect(UpdateDirectoryService.safeParse(input).success).toBe(true);
  });

  it('leaves a mistyped age for the contract to refuse', () => {
    const input = serviceInputOf({ ...emptyServiceDraft, name: 'X', serviceType: 'legal_aid', territories: ['sale'], minimumAge: 'douze' });
    expect(UpdateDirectoryService.safeParse(input).success).toBe(false);
  });
});
