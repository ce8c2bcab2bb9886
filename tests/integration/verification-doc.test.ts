import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyKeyHistory } from '#domain/signing/key-history.ts';
import { parseVerifierKey, verifyRecordLog } from '../independent/tlog-verifier.ts';
import { cosignatureTimestamp, verifyAttestationBundle } from '../independent/dsse-verifier.ts';
import { verificationExamples } from '../docs/verification-examples.ts';

// docs/verification.md is precise enough to re-implement the verifier from; its worked
// examples are built here from the code (so the document cannot drift from it) and verified
// as a reader of the document would: the key statement's chain, and the audit entry's hash,
// tlog-proof and checkpoint by the independent verifier (node:crypto only).

const doc = readFileSync(new URL('../../docs/verification.md', import.meta.url), 'utf8');

/** The fenced blocks marked ```text example=<name> (or json). */
function documented(): Record<string, string> {
  const blocks: Record<string, string> = {};
  for (const match of doc.matchAll(/^```(?:text|json) example=([a-z-]+)\n([\s\S]*?)^```$/gm)) blocks[match[1] ?? ''] = match[2] ?? '';
  return blocks;
}

describe('docs/verification.md', () => {
  it('holds the examples the code makes, byte for byte', async () => {
    const made = await verificationExamples();
    if (process.env.WRITE_EXAMPLES) writeFileSync(process.env.WRITE_EXAMPLES, JSON.stringify(made, null, 2));
    expect(documented()).toEqual(made);
  });

  it('its examples verify as the document says', async () => {
    const examples = documented();
    const history = await verifyKeyHistory([JSON.parse(examples['key-statement'] ?? '') as unknown]);
    expect(history.ok && history.keys[0]?.publicKey).toBe(examples['public-key']?.trim());

    const verifierKey = examples['verifier-key']?.trim() ?? '';
    expect(parseVerifierKey(verifierKey).rawKey.toString('base64url')).toBe(examples['public-key']?.trim());
    const record = JSON.stringify({ audit: { entries: [JSON.parse(examples['audit-entry'] ?? '') as unknown], checkpoint: examples.checkpoint, tlogProofs: [examples['tlog-proof']] } });
    expect(verifyRecordLog(record, verifierKey)).toEqual({ ok: true, problems: [], origin: 'approvals.example.com', treeSize: 3, entriesProved: 1 });

    // The attestation: its DSSE signature by the example key, its payload the statement's RFC 8785 form.
    const attestation = verifyAttestationBundle(examples['attestation-bundle'] ?? '', examples['public-key']?.trim() ?? '');
    expect(attestation.problems).toEqual([]);
    expect(attestation.statement).toEqual(JSON.parse(examples['attestation-statement'] ?? '') as unknown);
    // The witness's cosignature over the same checkpoint, at 2026-01-02T00:00:00Z.
    expect(cosignatureTimestamp(examples['cosigned-checkpoint'] ?? '', examples['witness-key'] ?? '')).toBe(1_767_312_000);
    expect(examples['cosigned-checkpoint']?.startsWith(examples.checkpoint ?? '-')).toBe(true);
  });
});
