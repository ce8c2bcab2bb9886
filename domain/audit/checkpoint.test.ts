import { describe, expect, it } from 'vitest';
import { subtleCrypto } from '../crypto/sha256.ts';
import { fromBase64Url, toBase64Url } from '../signing/base64url.ts';
import { checkpointOrigin, checkpointText, fromBase64, noteVerifierKey, openCheckpoint, readTlogProof, signCheckpoint, signNote, tlogProof, toBase64 } from './checkpoint.ts';

// The signed-note format checked against the reference vector of golang.org/x/mod/sumdb/note
// (note.go's package example and note_test.go): the same key gives the same verifier key
// string, and signing the same text gives the same note, byte for byte. Ed25519 is
// deterministic, so this pins the key ID rule, the signed bytes and the line format.

const goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const goNote = `${goText}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const goVerifierKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
/** PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz: 0x01 and the 32-byte seed. */
const goSeed = fromBase64('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz').subarray(1);

async function goKey(): Promise<{ publicKey: string; privateKey: CryptoKey }> {
  const pkcs8 = new Uint8Array([...fromBase64('MC4CAQAwBQYDK2VwBCIEIA=='), ...goSeed]);
  const privateKey = await subtleCrypto().importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtleCrypto().exportKey('jwk', privateKey);
  return { publicKey: jwk.x ?? '', privateKey };
}

describe('signed notes and checkpoints', () => {
  it('match the Go sumdb/note reference vector byte for byte', async () => {
    const { publicKey, privateKey } = await goKey();
    expect(await noteVerifierKey('PeterNeumann', publicKey)).toBe(goVerifierKey);
    expect(await signNote(goText, 'PeterNeumann', publicKey, privateKey)).toBe(goNote);
  });

  it('sign a checkpoint under its origin that opens with the key and fails with any change', async () => {
    const { publicKey, privateKey } = await goKey();
    const root = 'ab'.repeat(32);
    const checkpoint = await signCheckpoint({ origin: 'approvals.example.com', treeSize: 17, rootHash: root, publicKey, privateKey });
    expect(checkpoint.startsWith(`approvals.example.com\n17\n${toBase64(fromBase64Url(toBase64Url(new Uint8Array(32).fill(0xab))))}\n\n— approvals.example.com `)).toBe(true);
    expect(checkpointText('approvals.example.com', 17, root)).toBe(checkpoint.slice(0, checkpoint.indexOf('\n\n') + 1));
    expect(await openCheckpoint(checkpoint, publicKey)).toEqual({ origin: 'approvals.example.com', treeSize: 17, rootHash: root });
    await expect(openCheckpoint(checkpoint.replace('\n17\n', '\n18\n'), publicKey)).rejects.toThrow(/does not verify/);
    await expect(openCheckpoint(checkpoint.replace('\n17\n', '\n017\n'), publicKey)).rejects.toThrow(/leading zeroes/);
    const other = (await goKey()).publicKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expect(openCheckpoint(checkpoint, other)).rejects.toThrow();
  });

  it('write a tlog-proof that reads back, and an origin without the scheme', () => {
    const path = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)];
    const proof = tlogProof(5, path, 'o\n1\nAAAA\n\n— o x\n');
    expect(proof).toBe(`c2sp.org/tlog-proof@v1\nindex 5\n${toBase64(path[0] ?? new Uint8Array())}\n${toBase64(path[1] ?? new Uint8Array())}\n\no\n1\nAAAA\n\n— o x\n`);
    expect(readTlogProof(proof)).toEqual({ index: 5, path: ['01'.repeat(32), '02'.repeat(32)], checkpoint: 'o\n1\nAAAA\n\n— o x\n' });
    expect(checkpointOrigin('https://approvals.example.com')).toBe('approvals.example.com');
    expect(checkpointOrigin('https://example.com:8443/approvals/')).toBe('example.com:8443/approvals');
  });
});
