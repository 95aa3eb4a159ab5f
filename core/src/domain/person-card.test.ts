import { describe, expect, it } from 'vitest';
import { personCardPayload, readPersonCard } from './person-card.ts';

describe('a person card QR code', () => {
  it('holds the prefix, the organisation code and the code unique, and reads back', () => {
    const payload = personCardPayload('asso', 'famo-1985 f');
    expect(payload).toBe('RELAIS:ASSO:FAMO1985F');
    expect(readPersonCard(payload, 'ASSO')).toEqual({ ok: true, code: 'FAMO1985F' });
    expect(readPersonCard(` ${payload}\n`, 'asso')).toEqual({ ok: true, code: 'FAMO1985F' });
  });

  it('refuses a QR code that is not a Relais card, even one that looks like a code', () => {
    for (const text of ['FAMO1985F', 'https://example.org/RELAIS:ASSO:FAMO1985F', 'RELAIS:ASSO:', 'RELAIS:ASSO:FAMO 1985F', 'relais:ASSO:FAMO1985F', 'RELAIS:ASSO:FAMO1985F:X', ''])
      expect(readPersonCard(text, 'ASSO'), text).toEqual({ ok: false, reason: 'not_a_card' });
  });

  it('refuses the card of another organisation, naming it', () => {
    expect(readPersonCard('RELAIS:OTHER_ORG:FAMO1985F', 'ASSO')).toEqual({ ok: false, reason: 'other_organisation', organisation: 'OTHER_ORG' });
  });
});
