import { useState } from 'react';
import { checkCode } from '@relais/core';
import { Alert, Button } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { describeError } from '../../i18n/errors.ts';
import { checkBeneficiaryCode, getRegistrySettings } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { mergeQueuedRegistration, recodeQueuedRegistration, type OutboxItem } from '../../offline/outbox.ts';
import { CodeField } from '../registry/code-field.tsx';

/** A refusal of this screen's own, already in words. */
class Refusal extends Error {}

/**
 * A registration made offline and refused at sync because someone registered the code meanwhile
 * (ADR 0034): the worker says whether it is **the same person** (her contacts go to the existing
 * record, the registration is dropped) or **a different person** (she corrects the code and the
 * registration goes again). Nothing is decided for her.
 */
export function RegistrationConflict({ item, onDone }: { item: OutboxItem; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useApi(() => getRegistrySettings(), []);
  const [editing, setEditing] = useState(false);
  const [code, setCode] = useState(item.label);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (failure) {
      setError(failure instanceof Refusal ? failure.message : describeError(i18n, failure));
    } finally {
      setBusy(false);
    }
  };
  const samePerson = () =>
    act(async () => {
      const found = await checkBeneficiaryCode(item.label);
      if (!found.exact) throw new Refusal(t('conflict.notFound'));
      await mergeQueuedRegistration(item.id, found.exact.id);
    });
  const scheme = settings.data?.codeScheme;
  const checked = scheme ? checkCode(scheme, code) : null;
  const differentPerson = () =>
    act(async () => {
      if (!checked?.ok) throw new Refusal(t('conflict.codeInvalid'));
      await recodeQueuedRegistration(item.id, checked.code);
    });

  return (
    <div className="stack" role="group" aria-label={t('conflict.title', { code: item.label })}>
      <p>{t('conflict.question', { code: isolate(item.label) })}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="form-actions">
        <Button size="small" variant="primary" busy={busy && !editing} onClick={() => void samePerson()}>
          {t('conflict.same')}
        </Button>
        <Button size="small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {t('conflict.different')}
        </Button>
      </div>
      {editing && scheme ? (
        <>
          <CodeField scheme={scheme} label={t('conflict.newCode')} value={code} onChange={setCode} onEnter={() => void differentPerson()} />
          <Button size="small" variant="primary" busy={busy} disabled={!checked?.ok || checked.code === item.label} onClick={() => void differentPerson()}>
            {t('conflict.sendWithCode')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
