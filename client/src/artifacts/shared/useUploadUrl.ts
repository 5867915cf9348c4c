/** An upload's bytes as a blob URL (revoked on unmount or when the upload changes), with status. */
import { useEffect, useState } from 'react';
import { userMessage } from '../../api.js';
import { fetchUpload } from './uploads.js';

/** Loading state of an upload's blob URL. */
export type UploadUrlState =
  | { kind: 'loading' }
  | { kind: 'ready'; url: string }
  | { kind: 'error'; message: string }
  | { kind: 'missing' };

/** Fetches `uploadId` with the bearer token into a blob URL. */
export function useUploadUrl(sessionId: string, token: string, uploadId: string): UploadUrlState {
  const [state, setState] = useState<UploadUrlState>({ kind: 'loading' });
  useEffect(() => {
    if (!uploadId) {
      setState({ kind: 'missing' });
      return;
    }
    const controller = new AbortController();
    let url: string | null = null;
    setState({ kind: 'loading' });
    fetchUpload(sessionId, token, uploadId, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setState({ kind: 'ready', url });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: userMessage(error) });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [sessionId, token, uploadId]);
  return state;
}
