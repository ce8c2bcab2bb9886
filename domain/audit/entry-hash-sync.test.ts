import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../contracts/audit-events.ts';
import { bytesToHex } from '../crypto/hex.ts';
import { CanonicalizationError, canonicalize } from '../json/canonicalize.ts';
import { auditEntryDigestSync, auditEntryHashSync, canonicalTextOfStored, storedAuditEntryDigestSync } from './entry-hash-sync.ts';
import { genesisHash, hashAuditEntry, type ChainedFields } from './hash-entry.ts';
import { asciiPreimageOfStored } from './stored-ascii-preimage.ts';

const events: AuditEvent[] = [
  { action: 'session.login_succeeded', subject: 'user-1', before: null, after: { email: 'ada@example.com' } },
  { action: 'session.logged_out', subject: 'user-1', before: null, after: null },
  { action: 'thread.message_edited', subject: 'pkg-9', before: { message: 'm1', body: 'Précis — “quoted” 😀' }, after: { message: 'm1', body: 'line\nbreak\ttab' } },
  { action: 'package.version_submitted', subject: 'pkg-2', before: { version: 1, contentHash: 'a'.repeat(64) }, after: { version: 2, contentHash: 'b'.repeat(64), answers: 3 } },
];

const fields: ChainedFields[] = [
  { seq: 1, at: '2025-03-01T09:00:00.000Z', actorId: 'user-1', prevHash: genesisHash },
  { seq: 42, at: '2025-03-01T09:00:00Z', actorId: null, prevHash: 'f'.repeat(64) },
];

describe('auditEntryHashSync', () => {
  it('equals hashAuditEntry for every event and chain position', async () => {
    for (const event of events) {
      for (const chained of fields) {
        expect(auditEntryHashSync({ ...chained, ...event }), `${event.action} #${chained.seq}`).toBe(await hashAuditEntry(event, chained));
      }
    }
  });

  it('gives the same digest as bytes', () => {
    const entry = { seq: 7, at: '2025-03-01T09:00:00Z', actorId: null, prevHash: genesisHash, action: 'session.logged_out', subject: 'user-1', before: null, after: null };
    expect(bytesToHex(auditEntryDigestSync(entry))).toBe(auditEntryHashSync(entry));
    expect(auditEntryDigestSync(entry)).toHaveLength(32);
  });

  it('ignores fields outside the hashed ones (the recorded hash, the actor name)', () => {
    const entry = { seq: 2, at: '2025-03-01T09:00:00Z', actorId: 'user-1', prevHash: genesisHash, action: 'session.logged_out', subject: 'user-1', before: null, after: null };
    const withExtras = { ...entry, entryHash: '0'.repeat(64), actorName: 'Ada' };
    expect(auditEntryHashSync(withExtras)).toBe(auditEntryHashSync(entry));
  });

  it('changes when any hashed field changes', () => {
    const entry = { seq: 3, at: '2025-03-01T09:00:00Z', actorId: 'user-1', prevHash: genesisHash, action: 'section.reviewed', subject: 'pkg-1', before: null, after: { version: 1, section: 'data' } };
    const original = auditEntryHashSync(entry);
    const variants = [
      { ...entry, seq: 4 },
      { ...entry, at: '2025-03-01T09:00:01Z' },
      { ...entry, actorId: null },
      { ...entry, prevHash: '1'.repeat(64) },
      { ...entry, action: 'section.review_withdrawn' },
      { ...entry, subject: 'pkg-2' },
      { ...entry, before: {} },
      { ...entry, after: { version: 2, section: 'data' } },
    ];
    for (const variant of variants) expect(auditEntryHashSync(variant)).not.toBe(original);
  });

  it('throws CanonicalizationError for values JSON cannot hold', () => {
    const entry = { seq: 1, at: 'x', actorId: null, prevHash: genesisHash, action: 'a', subject: 's', before: null, after: { n: Number.NaN } };
    expect(() => auditEntryHashSync(entry)).toThrow(CanonicalizationError);
    expect(() => auditEntryHashSync({ ...entry, after: undefined })).toThrow(CanonicalizationError);
  });
});

