// The "before → after" column: one short line per entry, read from the stored JSON values
// without parsing them against the event union, so a tampered or unexpected row still
// summarizes (the details show it in full).

const maxText = 40;
const maxFields = 3;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value in a few characters: hashes and long text are cut, nested values named by kind. */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (/^[0-9a-f]{64}$/.test(value)) return `${value.slice(0, 12)}…`;
    const oneLine = value.replace(/\s+/g, ' ').trim();
    return oneLine.length > maxText ? `“${oneLine.slice(0, maxText - 1)}…”` : `“${oneLine}”`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.length} items]`;
  return '{…}';
}

function fields(value: Record<string, unknown>, keys: readonly string[]): string {
  const shown = keys.slice(0, maxFields).map((key) => `${key}: ${shortValue(value[key])}`);
  return keys.length > maxFields ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * "status: “open” → “resolved”" for a change, the new values for a creation, the old ones
 * for a removal; "—" when the event carries no values.
 */
export function summarizeChange(before: unknown, after: unknown): string {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (keys.length === 0) return 'no change';
    const shown = keys.slice(0, maxFields).map((key) => `${key}: ${shortValue(before[key])} → ${shortValue(after[key])}`);
    return keys.length > maxFields ? `${shown.join(', ')}, …` : shown.join(', ');
  }
  if ((before === null || before === undefined) && isRecord(after)) return fields(after, Object.keys(after));
  if (isRecord(before) && (after === null || after === undefined)) return `removed ${fields(before, Object.keys(before))}`;
  if ((before === null || before === undefined) && (after === null || after === undefined)) return '—';
  return `${shortValue(before)} → ${shortValue(after)}`;
}

/** "2025-03-14 09:30:12": audit times are read in UTC, the log's own clock, whatever the reader's zone. */
export function utcDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 19).replace('T', ' ');
}

/** "2025-03-14 09:30:12 UTC", where the column does not already say so. */
export { formatUtc } from '../../lib/format.ts';
