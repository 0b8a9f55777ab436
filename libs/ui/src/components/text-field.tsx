import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame } from './field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: ReactNode;
  readonly id?: string;
  readonly fieldClassName?: string;
  readonly ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, id, fieldClassName, className, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={fieldClassName}>
      {({ inputId, describedBy, invalid }) => (
        <input
          {...input}
          id={inputId}
          type={type}
          className={['ui-input', className].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}
