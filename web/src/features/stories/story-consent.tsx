import { useState, type FormEvent } from 'react';
import { UpdateStory, storyConsentScopes } from '@relais/core';
import { updateStory, type StoryData } from '../../api/stories.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Card, Checkbox, FieldGroup, SubmitButton, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The storyteller's consent and the anonymised text, changed when she says so (withdrawing a use takes the story out of it at once). */
export function StoryConsentCard({ story, onSaved }: { story: StoryData; onSaved: (s: StoryData) => void }) {
  const { t } = useI18n();
  const [scopes, setScopes] = useState<string[]>(story.consentScopes);
  const [expiresOn, setExpiresOn] = useState(story.consentExpiresOn ?? '');
  const [anonymised, setAnonymised] = useState(story.anonymisedText ?? '');
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit({ alertsInvalid: true });
  const toggle = (scope: string, on: boolean) => setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    setSaved(false);
    const checked = validate(UpdateStory, { consentScopes: scopes, consentExpiresOn: expiresOn || null, anonymisedText: anonymised.trim() || null });
    if (!form.check(checked)) return;
    await form.send(async () => {
      onSaved(await updateStory(story.id, checked.data));
      setSaved(true);
    });
  };
  return (
    <Card title={t('stories.consent.title')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('stories.consent.title')}>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        {saved ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <FieldGroup legend={t('field.consentScopes')} hint={t('stories.collect.consentHint')}>
          <div className="checkbox-list">
            {storyConsentScopes.map((s) => (
              <Checkbox key={s} label={t(`story_consent.${s}`)} checked={scopes.includes(s)} onChange={(on) => toggle(s, on)} />
            ))}
          </div>
        </FieldGroup>
        <TextField label={t('field.consentExpiresOn')} type="date" value={expiresOn} required={scopes.length > 0} requiredLabel={t('common.requiredMark')} error={form.errors.consentExpiresOn} onChange={setExpiresOn} />
        <TextArea label={t('field.anonymisedText')} value={anonymised} hint={t('stories.collect.anonymisedHint')} error={form.errors.anonymisedText} onChange={setAnonymised} />
        <div className="form-actions">
          <SubmitButton busy={form.busy} busyLabel={t('common.saving')}>
            {t('common.save')}
          </SubmitButton>
        </div>
      </form>
    </Card>
  );
}
