import { describe, expect, it } from 'vitest';
import { broadcastToShow, readDismissedBroadcast, rememberDismissedBroadcast, type DismissalStorage } from './broadcast.js';

function memoryStorage(): DismissalStorage {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('broadcast banner', () => {
  it('B1 shows a broadcast until it is dismissed, and the next one again', () => {
    const storage = memoryStorage();
    const first = { id: 1, message: 'Five minutes left', at: 0 };
    expect(broadcastToShow(null, null)).toBeNull();
    expect(broadcastToShow(first, readDismissedBroadcast(storage, 's1'))).toBe(first);
    rememberDismissedBroadcast(storage, 's1', 1);
    expect(broadcastToShow(first, readDismissedBroadcast(storage, 's1'))).toBeNull();
    expect(readDismissedBroadcast(storage, 's2')).toBeNull();
    const second = { id: 2, message: 'Harvest now', at: 1 };
    expect(broadcastToShow(second, readDismissedBroadcast(storage, 's1'))).toBe(second);
  });

  it('B2 survives storage that throws', () => {
    const broken: DismissalStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readDismissedBroadcast(broken, 's1')).toBeNull();
    expect(() => rememberDismissedBroadcast(broken, 's1', 3)).not.toThrow();
  });
});
