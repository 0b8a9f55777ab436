import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost';

/** The button look for links that act as calls to action (a router link styled like a button). */
export function buttonClassName(variant: ButtonVariant = 'secondary', extra?: string): string {
  return cx('ui-button', `ui-button--${variant}`, extra);
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant;
  /** To move focus back to the button (React 19 passes `ref` as a prop). */
  readonly ref?: Ref<HTMLButtonElement>;
}

/** Defaults to `type="button"`: a button only submits a form when it says so. */
export function Button({ variant = 'secondary', className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClassName(variant, className)} {...rest} />;
}
