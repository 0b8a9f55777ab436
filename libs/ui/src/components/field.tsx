import { useId, type ReactNode } from 'react';

export interface FieldIds {
  readonly inputId: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
}

export interface FieldFrameProps {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: ReactNode;
  readonly id?: string;
  readonly className?: string;
  readonly children: (ids: FieldIds) => ReactNode;
}

/**
 * Label, control, hint and error, wired together: the label names the control, and the hint and the
 * error are read out with it (`aria-describedby`), the error also marking it `aria-invalid`.
 */
export function FieldFrame({ label, hint, error, id, className, children }: FieldFrameProps) {
  const generated = useId();
  const inputId = id ?? `f${generated}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', error ? 'ui-field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
