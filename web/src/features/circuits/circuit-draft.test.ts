import { describe, expect, it } from 'vitest';
import { emptyStep, stepDraft, stepInput } from './circuit-draft.ts';

describe('circuit step drafts', () => {
  it('turns the form’s step into the API’s: conditions of the six kinds, things to bring by line, a service or a type', () => {
    const draft = { ...emptyStep(), titleFr: ' Urgences ', serviceId: 's1', withinHours: '72', ticked: ['child' as const], conditionFr: 'Si elle le souhaite', bringFr: 'Carnet\n\nCarte', bringAr: 'دفتر\n\n', accompaniedFr: 'L’assistante sociale' };
    expect(stepInput(draft)).toEqual({
      title: { fr: 'Urgences', ar: null },
      serviceId: 's1',
      serviceType: null,
      conditions: [{ kind: 'within_hours', hours: 72 }, { kind: 'child' }, { kind: 'text', text: { fr: 'Si elle le souhaite', ar: null } }],
      bring: [
        { fr: 'Carnet', ar: 'دفتر' },
        { fr: 'Carte', ar: null },
      ],
      accompaniedBy: { fr: 'L’assistante sociale', ar: null },
      note: null,
    });
    expect(stepInput({ ...draft, target: 'type', serviceType: 'police' })).toMatchObject({ serviceId: null, serviceType: 'police' });
  });

  it('reads a step back into the form unchanged', () => {
    const step = stepInput({ ...emptyStep(), titleFr: 'Police', titleAr: 'الشرطة', target: 'type', serviceType: 'police', ticked: ['urban', 'adult'], bringFr: 'Carte', bringAr: 'بطاقة' });
    expect(stepInput(stepDraft(step))).toEqual(step);
  });
});
