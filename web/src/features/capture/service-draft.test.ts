import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DefinedService, ProgramServiceSettings } from '@relais/core';
import type { ServiceRecordData } from '../../api/endpoints.ts';
import { draftOfRecord, entryOf, newServiceDraft, numberOrText, registerNoIssues, registerNoOf, serviceIssues, takesPlatform, type ServiceDraft } from './service-draft.ts';

const draft = (over: Partial<ServiceDraft>): ServiceDraft => ({ ...newServiceDraft(), ...over });
const program: ProgramServiceSettings = { services: ['outreach_contact', 'condoms', 'hiv_test', 'sti_consultation'], reach: ['outreach_contact'], paquetMinimum: [] };

describe('service draft', () => {
  // newId reads window.isSecureContext, as in the browser.
  beforeEach(() => vi.stubGlobal('window', { isSecureContext: true }));
  afterEach(() => vi.unstubAllGlobals());

  it('starts empty with a fresh uuid v4 each time (a retried save is applied once)', () => {
    const a = newServiceDraft();
    const b = newServiceDraft();
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect({ ...a, id: '' }).toEqual({ id: '', service: '', quantity: '', result: '', strategy: '', modality: '', kind: '', treated: '', platform: '', registerNo: '', note: '', fields: {} });
  });

  it('makes a uuid v4 outside a secure context too', () => {
    vi.stubGlobal('window', { isSecureContext: false });
    expect(newServiceDraft().id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads a number input: empty is null, digits a number, anything else the text for the schema to refuse', () => {
    expect(numberOrText('')).toBeNull();
    expect(numberOrText('   ')).toBeNull();
    expect(numberOrText(' 12 ')).toBe(12);
    expect(numberOrText('1.5')).toBe('1.5');
    expect(numberOrText('-3')).toBe('-3');
    expect(numberOrText('douze')).toBe('douze');
  });

  it('reads a register number, also in the paper form of the service year', () => {
    expect(registerNoOf('', 2026)).toBeNull();
    expect(registerNoOf('17', 2026)).toBe(17);
    expect(registerNoOf('2026-017', 2026)).toBe(17);
    expect(registerNoOf(' 2026/17 ', 2026)).toBe(17);
    expect(registerNoOf('2025-017', 2026)).toBe('2025-017');
    expect(registerNoOf('n°17', 2026)).toBe('n°17');
    expect(registerNoIssues('', 2026, 'services.0.registerNo')).toEqual([]);
    expect(registerNoIssues('2026-017', 2026, 'services.0.registerNo')).toEqual([]);
    expect(registerNoIssues('2025-017', 2026, 'services.0.registerNo')).toEqual([{ field: 'services.0.registerNo', code: 'register_year', params: { year: 2025, dateYear: 2026 } }]);
    expect(registerNoIssues('n°17', 2026, 'x')).toEqual([{ field: 'x', code: 'register_no_format' }]);
  });

  it('takes a platform only for an online outreach contact', () => {
    expect(takesPlatform({ service: 'outreach_contact', modality: 'online' })).toBe(true);
    expect(takesPlatform({ service: 'outreach_contact', modality: 'phone' })).toBe(false);
    expect(takesPlatform({ service: 'condoms', modality: 'online' })).toBe(false);
  });

  it('sends only the fields the service takes (a field left from another service is never sent)', () => {
    const leftover = { quantity: '5', result: 'positive', strategy: 'mobile', modality: 'online', kind: 'cash', treated: 'yes' as const, platform: 'WhatsApp', registerNo: '12', note: '  ' };
    expect(entryOf(draft({ ...leftover, id: 'a', service: 'condoms' }), 2026)).toEqual({
      id: 'a', service: 'condoms', quantity: 5, result: null, strategy: null, modality: null, kind: null, treated: null, platform: null, registerNo: null, note: null, fields: null,
    });
    expect(entryOf(draft({ ...leftover, id: 'b', service: 'hiv_test', note: ' vu au local ' }), 2026)).toEqual({
      id: 'b', service: 'hiv_test', quantity: null, result: 'positive', strategy: 'mobile', modality: null, kind: null, treated: null, platform: null, registerNo: 12, note: 'vu au local', fields: null,
    });
    expect(entryOf(draft({ ...leftover, id: 'c', service: 'outreach_contact' }), 2026)).toMatchObject({ modality: 'online', platform: 'WhatsApp', quantity: null });
    expect(entryOf(draft({ ...leftover, id: 'd', service: 'outreach_contact', modality: 'phone' }), 2026)).toMatchObject({ modality: 'phone', platform: null });
    expect(entryOf(draft({ ...leftover, id: 'e', service: 'sti_consultation', treated: 'no' }), 2026)).toMatchObject({ treated: false, result: null });
    expect(entryOf(draft({ ...leftover, id: 'f', service: 'sti_consultation', treated: '' }), 2026)).toMatchObject({ treated: null });
    expect(entryOf(draft({ id: 'g', service: '' }), 2026)).toMatchObject({ service: '', quantity: null, result: null });
  });

  it('round-trips a recorded service through its draft', () => {
    const record = {
      id: '6a1c0d4e-0000-4000-8000-000000000001',
      service: 'hiv_test',
      quantity: null,
      result: 'negative',
      strategy: 'fixed',
      modality: null,
      kind: null,
      treated: null,
      platform: null,
      registerNo: 7,
      note: null,
    } as unknown as ServiceRecordData;
    const d = draftOfRecord(record);
    expect(d).toEqual({ id: record.id, service: 'hiv_test', quantity: '', result: 'negative', strategy: 'fixed', modality: '', kind: '', treated: '', platform: '', registerNo: '7', note: '', fields: {} });
    expect(entryOf(d, 2026)).toEqual({ id: record.id, service: 'hiv_test', quantity: null, result: 'negative', strategy: 'fixed', modality: null, kind: null, treated: null, platform: null, registerNo: 7, note: null, fields: null });
    expect(draftOfRecord({ ...record, service: 'sti_consultation', treated: true, registerNo: null, note: 'ok' }).treated).toBe('yes');
    expect(draftOfRecord({ ...record, service: 'sti_consultation', treated: false }).treated).toBe('no');
    expect(draftOfRecord({ ...record, service: 'condoms', quantity: 20 }).quantity).toBe('20');
  });

  it('checks a draft as the server does: required fields, choices, the program’s services', () => {
    expect(serviceIssues(draft({ service: '' }), program, 'services.0.', 2026)).toEqual([]);
    expect(serviceIssues(draft({ service: 'condoms', quantity: '10' }), program, 'services.0.', 2026)).toEqual([]);
    expect(serviceIssues(draft({ service: 'condoms' }), program, 'services.0.', 2026)).toEqual([{ field: 'services.0.quantity', code: 'required' }]);
    // Text in a number field is left to the schema (invalid type), not reported as missing.
    expect(serviceIssues(draft({ service: 'condoms', quantity: 'dix' }), program, 'services.0.', 2026)).toEqual([]);
    expect(serviceIssues(draft({ service: 'hiv_test', result: 'maybe' }), program, 'services.1.', 2026)).toEqual([
      { field: 'services.1.result', code: 'invalid_choice' },
      { field: 'services.1.strategy', code: 'required' },
    ]);
    expect(serviceIssues(draft({ service: 'iec_session' }), program, 'services.2.', 2026)).toEqual([{ field: 'services.2.service', code: 'invalid_choice' }]);
    expect(serviceIssues(draft({ service: 'iec_session' }), undefined, 'services.2.', 2026)).toEqual([]);
    expect(serviceIssues(draft({ service: 'hiv_test', result: 'negative', strategy: 'fixed', registerNo: '2025-3' }), program, '', 2026)).toEqual([]);
  });

  it('sends a defined service’s fields typed (numbers, yes/no), and checks them as the server does (ADR 0028)', () => {
    const labels = { fr: 'x', ar: 'x', en: 'x' };
    const base = { labels, required: false, direction: null, unit: null, stockItem: null, options: [], min: null, max: null };
    const douche = {
      code: 'douche', program: 'prev_ps', labels, pictogram: 'shower', version: 2, retired: false, updatedAt: '', updatedBy: null,
      fields: [{ ...base, key: 'kits', type: 'quantity', required: true, direction: 'out', unit: labels }, { ...base, key: 'premiere', type: 'yes_no' }, { ...base, key: 'temp', type: 'number', max: 45 }],
    } as DefinedService;
    const d = draft({ id: 'h', service: 'douche', quantity: '9', fields: { kits: ' 2 ', premiere: 'no', temp: '50' } });
    expect(entryOf(d, 2026, douche)).toMatchObject({ service: 'douche', quantity: null, fields: { kits: 2, premiere: false, temp: 50 } });
    const defined = { program: 'prev_ps', services: new Map([['douche', douche]]) };
    expect(serviceIssues(d, program, 'services.0.', 2026, defined).map((i) => `${i.field}:${i.code}`)).toEqual(['services.0.fields.temp:too_big']);
    expect(serviceIssues(draft({ service: 'douche' }), program, '', 2026, defined).map((i) => `${i.field}:${i.code}`)).toEqual(['fields.kits:required']);
    expect(serviceIssues(d, program, '', 2026, { ...defined, program: 'mediation' }).map((i) => `${i.field}:${i.code}`)).toEqual(['service:invalid_choice']);
  });
});
