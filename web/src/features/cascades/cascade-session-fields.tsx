import { useId } from 'react';
import { audiences, cascadeAgeGroupCodes, sexes, type CascadeAgeGroup } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { Card, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { numberOrText } from '../capture/service-draft.ts';
import { getTraining, listTrainings } from './cascades-api.ts';
import { trainingDates } from './cascade-labels.ts';

type Sex = (typeof sexes)[number];
type Cell = `${Sex}:${CascadeAgeGroup}`;
const cells = cascadeAgeGroupCodes.flatMap((ageGroup) => sexes.map((sex) => ({ sex, ageGroup, key: `${sex}:${ageGroup}` as Cell })));

/** The cascade part of a group session being filled in. */
export interface CascadeDraft {
  audience: string;
  trainingId: string;
  ledBy: string;
  counts: Partial<Record<Cell, string>>;
  disability: string;
}

/** A draft empty, or prefilled from the link of a training page (`?trainingId=…&ledBy=…`). */
export function cascadeDraftFromUrl(search = window.location.search): CascadeDraft {
  const q = new URLSearchParams(search);
  return { audience: '', trainingId: q.get('trainingId') ?? '', ledBy: q.get('ledBy') ?? '', counts: {}, disability: '' };
}

/** The program and unit a link asks for (`?program=…&orgUnitId=…`). */
export function placeFromUrl(search = window.location.search) {
  const q = new URLSearchParams(search);
  return { program: q.get('program'), orgUnitId: q.get('orgUnitId') };
}

const filledCells = (d: CascadeDraft) => cells.filter((c) => (d.counts[c.key] ?? '').trim() !== '');

/** The fields of the record contract; nothing but defaults when the part is not used. */
export function cascadeInput(d: CascadeDraft) {
  return {
    audience: d.audience || null,
    trainingId: d.trainingId || null,
    ledByTraineeId: d.trainingId && d.ledBy ? d.ledBy : null,
    audienceCounts: filledCells(d).map((c) => ({ sex: c.sex, ageGroup: c.ageGroup, count: numberOrText(d.counts[c.key] ?? '') })),
    disabilityCount: d.disability.trim() ? numberOrText(d.disability) : 0,
  };
}

/**
 * A cascade session: the audience, the training it comes from (the program's) and who led it (a
 * person present at that training), the attendees by age group (rows) and sex (columns), and how
 * many live with a disability. Only the cells filled in are sent.
 */
export function CascadeSessionFields({ draft, onChange, program, errors }: { draft: CascadeDraft; onChange: (d: CascadeDraft) => void; program: string; errors: FieldErrors }) {
  const i18n = useI18n();
  const { t } = i18n;
  const trainings = useApi(() => (program ? listTrainings({ program, limit: 100 }) : Promise.resolve(null)), [program]);
  const training = useApi(() => (draft.trainingId ? getTraining(draft.trainingId) : Promise.resolve(null)), [draft.trainingId]);
  const present = (training.data?.attendance ?? []).filter((a) => a.attended);
  const filled = filledCells(draft);
  const total = filled.reduce((n, c) => n + (Number(draft.counts[c.key]) || 0), 0);
  const cellError = (key: Cell) => {
    const i = filled.findIndex((c) => c.key === key);
    return i < 0 ? undefined : (errors[`audienceCounts.${i}.count`] ?? errors[`audienceCounts.${i}`]);
  };
  const countsId = useId();
  return (
    <Card title={t('cascades.part')}>
      <p className="field-hint">{t('cascades.partHint')}</p>
      <div className="grid-2">
        <Select
          label={t('field.audience')}
          value={draft.audience}
          error={errors.audience}
          options={[{ value: '', label: t('cascades.notCascade') }, ...audiences.map((a) => ({ value: a, label: t(`audience.${a}`) }))]}
          onChange={(audience) => onChange({ ...draft, audience })}
        />
        <Select
          label={t('field.trainingId')}
          value={draft.trainingId}
          error={errors.trainingId}
          options={[
            { value: '', label: t('cascades.noTraining') },
            ...(training.data && !trainings.data?.items.some((x) => x.id === training.data?.training.id) ? [training.data.training] : []).concat(trainings.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${x.theme} · ${trainingDates(i18n, x)}`,
            })),
          ]}
          onChange={(trainingId) => onChange({ ...draft, trainingId, ledBy: '' })}
        />
        {draft.trainingId ? (
          <Select
            label={t('field.ledByTraineeId')}
            value={draft.ledBy}
            error={errors.ledByTraineeId}
            options={[{ value: '', label: t('cascades.noLeader') }, ...present.map((a) => ({ value: a.trainee.id, label: a.trainee.name }))]}
            onChange={(ledBy) => onChange({ ...draft, ledBy })}
          />
        ) : null}
      </div>
      <h3 className="subheading" id={countsId}>
        {t('field.audienceCounts')}
      </h3>
      <p className="field-hint">{t('cascades.countsHint')}</p>
      {errors.audienceCounts ? <p className="field-error">{errors.audienceCounts}</p> : null}
      <table className="casc-counts" aria-labelledby={countsId}>
        <thead>
          <tr>
            <th scope="col">{t('field.ageGroup')}</th>
            {sexes.map((sex) => (
              <th key={sex} scope="col">
                {t(`sex.${sex}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cascadeAgeGroupCodes.map((g) => (
            <tr key={g}>
              <th scope="row">{t(`age_group.${g}`)}</th>
              {sexes.map((sex) => {
                const key: Cell = `${sex}:${g}`;
                const error = cellError(key);
                return (
                  <td key={sex}>
                    <input
                      className="input"
                      aria-label={`${t(`age_group.${g}`)} · ${t(`sex.${sex}`)}`}
                      aria-invalid={error ? true : undefined}
                      title={error}
                      value={draft.counts[key] ?? ''}
                      inputMode="numeric"
                      dir="ltr"
                      maxLength={5}
                      onChange={(e) => onChange({ ...draft, counts: { ...draft.counts, [key]: e.target.value } })}
                    />
                    {error ? <span className="field-error small">{error}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('cascades.total', { n: total })}</p>
      <div className="grid-2">
        <TextField label={t('field.disabilityCount')} value={draft.disability} inputMode="numeric" dir="ltr" maxLength={5} error={errors.disabilityCount} onChange={(disability) => onChange({ ...draft, disability })} />
      </div>
    </Card>
  );
}
