import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> {
  readonly label: ReactNode;
  /** Extra text after the label, such as a count, read as part of the label. */
  readonly detail?: ReactNode;
  readonly id?: string;
}

export function Checkbox({ label, detail, id, className, ...input }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `c${generated}`;
  return (
    <div className={['ui-checkbox', className].filter(Boolean).join(' ')}>
      <input {...input} id={inputId} type="checkbox" className="ui-checkbox__input" />
      <label htmlFor={inputId} className="ui-checkbox__label">
        {label}
        {detail !== undefined ? <span className="ui-checkbox__detail">{detail}</span> : null}
      </label>
    </div>
  );
}
