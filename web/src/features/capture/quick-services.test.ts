import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultProgramServices, type DefinedService } from '@relais/core';
import { entryOf } from './service-draft.ts';
import { quickDraft, quickServices } from './quick-services.ts';

const shower: DefinedService = {
  code: 'x_douche', labels: { fr: 'Douche', ar: 'دوش', en: 'Shower' }, pictogram: 'shower', program: 'prev_ps', version: 1, retired: false, updatedAt: '2026-12-01', updatedBy: null,
  fields: [{ key: 'savon', type: 'quantity', labels: { fr: 'Savons', ar: 'صابون', en: 'Soaps' }, required: true, direction: 'out', unit: null, stockItem: null, options: [], min: null, max: null }],
};

describe('quick contact services', () => {
  // newId reads window.isSecureContext, as in the browser.
  beforeEach(() => vi.stubGlobal('window', { isSecureContext: true }));
  afterEach(() => vi.unstubAllGlobals());

  it('offers the services that take only a quantity, with their pictogram, and leaves out tests and supports', () => {
    const quick = quickServices([...defaultProgramServices.prev_ps!.services, 'x_douche'], new Map([['x_douche', shower]]));
    const codes = quick.map((q) => q.code);
    expect(codes).toEqual(expect.arrayContaining(['outreach_contact', 'condoms', 'lubricant', 'iec_session', 'x_douche']));
    expect(codes).not.toContain('hiv_test');
    expect(codes).not.toContain('sti_consultation');
    expect(quick.find((q) => q.code === 'condoms')).toEqual({ code: 'condoms', pictogram: 'condom', quantity: { key: null, usual: 10 } });
    expect(quick.find((q) => q.code === 'x_douche')?.quantity).toEqual({ key: 'savon', usual: 1 });
  });

  it('sends what the full form would: the quantity, an outreach contact in person, a defined quantity field', () => {
    const [outreach, condoms, douche] = quickServices(['outreach_contact', 'condoms', 'x_douche'], new Map([['x_douche', shower]]));
    expect(entryOf(quickDraft(condoms!, 12), 2026)).toMatchObject({ service: 'condoms', quantity: 12 });
    expect(entryOf(quickDraft(outreach!, 1), 2026)).toMatchObject({ service: 'outreach_contact', modality: 'in_person', quantity: null });
    expect(entryOf(quickDraft(douche!, 2), 2026, shower)).toMatchObject({ service: 'x_douche', fields: { savon: 2 } });
  });
});
