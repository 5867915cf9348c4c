/** The start form's custom protocol, kept in localStorage so it survives a reload. */
import { useCallback, useState } from 'react';
import type { Protocol } from '@worktable/shared';
import { loadCustomProtocol, saveCustomProtocol } from './customProtocolStorage.js';

/** The custom protocol in use (null: a built-in) and its setter, which also stores it. */
export function useCustomProtocol(): [Protocol | null, (protocol: Protocol | null) => void] {
  const [protocol, setProtocol] = useState<Protocol | null>(loadCustomProtocol);
  const set = useCallback((next: Protocol | null) => {
    saveCustomProtocol(next);
    setProtocol(next);
  }, []);
  return [protocol, set];
}
