import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: ReactNode;
  readonly id?: string;
  readonly fieldClassName?: string;
  readonly ref?: Ref<HTMLTextAreaElement>;
}

/** A multi-line field (pasted lists, notes), labelled, hinted and marked invalid like `TextField`. */
export function TextArea({ label, hint, error, id, fieldClassName, className, rows = 4, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={fieldClassName}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          {...textarea}
          id={inputId}
          rows={rows}
          className={['ui-input', 'ui-textarea', className].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}
