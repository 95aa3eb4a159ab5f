import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows the button as working and disables it (the label should say so, e.g. "Saving…"). */
  busy?: boolean;
  size?: 'normal' | 'small';
}

/** A button; `type="button"` unless told otherwise, so it never submits a form by accident. */
export function Button({ variant = 'secondary', busy = false, size = 'normal', className, type = 'button', disabled, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, size === 'small' ? 'btn-small' : '', className ?? ''].filter(Boolean).join(' ');
  return <button {...rest} type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} />;
}

/** A form's submit button (primary unless told otherwise): while `busy` it says `busyLabel` and cannot be pressed again. */
export function SubmitButton({ busy, busyLabel, children, variant = 'primary' }: { busy: boolean; busyLabel: string; children: ReactNode; variant?: ButtonVariant }) {
  return (
    <Button type="submit" variant={variant} busy={busy}>
      {busy ? busyLabel : children}
    </Button>
  );
}
