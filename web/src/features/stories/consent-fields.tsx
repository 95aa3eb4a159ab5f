import { storyConsentScopes } from '@relais/core';
import type { FieldErrors } from '../../i18n/errors.ts';
import { CheckboxList, FieldGroup, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';

/** The storyteller's consent as a form edits it: the uses she agrees to, until when, and the anonymised text. */
export interface ConsentDraft {
  scopes: string[];
  expiresOn: string;
  anonymised: string;
}

/** The consent fields, the same when a story is collected and when her consent changes later. */
export function ConsentFields({ draft, onChange, errors }: { draft: ConsentDraft; onChange: (draft: ConsentDraft) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  return (
    <MarkRequired>
      <>
        <FieldGroup legend={t('field.consentScopes')} hint={t('stories.collect.consentHint')}>
          <CheckboxList options={storyConsentScopes.map((s) => ({ value: s, label: t(`story_consent.${s}`) }))} values={draft.scopes} onChange={(scopes) => onChange({ ...draft, scopes })} />
        </FieldGroup>
        <TextField
          label={t('field.consentExpiresOn')}
          type="date"
          value={draft.expiresOn}
          required={draft.scopes.length > 0}
          error={errors.consentExpiresOn}
          onChange={(expiresOn) => onChange({ ...draft, expiresOn })}
        />
        <TextArea label={t('field.anonymisedText')} value={draft.anonymised} hint={t('stories.collect.anonymisedHint')} error={errors.anonymisedText} onChange={(anonymised) => onChange({ ...draft, anonymised })} />
      </>
    </MarkRequired>
  );
}

/** The consent part of a story's input, from the draft. */
export function consentInput(draft: ConsentDraft) {
  return { consentScopes: draft.scopes, consentExpiresOn: draft.expiresOn || null, anonymisedText: draft.anonymised.trim() || null };
}
