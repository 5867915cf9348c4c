/**
 * Keeping the host's custom protocol across reloads (localStorage `worktable:customProtocol`) and
 * exporting it as a `<id>.protocol.json` download.
 */
import { validateProtocol, type Protocol } from '@worktable/shared';
import { cleanProtocol, protocolFileName, serializeProtocol } from './editProtocol.js';

/** The localStorage key of the custom protocol in use on the start form. */
export const CUSTOM_PROTOCOL_KEY = 'worktable:customProtocol';

/** The stored custom protocol, or null (none, invalid, or storage disabled). */
export function loadCustomProtocol(): Protocol | null {
  try {
    const raw = window.localStorage.getItem(CUSTOM_PROTOCOL_KEY);
    if (raw === null) return null;
    const result = validateProtocol(JSON.parse(raw));
    return result.ok ? cleanProtocol(result.protocol) : null;
  } catch {
    return null;
  }
}

/** Stores (or, with null, forgets) the custom protocol; storage failures are ignored. */
export function saveCustomProtocol(protocol: Protocol | null): void {
  try {
    if (protocol) window.localStorage.setItem(CUSTOM_PROTOCOL_KEY, JSON.stringify(protocol));
    else window.localStorage.removeItem(CUSTOM_PROTOCOL_KEY);
  } catch {
    // Storage disabled: the protocol lasts until the page closes.
  }
}

/** Downloads the protocol as `<id>.protocol.json` through a Blob and an object URL. */
export function downloadProtocol(protocol: Protocol): void {
  const blob = new Blob([serializeProtocol(protocol)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = protocolFileName(protocol);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
