import { TextField, type TextFieldProps } from '../../ui/index.ts';

/**
 * A required password, never shown: `current-password` lets the browser fill the saved one,
 * `new-password` lets it offer a strong one.
 */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'autoComplete'> & { autoComplete: 'current-password' | 'new-password' }) {
  return <TextField type="password" required {...props} />;
}
