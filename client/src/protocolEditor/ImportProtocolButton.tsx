/** "Import JSON…": reads a `.protocol.json` file and validates it; problems are shown with their path. */
import { useId, useRef, useState } from 'react';
import type { Protocol } from '@worktable/shared';
import { parseProtocolJson } from './editProtocol.js';

/** Props of `ImportProtocolButton`. */
export interface ImportProtocolButtonProps {
  onImport(protocol: Protocol): void;
}

/** A button opening a file picker, and the import's error when the file is refused. */
export function ImportProtocolButton({ onImport }: ImportProtocolButtonProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const read = async (file: File | undefined) => {
    if (!file) return;
    const result = parseProtocolJson(await file.text());
    if (input.current) input.current.value = '';
    if (result.ok) {
      setError(null);
      onImport(result.protocol);
    } else {
      setError(`Could not import ${file.name}: ${result.path}: ${result.message}`);
    }
  };
  return (
    <>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Protocol JSON file"
        onChange={(event) => void read(event.target.files?.[0])}
      />
      <button
        type="button"
        className="button ghost"
        onClick={() => input.current?.click()}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        Import JSON…
      </button>
      {error && (
        <p className="alert pe-import-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}
