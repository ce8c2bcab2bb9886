import { describe, expect, it } from 'vitest';
import { dueStatus, formatDuration, formatRelative, formatRiskTier } from './format.ts';

const now = new Date('2025-03-10T12:00:00Z');
const day = 86_400_000;

describe('format', () => {
  it('says how long ago something happened', () => {
    expect(formatRelative(new Date(now.getTime() - 3 * day).toISOString(), now)).toMatch(/3 days ago/);
    expect(formatRelative(new Date(now.getTime() - 2 * 3_600_000).toISOString(), now)).toMatch(/2 hours ago/);
    expect(formatRelative(new Date(now.getTime() - 40 * day).toISOString(), now)).toMatch(/40 days ago/);
    expect(formatRelative(new Date(now.getTime() - 95 * day).toISOString(), now)).toMatch(/3 months ago/);
  });

  it('counts whole units of the largest size that fits', () => {
    expect(formatDuration(2 * day + 5 * 3_600_000)).toBe('2 days');
    expect(formatDuration(-day)).toBe('1 day');
    expect(formatDuration(90 * 60_000)).toBe('1 hour');
    expect(formatDuration(10_000)).toBe('1 minute');
  });

  it('flags an overdue step with the amount, and a pending one with the time left', () => {
    expect(dueStatus(new Date(now.getTime() - 2 * day).toISOString(), true, now)).toEqual({ overdue: true, text: 'Overdue by 2 days' });
    expect(dueStatus(new Date(now.getTime() + 3 * day).toISOString(), false, now)).toEqual({ overdue: false, text: 'Due in 3 days' });
    // The server's verdict wins over a device clock that is behind.
    expect(dueStatus(new Date(now.getTime() + 3_600_000).toISOString(), true, now)).toEqual({ overdue: true, text: 'Overdue' });
  });

  it('names risk tiers', () => {
    expect(formatRiskTier(1)).toBe('Tier 1');
  });
});
