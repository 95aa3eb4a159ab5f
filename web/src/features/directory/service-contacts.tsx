import { useState } from 'react';
import { ContactInput, ReplaceContact } from '@relais/core';
import { addContact, replaceContact, type ServiceData } from '../../api/directory.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Button, Card, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DirForm, TextList, phoneErrorOf } from './form-parts.tsx';
import { orNull, phonesOf } from './service-draft.ts';
import { MutedAside, PhoneLinks } from './service-card.tsx';
import { VerifyLine } from './verify-line.tsx';

type Contact = ServiceData['contacts'][number];

/** The service's focal points now: name, function, phones, since when; replace one, add one, "Toujours exact". */
export function ContactsCard({ s, onChanged }: { s: ServiceData; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const done = () => {
    setOpen(null);
    onChanged();
  };
  return (
    <Card
      title={t('directory.focalPoints')}
      footer={
        s.editable && open === null ? (
          <Button size="small" onClick={() => setOpen('new')}>
            {t('directory.addContact')}
          </Button>
        ) : undefined
      }
    >
      {s.contacts.length ? (
        <ul className="item-list dir-entries">
          {s.contacts.map((c) => (
            <li key={c.id} className="dir-entry">
              <ContactLines c={c} />
              <p className="small muted">{t('directory.contact.since', { date: formatDate(c.since) })}</p>
              <VerifyLine resource="contact" id={c.id} name={c.name} verification={c.verification} editable={s.editable} onVerified={onChanged} />
              {s.editable && open === null ? (
                <Button size="small" onClick={() => setOpen(c.id)} aria-label={t('directory.replaceOf', { name: c.name })}>
                  {t('directory.replace')}
                </Button>
              ) : null}
              {open === c.id ? <ContactForm serviceId={s.id} replacing={c} onCancel={() => setOpen(null)} onSaved={done} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('directory.service.noContact')}</p>
      )}
      {open === 'new' ? <ContactForm serviceId={s.id} replacing={null} onCancel={() => setOpen(null)} onSaved={done} /> : null}
    </Card>
  );
}

/** The focal points before the present ones: who, from when to when. */
export function PreviousContactsCard({ s }: { s: ServiceData }) {
  const { t, formatDate } = useI18n();
  return (
    <Card title={t('directory.service.previous')}>
      <ul className="item-list dir-entries">
        {s.previousContacts.map((c) => (
          <li key={c.id} className="dir-entry">
            <ContactLines c={c} />
            <p className="small muted">{t('directory.contact.fromTo', { from: formatDate(c.since), to: c.until ? formatDate(c.until) : '—' })}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ContactLines({ c }: { c: Contact }) {
  return (
    <>
      <p className="dir-contact-name">
        <bdi>{c.name}</bdi>
        <MutedAside text={c.title} />
      </p>
      {c.phones.length ? (
        <p>
          <PhoneLinks numbers={c.phones.map((p) => p.number)} />
        </p>
      ) : null}
      {c.email ? (
        <p>
          <a href={`mailto:${c.email}`} dir="ltr">
            {c.email}
          </a>
        </p>
      ) : null}
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/** A new focal point: in place of `replacing` (who then goes to the history), or one more. */
function ContactForm({ serviceId, replacing, onCancel, onSaved }: { serviceId: string; replacing: Contact | null; onCancel: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useFormSubmit({ alertsInvalid: true });
  const [name, setName] = useState('');
  const [title, setTitle] = useState(replacing?.title ?? '');
  const [email, setEmail] = useState('');
  const [phones, setPhones] = useState<string[]>(['']);
  const [since, setSince] = useState(today);
  const submit = async () => {
    form.begin();
    const common = { id: newId(), name, title: orNull(title), email: orNull(email), phones: phonesOf(phones) };
    if (replacing) {
      const checked = validate(ReplaceContact, { ...common, since });
      if (!form.check(checked)) return;
      if (await form.send(async () => void (await replaceContact(replacing.id, checked.data)))) onSaved();
    } else {
      const checked = validate(ContactInput, { ...common, serviceId });
      if (!form.check(checked)) return;
      if (await form.send(async () => void (await addContact(checked.data)))) onSaved();
    }
  };
  const label = replacing ? t('directory.replaceOf', { name: replacing.name }) : t('directory.addContact');
  return (
    <DirForm label={label} form={form} onSubmit={submit} onCancel={onCancel}>
      <TextField label={t('field.name')} value={name} required error={form.errors.name} onChange={setName} />
      <TextField label={t('field.title')} value={title} error={form.errors.title} onChange={setTitle} />
      <TextList
        legend={t('field.phones')}
        items={phones}
        onChange={setPhones}
        itemLabel={(n) => t('directory.form.phone', { n })}
        addLabel={t('directory.form.addPhone')}
        errorOf={phoneErrorOf(form.errors, 'phones.', phones)}
        max={5}
        type="tel"
        inputMode="tel"
      />
      <TextField label={t('field.email')} type="email" dir="ltr" value={email} error={form.errors.email} onChange={setEmail} />
      {replacing ? <TextField label={t('field.since')} type="date" value={since} required error={form.errors.since} onChange={setSince} /> : null}
    </DirForm>
  );
}
