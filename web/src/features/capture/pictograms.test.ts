import { describe, expect, it } from 'vitest';
import { defaultPopulations, serviceCodes } from '@relais/core';
import { populationPictogram, servicePictogram } from './pictograms.ts';

describe('what the low-literacy mode draws (ADR 0042)', () => {
  it('draws every built-in service, a defined service with its own drawing', () => {
    // The fallback star is a drawing too; the services drawn as one say so in pictograms.ts.
    const starred = serviceCodes.filter((code) => servicePictogram(code) === 'star');
    expect(starred).toEqual(['capacity_building', 'vocational_training', 'job_placement']);
    expect(servicePictogram('hiv_test')).toBe('tube');
    expect(servicePictogram('condoms')).toBe('condom');
    expect(servicePictogram('x_douche', 'shower')).toBe('shower');
    expect(servicePictogram('x_unknown')).toBe('star');
  });

  it('draws each default population its own way, one an organisation added as a person', () => {
    const drawn = defaultPopulations.filter((p) => p !== 'OTHER').map(populationPictogram);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn).not.toContain('person');
    expect(populationPictogram('OTHER')).toBe('person');
    expect(populationPictogram('ROUTIERS')).toBe('person');
  });
});
