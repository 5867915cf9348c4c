import { describe, expect, it } from 'vitest';
import { leaveNotice, takeNotice } from './pageNotice.js';

describe('page notices', () => {
  it('carries one notice to the next page, once', () => {
    expect(takeNotice()).toBeNull();
    leaveNotice({ title: 'Session deleted', detail: 'Gone.' });
    expect(takeNotice()).toEqual({ title: 'Session deleted', detail: 'Gone.' });
    expect(takeNotice()).toBeNull();
  });
});
