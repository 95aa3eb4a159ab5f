import { TextField, type TextFieldProps } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The username, required and typed as it is: no capital added, no spelling check, left to right. */
export function UsernameField(props: Omit<TextFieldProps, 'label'>) {
  const { t } = useI18n();
  return <TextField label={t('field.username')} required autoCapitalize="none" spellCheck={false} dir="ltr" {...props} />;
}
