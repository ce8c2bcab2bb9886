import { describe, expect, it } from 'vitest';
import { auditActions } from '#domain/contracts/audit.ts';
import { auditActionChoices, auditActionLabel } from './action-labels.ts';
import { formatUtc, summarizeChange, utcDateTime } from './entry-summary.ts';

describe('an entry in one line', () => {
  it('shows what changed between before and after', () => {
    expect(summarizeChange({ thread: 'thr_1', status: 'open' }, { thread: 'thr_1', status: 'resolved' })).toBe('status: “open” → “resolved”');
  });

  it('shows the new values of a creation, hashes shortened, and the old ones of a removal', () => {
    const hash = 'ab'.repeat(32);
    expect(summarizeChange(null, { version: 2, contentHash: hash })).toBe(`version: 2, contentHash: ${'ab'.repeat(6)}…`);
    expect(summarizeChange({ credentialId: 'c1', name: 'Laptop' }, null)).toBe('removed credentialId: “c1”, name: “Laptop”');
    expect(summarizeChange(null, null)).toBe('—');
  });

  it('cuts long text and long field lists', () => {
    expect(summarizeChange(null, { body: 'word '.repeat(30) })).toBe('body: “word word word word word word word word…”');
    expect(summarizeChange(null, { a: 1, b: 2, c: 3, d: 4 })).toBe('a: 1, b: 2, c: 3, …');
  });

  it('still summarizes values outside the event union (a tampered row)', () => {
    expect(summarizeChange('x', [1, 2])).toBe('“x” → [2 items]');
  });

  it('gives every action of the closed union a label, and shows an unknown one as stored', () => {
    expect(auditActionChoices().map(([action]) => action).sort()).toEqual([...auditActions].sort());
    for (const [action, label] of auditActionChoices()) expect(label).not.toBe(action);
    expect(auditActionLabel('package.deleted')).toBe('package.deleted');
  });

  it('writes times in UTC whatever the reader’s zone', () => {
    expect(formatUtc('2025-03-14T09:30:12.345Z')).toBe('2025-03-14 09:30:12 UTC');
    expect(utcDateTime('2025-03-14T09:30:12.345+01:00')).toBe('2025-03-14 08:30:12');
    expect(formatUtc('not a time')).toBe('not a time');
  });
});
