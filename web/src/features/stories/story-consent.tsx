import { useState } from 'react';
import { UpdateStory } from '@relais/core';
import { updateStory, type StoryData } from '../../api/stories.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Card, Form } from '../../ui/index.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentFields, consentInput, type ConsentDraft } from './consent-fields.tsx';

/** The storyteller's consent and the anonymised text, changed when she says so (withdrawing a use takes the story out of it at once). */
export function StoryConsentCard({ story, onSaved }: { story: StoryData; onSaved: (s: StoryData) => void }) {
  const { t } = useI18n();
  const [consent, setConsent] = useState<ConsentDraft>(() => ({ scopes: story.consentScopes, expiresOn: story.consentExpiresOn ?? '', anonymised: story.anonymisedText ?? '' }));
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit({ alertsInvalid: true });

  const submit = async () => {
    form.begin();
    setSaved(false);
    const checked = validate(UpdateStory, consentInput(consent));
    if (!form.check(checked)) return;
    await form.send(async () => {
      onSaved(await updateStory(story.id, checked.data));
      setSaved(true);
    });
  };
  return (
    <Card title={t('stories.consent.title')}>
      <Form aria-label={t('stories.consent.title')} message={form.message} onSubmit={submit} actions={<FormButtons busy={form.busy} />}>
        {saved ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <ConsentFields draft={consent} onChange={setConsent} errors={form.errors} />
      </Form>
    </Card>
  );
}
