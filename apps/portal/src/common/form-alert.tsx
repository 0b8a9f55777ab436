import { forwardRef } from 'react';

/** A form's problem that belongs to no single field; focusable so that it can be moved to and read out. */
export const FormAlert = forwardRef<HTMLDivElement, { messages: readonly string[] }>(function FormAlert({ messages }, ref) {
  if (messages.length === 0) return null;
  return (
    <div className="form-alert" role="alert" tabIndex={-1} ref={ref}>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
});
