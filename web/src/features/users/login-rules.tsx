import { useState } from 'react';
import type { LoginLockout } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { useCan } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert, Card, Checkbox, Table, type Column } from '../../ui/index.ts';
import { getAuthSettings, listLockouts, putAuthSettings } from '../auth/second-factor-api.ts';

/**
 * The organisation's sign-in rules (a second factor required of administrators) and the accounts
 * locked now after failed logins (ADR 0024, 0031), for the administrators of the root unit; the
 * cards stay hidden for others (the server answers them 403).
 */
export function LoginRulesCards() {
  const canManage = useCan('user.manage');
  if (!canManage) return null;
  return (
    <div className="grid-2">
      <LoginRulesCard />
      <LockoutsCard />
    </div>
  );
}

function LoginRulesCard() {
  const { t } = useI18n();
  const settings = useApi(getAuthSettings, []);
  const [required, setRequired] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit();
  const canChange = useCan('settings.manage');
  if (!canChange || !settings.data) return null;
  const value = required ?? settings.data.secondFactorRequiredForAdministrators;
  const submit = async () => {
    form.begin();
    setSaved(false);
    await form.send(async () => {
      settings.setData(await putAuthSettings({ secondFactorRequiredForAdministrators: value }));
      setRequired(null);
      setSaved(true);
    });
  };
  return (
    <Card title={t('loginRules.title')}>
      {saved ? <Alert tone="success">{t('loginRules.saved')}</Alert> : null}
      <SubmitForm className="form" label={t('loginRules.title')} form={form} onSubmit={submit}>
        <Checkbox label={t('loginRules.requireAdmins')} hint={t('loginRules.requireAdminsHint')} checked={value} onChange={setRequired} />
      </SubmitForm>
    </Card>
  );
}

function LockoutsCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const lockouts = useApi(listLockouts, []);
  if (!lockouts.data) return null;
  const columns: Column<LoginLockout>[] = [
    { key: 'username', header: t('field.username'), render: (l) => <bdi>{l.username}</bdi> },
    { key: 'scope', header: t('lockouts.scopeHeader'), render: (l) => (l.scope === 'pair' ? <>{t('lockouts.scope.pair')} <bdi dir="ltr">{l.address}</bdi></> : t(`lockouts.scope.${l.scope}`)) },
    { key: 'until', header: t('lockouts.whenHeader'), render: (l) => `${t('lockouts.until', { time: i18n.formatDateTime(l.lockedUntil) })} · ${t('lockouts.failures', { count: l.failures })}` },
  ];
  return (
    <Card title={t('lockouts.title')}>
      <p className="field-hint">{t('lockouts.intro')}</p>
      <Table caption={t('lockouts.title')} columns={columns} rows={lockouts.data.items} rowKey={(l) => `${l.scope}:${l.username}:${l.address ?? ''}`} empty={t('lockouts.none')} />
    </Card>
  );
}
