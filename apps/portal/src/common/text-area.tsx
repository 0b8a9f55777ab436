import { FieldFrame } from '@shanhai/ui';
import type { ReactNode, TextareaHTMLAttributes } from 'react';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: ReactNode;
  readonly id?: string;
}

/** A labelled multi-line field with the kit's hint and error wiring (the kit has single-line fields only). */
export function TextArea({ label, hint, error, id, className, rows = 4, ...rest }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          {...rest}
          id={inputId}
          rows={rows}
          className={['ui-input', 'text-area', className].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}
