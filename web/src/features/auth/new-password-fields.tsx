import { useState } from 'react';
import { PasswordField } from './password-field.tsx';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';

/** The error of a confirmation that differs from the password, under `field` (none when they match). */
export function confirmationErrors(t: I18n['t'], password: string, confirm: string, field = 'confirm'): FieldErrors {
  return password === confirm ? {} : { [field]: t('common.passwordMismatch') };
}

/** A new password being typed twice: both values, their setters, and a reset once saved. */
export interface NewPassword {
  password: string;
  setPassword: (value: string) => void;
  confirm: string;
  setConfirm: (value: string) => void;
  /** Empties both fields (after a save). */
  clear: () => void;
}

/** The state of a new password and its confirmation. */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  return {
    password,
    setPassword,
    confirm,
    setConfirm,
    clear: () => {
      setPassword('');
      setConfirm('');
    },
  };
}

/** A new password and its confirmation: the pair every password form asks for (marked required inside a `MarkRequired`). */
export function NewPasswordFields(props: {
  /** Label of the first field (`field.password`, `field.newPassword`…). */
  label: string;
  value: NewPassword;
  passwordError?: string | undefined;
  confirmError?: string | undefined;
}) {
  const { t } = useI18n();
  const { value } = props;
  return (
    <>
      <PasswordField label={props.label} hint={t('common.passwordHint')} value={value.password} onChange={value.setPassword} error={props.passwordError} autoComplete="new-password" />
      <PasswordField label={t('common.confirmPassword')} value={value.confirm} onChange={value.setConfirm} error={props.confirmError} autoComplete="new-password" />
    </>
  );
}
