import { useState } from 'react';
import { UpdateDirectoryService } from '@relais/core';
import { updateService, type ServiceData } from '../../api/directory.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Card } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DirForm } from './form-parts.tsx';
import { serviceDraftOf, serviceInputOf, type ServiceDraft } from './service-draft.ts';
import { ServiceFields } from './service-fields.tsx';
import type { DirectoryVocab } from './use-directory-vocab.ts';

/** The edit form of a service: every field, sent whole. */
export function EditServiceForm({ s, vocab, onCancel, onSaved }: { s: ServiceData; vocab: DirectoryVocab; onCancel: () => void; onSaved: (s: ServiceData) => void }) {
  const { t } = useI18n();
  const form = useFormSubmit({ alertsInvalid: true });
  const [draft, setDraft] = useState<ServiceDraft>(() => serviceDraftOf(s));
  const submit = async () => {
    form.begin();
    const checked = validate(UpdateDirectoryService, serviceInputOf(draft));
    if (!form.check(checked)) return;
    await form.send(async () => onSaved(await updateService(s.id, checked.data)));
  };
  return (
    <Card title={t('directory.edit')}>
      <DirForm label={t('directory.edit')} form={form} onSubmit={submit} onCancel={onCancel}>
        <ServiceFields draft={draft} onChange={setDraft} errors={form.errors} vocab={vocab} />
      </DirForm>
    </Card>
  );
}
