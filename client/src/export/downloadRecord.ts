/** Fetches the session's record in one format, with the host's token and options, and saves it as a file. */
import type { RecordOptions } from '@worktable/shared';
import { requestFile } from '../api.js';
import { readWithProgress, type TransferProgress } from '../transfer.js';
import { fileNameFromDisposition } from './fileName.js';
import { exportPath, type ExportFormat } from './formats.js';
import { saveBlob } from './saveFile.js';

/** Where a download is: the server is preparing the file, or its bytes are arriving. */
export type DownloadStage = { stage: 'preparing' } | { stage: 'receiving'; progress: TransferProgress };

/** Downloads the record; resolves to the saved file's name, rejects with an `ApiRequestError` carrying the server's message. */
export async function downloadRecord(
  sessionId: string,
  token: string,
  format: ExportFormat,
  options: RecordOptions,
  onStage: (stage: DownloadStage) => void,
): Promise<string> {
  onStage({ stage: 'preparing' });
  const response = await requestFile(exportPath(sessionId, format, options), token);
  const bytes = await readWithProgress(response, (progress) => onStage({ stage: 'receiving', progress }));
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), `session-record.${format.extension}`);
  saveBlob(new Blob([bytes], { type: response.headers.get('content-type') ?? 'application/octet-stream' }), fileName);
  return fileName;
}
