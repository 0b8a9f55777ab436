import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  readonly label: ReactNode;
  readonly options: readonly SelectOption[];
  readonly hint?: ReactNode;
  readonly error?: ReactNode;
  readonly id?: string;
  readonly fieldClassName?: string;
}

/** A native select: on phones it opens the platform picker, which beats any custom listbox. */
export function Select({ label, options, hint, error, id, fieldClassName, className, ...select }: SelectProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={fieldClassName}>
      {({ inputId, describedBy, invalid }) => (
        <select
          {...select}
          id={inputId}
          className={['ui-select', className].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
