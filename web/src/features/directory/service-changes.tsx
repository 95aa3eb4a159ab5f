import { listChanges } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert, Card, Loading } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { camelField, dirVocab } from './directory-labels.ts';

/** The service's change log (HSDS metadata): what changed, from what to what, by whom, when; newest first. */
export function ServiceChanges({ serviceId, revision }: { serviceId: string; revision: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const changes = useApi(() => listChanges('service', serviceId), [serviceId, revision]);
  const fieldLabel = (field: string) => {
    const key = `field.${camelField(field)}`;
    return i18n.has(key) ? t(key) : field;
  };
  // Languages are stored as codes ("ar, ary"): shown by their names.
  const valueOf = (field: string, value: string | null) =>
    value === null ? '—' : camelField(field) === 'languages' ? value.split(/,\s*/).map((l) => dirVocab(i18n, 'language', l)).join(', ') : value;
  return (
    <Card title={t('directory.changes')}>
      {changes.error ? <Alert tone="error">{describeError(i18n, changes.error)}</Alert> : null}
      {!changes.data && changes.loading ? <Loading label={t('app.loading')} /> : null}
      {changes.data && !changes.data.items.length ? <p className="muted">{t('directory.noChanges')}</p> : null}
      {changes.data?.items.length ? (
        <ol className="plain-list dir-changes">
          {changes.data.items.map((c, i) => (
            <li key={`${c.at}-${i}`}>
              <p>
                <strong>{dirVocab(i18n, 'change', c.action)}</strong>
                {c.resource !== 'service' ? <span className="muted"> · {dirVocab(i18n, 'resource', c.resource)}</span> : null}
                {c.field ? <> · {fieldLabel(c.field)}</> : null}
              </p>
              {c.field && (c.previousValue !== null || c.replacementValue !== null) ? (
                <p className="dir-change-values">
                  <del>
                    <bdi>{valueOf(c.field, c.previousValue)}</bdi>
                  </del> <span aria-hidden="true">{i18n.dir === 'rtl' ? '←' : '→'}</span>{' '}
                  <ins>
                    <bdi>{valueOf(c.field, c.replacementValue)}</bdi>
                  </ins>
                </p>
              ) : null}
              <p className="small muted">{t('directory.change.by', { at: i18n.formatDateTime(c.at), who: c.by })}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
