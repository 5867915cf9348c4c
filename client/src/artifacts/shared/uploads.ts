/**
 * The session uploads API (image and PDF bytes): `POST /api/sessions/:id/uploads?name=` with the
 * raw file as body → 201 `{ uploadId, mime, size, name }`, and `GET …/uploads/:uploadId`. Both
 * with `Authorization: Bearer <token>`; failures carry the server's `{ error: { message } }`.
 */
import { ApiRequestError, requestFile } from '../../api.js';

/** What the server stored. */
export interface UploadedFile {
  uploadId: string;
  mime: string;
  size: number;
  name: string;
}

/** Largest file the client tries to send (the server has the final word). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

function uploadsPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/uploads`;
}

/** Sends a file; resolves to what the server stored or rejects with an `ApiRequestError`. */
export async function uploadFile(sessionId: string, token: string, file: File): Promise<UploadedFile> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new ApiRequestError(413, 'too_large', `${file.name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  const response = await requestFile(`${uploadsPath(sessionId)}?name=${encodeURIComponent(file.name)}`, token, {
    method: 'POST',
    body: file,
    contentType: file.type || 'application/octet-stream',
  });
  const body = (await response.json()) as Partial<UploadedFile>;
  if (typeof body.uploadId !== 'string')
    throw new ApiRequestError(response.status, 'bad_response', 'The server did not say where it stored the file.');
  return {
    uploadId: body.uploadId,
    mime: String(body.mime ?? file.type),
    size: Number(body.size ?? file.size),
    name: String(body.name ?? file.name),
  };
}

/** Fetches an upload's bytes (the caller revokes the blob URL it makes from them). */
export async function fetchUpload(sessionId: string, token: string, uploadId: string, signal?: AbortSignal): Promise<Blob> {
  const response = await requestFile(`${uploadsPath(sessionId)}/${encodeURIComponent(uploadId)}`, token, signal ? { signal } : {});
  return response.blob();
}
