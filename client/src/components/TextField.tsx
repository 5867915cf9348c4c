/** A labelled single-line text field with an optional "(optional)" mark and a hint linked to it. */
import type { InputHTMLAttributes } from 'react';

/** Props of `TextField`: the label and hint, plus any input attribute (name, maxLength, autoComplete…). */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type'> {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  /** Marks the label "(optional)". */
  optional?: boolean;
  /** A sentence under the field, read by screen readers with it. */
  hint?: string;
  /** Hides what is typed (a secret). */
  secret?: boolean;
}

/** The form field used across the app's pages. */
export function TextField({ id, label, value, onValue, optional = false, hint, secret = false, ...input }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      <input
        {...input}
        id={id}
        type={secret ? 'password' : 'text'}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-describedby={hint ? `${id}-hint` : input['aria-describedby']}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
