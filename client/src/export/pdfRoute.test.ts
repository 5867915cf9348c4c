/** Whether the record's PDF comes from the server or from this browser's print dialog. */
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api.js';
import { pdfRouteFor, printsInsteadAfter } from './pdfRoute.js';

describe('how the record becomes a PDF', () => {
  it('PF1 the server prints it unless it said it cannot; while unknown, the server is asked first', () => {
    expect(pdfRouteFor(true)).toBe('server');
    expect(pdfRouteFor(null)).toBe('server');
    expect(pdfRouteFor(false)).toBe('print');
  });

  it('PF2 a 503 from the server (no Chromium) falls back to the browser’s print dialog; other failures are reported', () => {
    expect(printsInsteadAfter(new ApiRequestError(503, 'unavailable', 'PDF export needs Chromium on the server'))).toBe(true);
    expect(printsInsteadAfter(new ApiRequestError(500, 'internal', 'boom'))).toBe(false);
    expect(printsInsteadAfter(new ApiRequestError(403, 'forbidden', 'only the host'))).toBe(false);
    expect(printsInsteadAfter(new ApiRequestError(0, 'network', 'unreachable'))).toBe(false);
    expect(printsInsteadAfter(new Error('503'))).toBe(false);
  });
});
