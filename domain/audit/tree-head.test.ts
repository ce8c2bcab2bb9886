import { beforeAll, describe, expect, it } from 'vitest';
import { treeHeadType, type SignedTreeHead, type TreeHead } from '../contracts/audit.ts';
import type { ServerKey } from '../contracts/signatures.ts';
import { generateServerKey, importServerPrivateKey, type GeneratedServerKey } from '../signing/countersign.ts';
import { fromBase64Url, toBase64Url } from '../signing/base64url.ts';
import { signTreeHead, treeHeadMessage, verifyTreeHeadSignature } from './tree-head.ts';

const head: TreeHead = { type: treeHeadType, treeSize: 42, rootHash: 'ab'.repeat(32), timestamp: '2025-03-01T09:00:00.000Z' };

function published(key: GeneratedServerKey): ServerKey {
  return { keyId: key.keyId, algorithm: 'Ed25519', publicKey: key.publicKey, createdAt: '2025-01-01T00:00:00.000Z' };
}

describe('treeHeadMessage', () => {
  it('is the RFC 8785 form of the four signed fields', () => {
    const text = new TextDecoder().decode(treeHeadMessage(head));
    expect(text).toBe(`{"rootHash":"${'ab'.repeat(32)}","timestamp":"2025-03-01T09:00:00.000Z","treeSize":42,"type":"model-approval-tree-head/1"}`);
  });

  it('leaves out the key id and signature, so a signed head gives the same bytes', () => {
    const signed: SignedTreeHead = { ...head, keyId: 'k1', signature: 'AAAA' };
    expect(treeHeadMessage(signed)).toEqual(treeHeadMessage(head));
  });

  it('refuses a head that is not one', () => {
    expect(() => treeHeadMessage({ ...head, rootHash: 'AB'.repeat(32) })).toThrow();
  });
});

describe('signTreeHead and verifyTreeHeadSignature', () => {
  let key: GeneratedServerKey;
  let other: GeneratedServerKey;
  let signed: SignedTreeHead;

  beforeAll(async () => {
    [key, other] = await Promise.all([generateServerKey(), generateServerKey()]);
    signed = await signTreeHead(await importServerPrivateKey(key.privateKeyPkcs8), key.keyId, head);
  });

  it('signs the head with the named key', async () => {
    expect(signed).toMatchObject({ ...head, keyId: key.keyId });
    expect(fromBase64Url(signed.signature)).toHaveLength(64);
    expect(await verifyTreeHeadSignature(signed, [published(other), published(key)])).toBe(true);
  });

  it('signs only the head fields, whatever else the object carries', async () => {
    const withExtra = { ...head, note: 'not signed' } as TreeHead;
    const again = await signTreeHead(await importServerPrivateKey(key.privateKeyPkcs8), key.keyId, withExtra);
    expect(again).not.toHaveProperty('note');
    expect(await verifyTreeHeadSignature(again, [published(key)])).toBe(true);
  });

  it('fails for any changed field', async () => {
    const keys = [published(key)];
    expect(await verifyTreeHeadSignature({ ...signed, treeSize: 43 }, keys)).toBe(false);
    expect(await verifyTreeHeadSignature({ ...signed, rootHash: 'cd'.repeat(32) }, keys)).toBe(false);
    expect(await verifyTreeHeadSignature({ ...signed, timestamp: '2025-03-01T09:00:01.000Z' }, keys)).toBe(false);
  });

  it('fails for an unknown key id, or a key that did not sign it', async () => {
    expect(await verifyTreeHeadSignature(signed, [published(other)])).toBe(false);
    expect(await verifyTreeHeadSignature(signed, [])).toBe(false);
    // Right id, wrong key: an id published with someone else's public key.
    expect(await verifyTreeHeadSignature(signed, [{ ...published(other), keyId: key.keyId }])).toBe(false);
  });

  it('fails, without throwing, for a malformed signature or key', async () => {
    const keys = [published(key)];
    expect(await verifyTreeHeadSignature({ ...signed, signature: 'not base64url!' }, keys)).toBe(false);
    expect(await verifyTreeHeadSignature({ ...signed, signature: `${signed.signature}A` }, keys)).toBe(false);
    const flipped = fromBase64Url(signed.signature);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(await verifyTreeHeadSignature({ ...signed, signature: toBase64Url(flipped) }, keys)).toBe(false);
    expect(await verifyTreeHeadSignature(signed, [{ ...published(key), publicKey: 'AAAA' }])).toBe(false);
    expect(await verifyTreeHeadSignature({ ...signed, rootHash: 'nope' }, keys)).toBe(false);
  });
});
