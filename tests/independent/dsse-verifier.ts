// An independent verifier of a decision's attestation, written from the public specs only:
// DSSE v1 (the PAE and envelope), in-toto Statement v1, the Sigstore bundle v0.3 JSON form,
// RFC 8032 Ed25519 and docs/verification.md for the predicate. It shares no code with the
// producer (domain/evidence/attestation.ts): it imports nothing but node:crypto and the other
// independent verifier's RFC 8785 encoder.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { jcs } from './tlog-verifier.ts';

export interface AttestationVerdict {
  ok: boolean;
  problems: string[];
  statement: { subject: { name: string; digest: { sha256: string } }[]; predicateType: string; predicate: Record<string, unknown> } | null;
}

const pae = (type: string, body: Buffer): Buffer => Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);

/**
 * Checks a Sigstore bundle holding a DSSE envelope against a raw 32-byte Ed25519 public key
 * (base64url, as GET /api/keys publishes it) and, when given, the decided version's content:
 * the signature, the statement's type, and its subject digest = SHA-256 of the content's JCS.
 */
export function verifyAttestationBundle(bundleJson: string, publicKey: string, content?: unknown): AttestationVerdict {
  const problems: string[] = [];
  const bundle = JSON.parse(bundleJson) as { mediaType?: string; dsseEnvelope?: { payload: string; payloadType: string; signatures: { sig: string }[] } };
  if (bundle.mediaType !== 'application/vnd.dev.sigstore.bundle.v0.3+json') problems.push(`media type ${String(bundle.mediaType)}`);
  const envelope = bundle.dsseEnvelope;
  if (!envelope) return { ok: false, problems: [...problems, 'no DSSE envelope'], statement: null };
  const payload = Buffer.from(envelope.payload, 'base64');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  const signatures = envelope.signatures.filter((s) => verify(null, pae(envelope.payloadType, payload), key, Buffer.from(s.sig, 'base64')));
  if (signatures.length === 0) problems.push('no signature verifies with the key');
  if (envelope.payloadType !== 'application/vnd.in-toto+json') problems.push(`payload type ${envelope.payloadType}`);
  const statement = JSON.parse(payload.toString('utf8')) as AttestationVerdict['statement'] & { _type: string };
  if (statement._type !== 'https://in-toto.io/Statement/v1') problems.push(`statement type ${statement._type}`);
  if (content !== undefined) {
    const digest = createHash('sha256').update(jcs(content), 'utf8').digest('hex');
    if (statement.subject[0]?.digest.sha256 !== digest) problems.push(`subject digest ${String(statement.subject[0]?.digest.sha256)}, content hashes to ${digest}`);
  }
  return { ok: problems.length === 0, problems, statement };
}

/**
 * A witness cosignature (C2SP tlog-cosignature) in a checkpoint note, checked against the
 * witness's verifier key `<name>+<hex key ID>+<base64(0x04 || key)>`; its timestamp, or null.
 */
export function cosignatureTimestamp(note: string, witnessKey: string): number | null {
  // The name has no '+'; the base64 key may.
  const [, name = '', id = '', typedKey = ''] = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(witnessKey.trim()) ?? [];
  const typed = Buffer.from(typedKey, 'base64');
  if (typed.length !== 33 || typed[0] !== 0x04) return null;
  if (createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), typed])).digest().subarray(0, 4).toString('hex') !== id) return null;
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: typed.subarray(1).toString('base64url') }, format: 'jwk' });
  const text = note.slice(0, note.indexOf('\n\n') + 1);
  for (const line of note.slice(text.length + 1).split('\n')) {
    if (!line.startsWith(`— ${name} `)) continue;
    const bytes = Buffer.from(line.slice(name.length + 3), 'base64');
    if (bytes.length !== 76 || bytes.subarray(0, 4).toString('hex') !== id) continue;
    const timestamp = Number(bytes.readBigUInt64BE(4));
    if (verify(null, Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, 'utf8'), key, bytes.subarray(12))) return timestamp;
  }
  return null;
}
