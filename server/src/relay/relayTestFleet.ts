/**
 * The fleet the relay's tests run on (`relay.test.ts`, `relayGuards.test.ts`): test servers and
 * clients stopped after each test, and the text a document holds in storage.
 */
import { afterEach } from 'vitest';
import { storedDocument, testFleet, type TestFleet } from '../testing/fleet.js';
import type { TestServer } from '../testing/testServer.js';

/** A fleet whose servers and clients are stopped after each test of the calling file. */
export function relayTestFleet(): TestFleet {
  const fleet = testFleet();
  afterEach(fleet.stopAll);
  return fleet;
}

/** The text `name` of document `key` as stored (after a flush). */
export async function storedText(t: Pick<TestServer, 'server'>, key: string, name = 't'): Promise<string> {
  return (await storedDocument(t, key)).getText(name).toString();
}
