/** What a test server's SQLite file holds of uploads, read straight from the file. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../app.js';

/** Rows of the upload tables: stored uploads, their chunks, and uploads being written. */
export interface UploadRows {
  uploads: number;
  chunks: number;
  drafts: number;
}

/** Counts the rows of the upload tables in the store of the data folder `dataDir`. */
export function storedUploadRows(dataDir: string): UploadRows {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    const count = (table: string) => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    return { uploads: count('uploads'), chunks: count('upload_chunks'), drafts: count('upload_drafts') };
  } finally {
    db.close();
  }
}
