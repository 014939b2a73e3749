import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** Shows the button as busy and disabled while a request runs. */
  busy?: boolean;
};

/** A button; `type` defaults to "button" so that only an explicit submit submits a form. */
export function Button({
  variant = 'secondary',
  busy = false,
  className,
  type,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      aria-busy={busy || undefined}
      {...rest}
      disabled={busy || rest.disabled}
    />
  );
}
