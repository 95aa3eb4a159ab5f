import './privacy-strings.ts';
import { useState } from 'react';
import { retentionCategories, type RetentionCategory, type RetentionRun, type RetentionSettings } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { ErrorAlert } from '../../app/read-status.tsx';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert, Button, Card, Loading, Page, TextField } from '../../ui/index.ts';
import { getRetention, putRetention, runRetention } from './privacy-api.ts';
import './privacy.css';

type Draft = Record<RetentionCategory, string>;
const draftOf = (s: RetentionSettings): Draft => Object.fromEntries(retentionCategories.map((c) => [c, s[c] === null ? '' : String(s[c])])) as Draft;
/** An empty field: kept while the record lives. A number the server checks (1 to 600 months) and names if wrong. */
const settingsOf = (d: Draft): RetentionSettings => Object.fromEntries(retentionCategories.map((c) => [c, d[c].trim() === '' ? null : Number(d[c])])) as RetentionSettings;

/**
 * Data protection (law 09-08, ADR 0026), for the root administrators: how long each category of
 * data is kept (the daily job applies it; "apply now" says what it did, in numbers), and the
 * register of processing to print for the CNDP declaration.
 */
export function PrivacyPage() {
  const { t } = useI18n();
  return (
    <Page title={t('privacy.page')}>
      <p className="field-hint">{t('privacy.pageIntro')}</p>
      <div className="grid-2">
        <RetentionCard />
        <Card title={t('privacy.register')}>
          <p>{t('privacy.registerIntro')}</p>
          <Link to="/privacy/register" className="btn btn-primary">
            {t('privacy.registerOpen')}
          </Link>
        </Card>
      </div>
    </Page>
  );
}

function RetentionCard() {
  const { t } = useI18n();
  const settings = useApi(getRetention, []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const [run, setRun] = useState<RetentionRun | null>(null);
  const form = useFormSubmit();
  const apply = useFormSubmit();
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return <Loading label={t('app.loading')} />;
  const value = draft ?? draftOf(settings.data);
  const submit = async () => {
    form.begin();
    form.setErrors({});
    setSaved(false);
    setRun(null);
    await form.send(async () => {
      const stored = await putRetention(settingsOf(value));
      settings.setData(stored);
      setDraft(null);
      setSaved(true);
    });
  };
  const applyNow = async () => {
    apply.begin();
    setRun(null);
    await apply.send(async () => setRun(await runRetention()));
  };
  return (
    <Card title={t('privacy.retention')}>
      <p className="field-hint">{t('privacy.retentionIntro')}</p>
      {saved ? <Alert tone="success">{t('privacy.retentionSaved')}</Alert> : null}
      <SubmitForm className="form" label={t('privacy.retention')} form={form} onSubmit={submit}>
        {retentionCategories.map((c) => (
          <TextField
            key={c}
            label={t(`privacy.retention.${c}`)}
            hint={t('privacy.retentionHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            value={value[c]}
            onChange={(v) => setDraft({ ...value, [c]: v })}
            error={form.errors[c]}
          />
        ))}
      </SubmitForm>
      <div className="privacy-apply">
        <Button onClick={() => void applyNow()} disabled={apply.busy}>
          {t('privacy.retentionRun')}
        </Button>
        {apply.message?.tone === 'error' ? <Alert tone="error">{apply.message.text}</Alert> : null}
        {run ? (
          <Alert tone="success">
            {t('privacy.retentionDone', { phones: run.phonesCleared, notes: run.notesCleared, voice: run.voiceNotesDeleted, cases: run.casesAnonymised, events: run.auditEventsDeleted })}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}