describe('storedAuditEntryDigestSync (the entry as the chain stream sends it, before/after as stored text)', () => {
  const stored = (event: AuditEvent, chained: ChainedFields, write: (value: unknown) => string) => ({ ...chained, action: event.action, subject: event.subject, beforeJson: write(event.before), afterJson: write(event.after) });

  it('equals hashAuditEntry whether the stored text is canonical (hashed as it is) or not (parsed and canonicalized)', async () => {
    const spaced = (value: unknown) => JSON.stringify(value, null, 1);
    const reversed = (value: unknown) => JSON.stringify(value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse()) : value);
    for (const event of events) {
      for (const chained of fields) {
        const expected = await hashAuditEntry(event, chained);
        for (const write of [canonicalize, spaced, reversed]) {
          expect(bytesToHex(storedAuditEntryDigestSync(stored(event, chained, write))), `${event.action} #${chained.seq} ${write(event.after)}`).toBe(expected);
        }
      }
    }
  });

  it('hashes the canonical text it is given: any change to it, or to a field around it, changes the digest', () => {
    const event = events[2] as AuditEvent;
    const entry = stored(event, fields[0] as ChainedFields, canonicalize);
    expect(canonicalTextOfStored(entry)).not.toBeNull();
    const original = bytesToHex(storedAuditEntryDigestSync(entry));
    const changes = [
      { ...entry, afterJson: entry.afterJson.replace('break', 'brake') },
      { ...entry, beforeJson: entry.beforeJson.replace('😀', '😁') },
      { ...entry, afterJson: entry.beforeJson, beforeJson: entry.afterJson },
      { ...entry, subject: 'pkg-10' },
      { ...entry, actorId: null },
      { ...entry, seq: 2 },
      { ...entry, prevHash: 'e'.repeat(64) },
      { ...entry, at: '2025-03-01T09:00:00.001Z' },
    ];
    for (const changed of changes) {
      expect(canonicalTextOfStored(changed), JSON.stringify(changed)).not.toBeNull();
      expect(bytesToHex(storedAuditEntryDigestSync(changed))).not.toBe(original);
    }
  });

  it('takes the slow path, and says what cannot be hashed, for a text that is not JSON or a field canonicalize refuses', () => {
    const entry = stored(events[0] as AuditEvent, fields[0] as ChainedFields, canonicalize);
    const notJson = { ...entry, afterJson: '{"email": "ada@' };
    expect(canonicalTextOfStored(notJson)).toBeNull();
    // A text that is not JSON is hashed as a string, as the parsed path does.
    expect(bytesToHex(storedAuditEntryDigestSync(notJson))).toBe(auditEntryHashSync({ ...entry, before: null, after: '{"email": "ada@' }));
    const loneSurrogate = { ...entry, subject: 'user-\ud800' };
    expect(canonicalTextOfStored(loneSurrogate)).toBeNull();
    expect(() => storedAuditEntryDigestSync(loneSurrogate)).toThrow(CanonicalizationError);
  });
});

describe('asciiPreimageOfStored (the canonical bytes written without the text)', () => {
  const stored = (event: AuditEvent, chained: ChainedFields & { subjectPrev?: string }) => ({ ...chained, action: event.action, subject: event.subject, beforeJson: canonicalize(event.before), afterJson: canonicalize(event.after) });
  const utf8 = (text: string | null) => (text === null ? null : [...new TextEncoder().encode(text)]);

  it('is exactly the UTF-8 of canonicalTextOfStored for a printable ASCII entry, subject link or not', () => {
    const ascii = events.filter((event) => event.action !== 'thread.message_edited');
    for (const event of ascii) {
      for (const chained of [...fields, { ...fields[0], subjectPrev: 'c'.repeat(64) } as ChainedFields]) {
        const entry = stored(event, chained);
        const bytes = asciiPreimageOfStored(entry);
        expect(bytes, `${event.action} #${chained.seq}`).not.toBeNull();
        expect([...(bytes ?? [])]).toEqual(utf8(canonicalTextOfStored(entry)));
      }
    }
  });

  it('leaves to the text path anything with an escape, a non-ASCII character or a text that is not canonical', () => {
    const entry = stored(events[0] as AuditEvent, fields[0] as ChainedFields);
    const others = [
      stored(events[2] as AuditEvent, fields[0] as ChainedFields),
      { ...entry, subject: 'user-"1"' },
      { ...entry, action: 'a\\b' },
      { ...entry, at: 'tab\there' },
      { ...entry, actorId: 'usér' },
      { ...entry, afterJson: '{"email":"adà@example.com"}' },
      { ...entry, afterJson: '{"email": "ada@example.com"}' },
      { ...entry, seq: 1.5 },
    ];
    for (const other of others) {
      expect(asciiPreimageOfStored(other), JSON.stringify(other)).toBeNull();
    }
    // The digest is the same either way: the text path hashes what the writer would have.
    for (const other of others.slice(0, 6)) expect(bytesToHex(storedAuditEntryDigestSync(other))).toBe(auditEntryHashSync({ ...other, before: JSON.parse(other.beforeJson), after: JSON.parse(other.afterJson) }));
  });

  it('does not keep the bytes of a longer entry before it', () => {
    const long = stored({ action: 'thread.message_added', subject: 'pkg-1', before: null, after: { thread: 'thr-1', message: 'msg-1', body: 'x'.repeat(9000) } }, fields[0] as ChainedFields);
    const short = stored(events[1] as AuditEvent, fields[1] as ChainedFields);
    expect(asciiPreimageOfStored(long)?.length).toBe(utf8(canonicalTextOfStored(long))?.length);
    expect([...(asciiPreimageOfStored(short) ?? [])]).toEqual(utf8(canonicalTextOfStored(short)));
  });
});
