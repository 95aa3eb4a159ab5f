import { TextField } from '../../ui/index.ts';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';

/** The error of a confirmation that differs from the password, under `field` (none when they match). */
export function confirmationErrors(t: I18n['t'], password: string, confirm: string, field = 'confirm'): FieldErrors {
  return password === confirm ? {} : { [field]: t('common.passwordMismatch') };
}

/** A new password and its confirmation: the pair every password form asks for. */
export function NewPasswordFields(props: {
  /** Label of the first field (`field.password`, `field.newPassword`…). */
  label: string;
  password: string;
  onPassword: (value: string) => void;
  confirm: string;
  onConfirm: (value: string) => void;
  passwordError?: string | undefined;
  confirmError?: string | undefined;
  requiredLabel?: string | undefined;
}) {
  const { t } = useI18n();
  const required = props.requiredLabel ? { requiredLabel: props.requiredLabel } : {};
  return (
    <>
      <TextField
        label={props.label}
        hint={t('common.passwordHint')}
        type="password"
        value={props.password}
        onChange={props.onPassword}
        error={props.passwordError}
        autoComplete="new-password"
        required
        {...required}
      />
      <TextField
        label={t('common.confirmPassword')}
        type="password"
        value={props.confirm}
        onChange={props.onConfirm}
        error={props.confirmError}
        autoComplete="new-password"
        required
        {...required}
      />
    </>
  );
}
