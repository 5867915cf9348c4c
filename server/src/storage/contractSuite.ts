/**
 * The storage contract: behaviour every adapter of the storage port must have. Run it against
 * each adapter (`sqliteStorage.test.ts`, `postgresStorage.test.ts`) with a factory that returns a
 * fresh, empty store. Its tests are kept by concern in `contract/`, one file per part of the port.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlAndHistoryContract } from './contract/controlAndHistoryContract.js';
import { documentsContract } from './contract/documentsContract.js';
import { binary, type ContractContext, type StorageFactory } from './contract/fixtures.js';
import { recordLinksContract } from './contract/recordLinksContract.js';
import { sessionsContract } from './contract/sessionsContract.js';
import { uploadsContract } from './contract/uploadsContract.js';
import { UPLOAD_CHUNK_BYTES, type StoragePort } from './port.js';
import { readUpload } from './uploadBytes.js';

export type { StorageFactory } from './contract/fixtures.js';

/**
 * Files of session `s1` as a server before chunking kept them (whole, in `uploads.data`), for each
 * adapter's test of the migration: one of a few chunks, one small. Stored as `a.pdf`.
 */
export const WHOLE_STORED_UPLOADS: readonly { uploadId: string; bytes: Buffer }[] = [
  { uploadId: 'u_large', bytes: Buffer.from(binary(2 * UPLOAD_CHUNK_BYTES + 5)) },
  { uploadId: 'u_small', bytes: Buffer.from('%PDF-1.4 small') },
];

/** Checks that the migration to chunks kept `WHOLE_STORED_UPLOADS`: each reads back unchanged, from chunks. */
export async function expectWholeStoredUploadsKept(store: StoragePort): Promise<void> {
  for (const { uploadId, bytes } of WHOLE_STORED_UPLOADS) {
    const read = await readUpload(store, 's1', uploadId);
    expect(read?.record).toMatchObject({ uploadId, size: bytes.byteLength, name: 'a.pdf' });
    expect(Buffer.from(read?.bytes ?? []).equals(bytes)).toBe(true);
  }
  expect((await store.uploads.readChunk('s1', 'u_large', 2))?.byteLength).toBe(5);
}

/** Registers the contract tests for one adapter. */
export function storageContractSuite(name: string, factory: StorageFactory): void {
  describe(`storage contract: ${name}`, () => {
    let current: StoragePort | null = null;
    const ctx: ContractContext = {
      factory,
      get store(): StoragePort {
        if (!current) throw new Error('no store outside a test');
        return current;
      },
      set store(next: StoragePort) {
        current = next;
      },
    };
    beforeEach(async () => {
      ctx.store = await factory.create();
    });
    afterEach(async () => {
      await ctx.store.close();
    });

    it('SC1 answers ping', async () => {
      await expect(ctx.store.ping()).resolves.toBeUndefined();
    });

    sessionsContract(ctx);
    documentsContract(ctx);
    uploadsContract(ctx);
    controlAndHistoryContract(ctx);
    recordLinksContract(ctx);
  });
}
