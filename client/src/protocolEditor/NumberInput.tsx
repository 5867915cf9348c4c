/**
 * A number input that lets people type freely ("7.", "", "0.5"): it keeps the text as typed and
 * reports the number (NaN when the text is not one) on every change; it follows outside changes.
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';

/** Props of `NumberInput`: the value and its change, plus any input attributes. */
export interface NumberInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  value: number;
  onValue(value: number): void;
}

/** A controlled `<input type="number">` over a number. */
export function NumberInput({ value, onValue, ...rest }: NumberInputProps) {
  const [text, setText] = useState(() => String(value));
  useEffect(() => {
    // Keep what the person typed while it still means this value ("7." is 7, "" stands for 0).
    setText((current) => (Math.abs(Number(current || 0) - value) < 1e-3 ? current : String(value)));
  }, [value]);
  return (
    <input
      {...rest}
      type="number"
      inputMode="decimal"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onValue(event.target.value.trim() === '' ? Number.NaN : Number(event.target.value));
      }}
    />
  );
}
