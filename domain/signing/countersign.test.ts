import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto/sha256.ts';
import type { CountersignedRecord } from '../contracts/signatures.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import {
  countersign,
  countersignedMessage,
  generateServerKey,
  importServerPrivateKey,
  verifyCountersignature,
  type GeneratedServerKey,
} from './countersign.ts';

const record: CountersignedRecord = {
  type: 'model-approval-countersignature/1',
  decisionId: 'dec-1',
  decidedAt: '2026-03-01T10:00:05.000Z',
  payload: {
    type: 'model-approval-signature/1',
    packageId: 'pkg-1',
    versionNumber: 1,
    contentHash: 'b'.repeat(64),
    stepKey: 'privacy',
    role: 'privacy',
    decision: 'reject',
    meaning: 'Rejected',
    reason: 'Retention is not stated.',
    conditions: null,
    concerns: [{ sectionKey: 'data', concern: 'No retention period.', requiredChange: 'State it.' }],
    signer: { id: 'u-2', displayName: 'Grace Hopper', title: 'Privacy officer' },
    nonce: 'x'.repeat(24),
    issuedAt: '2026-03-01T10:00:00.000Z',
  },
  signature: { method: 'password' },
};

let serverKey: GeneratedServerKey;
let privateKey: CryptoKey;

beforeAll(async () => {
  serverKey = await generateServerKey();
  privateKey = await importServerPrivateKey(serverKey.privateKeyPkcs8);
});

describe('generateServerKey', () => {
  it('derives the key id from the raw public key', async () => {
    const raw = fromBase64Url(serverKey.publicKey);
    expect(raw).toHaveLength(32);
    expect(serverKey.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(serverKey.keyId).toBe((await sha256Hex(raw)).slice(0, 16));
  });

  it('imports the private key as sign-only and not extractable', () => {
    expect(privateKey.algorithm.name).toBe('Ed25519');
    expect(privateKey.usages).toEqual(['sign']);
    expect(privateKey.extractable).toBe(false);
  });
});

describe('countersign / verifyCountersignature', () => {
  it('signs the canonical form of the record', async () => {
    expect(new TextDecoder().decode(countersignedMessage(record))).toBe(canonicalize(record));
    const countersignature = await countersign(privateKey, serverKey.keyId, record);
    expect(countersignature.keyId).toBe(serverKey.keyId);
    expect(countersignature.algorithm).toBe('Ed25519');
    expect(fromBase64Url(countersignature.value)).toHaveLength(64);
    expect(await verifyCountersignature(serverKey.publicKey, record, countersignature)).toBe(true);
  });

  it('verifies regardless of the order the record was written in', async () => {
    const countersignature = await countersign(privateKey, serverKey.keyId, record);
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as CountersignedRecord;
    expect(await verifyCountersignature(serverKey.publicKey, reordered, countersignature)).toBe(true);
  });

  it('refuses a record changed after countersigning', async () => {
    const countersignature = await countersign(privateKey, serverKey.keyId, record);
    expect(await verifyCountersignature(serverKey.publicKey, { ...record, decidedAt: '2026-03-01T10:00:06.000Z' }, countersignature)).toBe(false);
    expect(await verifyCountersignature(serverKey.publicKey, { ...record, payload: { ...record.payload, reason: 'Fine.' } }, countersignature)).toBe(false);
  });

  it('refuses a tampered countersignature value', async () => {
    const countersignature = await countersign(privateKey, serverKey.keyId, record);
    const value = fromBase64Url(countersignature.value);
    value[10] = (value[10] ?? 0) ^ 0x80;
    expect(await verifyCountersignature(serverKey.publicKey, record, { ...countersignature, value: toBase64Url(value) })).toBe(false);
  });

  it('refuses another server key, and unusable keys or values, without throwing', async () => {
    const countersignature = await countersign(privateKey, serverKey.keyId, record);
    const other = await generateServerKey();
    expect(await verifyCountersignature(other.publicKey, record, countersignature)).toBe(false);
    expect(await verifyCountersignature('not base64url!', record, countersignature)).toBe(false);
    expect(await verifyCountersignature(toBase64Url(new Uint8Array(31)), record, countersignature)).toBe(false);
    expect(await verifyCountersignature(serverKey.publicKey, record, { ...countersignature, value: 'AAAA' })).toBe(false);
  });
});
