import { useState } from 'react';
import { getRegistrySettings } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Button, Card } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonFinder, type FoundPerson } from '../capture/person-finder.tsx';
import { OstEntryForm } from './ost-forms.tsx';

/**
 * "Nouveau patient" of the day's dispensing: find the person by her code (the registry's finder:
 * a person known in another section is brought here first), then enter her on treatment at the
 * day's unit; the list reloads with her.
 */
export function OstNewPatient({ unitId, unitName, onEntered, onClose }: { unitId: string; unitName: string; onEntered: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const settings = useApi(() => getRegistrySettings(), []);
  const [person, setPerson] = useState<FoundPerson | null>(null);
  return (
    <Card title={t('ost.newPatientTitle')} className="ost-new">
      <ReadStatus of={settings} />
      {person ? (
        <OstEntryForm beneficiaryId={person.id} code={person.code} unitId={unitId} isReentry={false} onCancel={onClose} onSaved={onEntered} />
      ) : settings.data ? (
        <>
          <PersonFinder scheme={settings.data.codeScheme} unitId={unitId} unitName={unitName} label={t('ost.findPerson')} proceedLabel={(code) => t('ost.take', { code })} onFound={setPerson} />
          <Button variant="ghost" onClick={onClose}>
            {t('record.cancel')}
          </Button>
        </>
      ) : null}
    </Card>
  );
}
