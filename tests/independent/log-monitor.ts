// The independent reading of docs/verification.md's "The record and the log": given the audit
// log as GET /api/audit/chain exports it (NDJSON), recompute every entry's hash, the hash chain
// and the subject links, the RFC 6962 root (RFC 9162 §2.1.1) of the first treeSize entries,
// which must be the root of the record's checkpoint (verified with the log's key), and require
// every entry about the record's package up to that size to be in the record. Written from the
// specification; it imports nothing of the producer, only node:crypto through tlog-verifier.ts.
import { entryPreimage, openNote, parseVerifierKey, sha256 } from './tlog-verifier.ts';

export interface MonitorVerdict {
  ok: boolean;
  problems: string[];
}

interface LogLine {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  subject: string;
  beforeJson: string;
  afterJson: string;
  prevHash: string;
  subjectPrev?: string;
  entryHash: string;
}

const genesis = '0'.repeat(64);

/** MTH(D[n]) of RFC 9162 §2.1.1, over leaf data (the 32-byte entry hashes). */
function merkleRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return sha256(Buffer.from([0x00]), leaves[0] ?? Buffer.alloc(0));
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([0x01]), merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** Size and base64 root of a checkpoint signed by the log key, or the problem with it. */
function readCheckpoint(note: string, name: string, rawKey: Buffer, which: string): { size: number; root: string } | string {
  try {
    const [, sizeLine, rootLine] = openNote(note, name, rawKey).slice(0, -1).split('\n');
    return { size: Number(sizeLine), root: rootLine ?? '' };
  } catch (error) {
    return `${which}: ${(error as Error).message}`;
  }
}

/**
 * `heldCheckpoint`: a later checkpoint the reader holds (signed by the log key; that witnesses
 * cosigned it and that it extends the record's tree is the trust policy's check). The log is then
 * read up to its size, and entries about the package after the record's tree count against it.
 */
export function verifyRecordAgainstLog(recordJson: string, logNdjson: string, verifierKey: string, heldCheckpoint?: string): MonitorVerdict {
  const { name, rawKey } = parseVerifierKey(verifierKey);
  const record = JSON.parse(recordJson) as { package?: { id?: string }; audit?: { checkpoint?: string; entries?: { seq: number; entryHash: string }[] } };
  const packageId = record.package?.id ?? '';
  const own = readCheckpoint(record.audit?.checkpoint ?? '', name, rawKey, 'checkpoint');
  if (typeof own === 'string') return { ok: false, problems: [own] };
  const held = heldCheckpoint === undefined ? own : readCheckpoint(heldCheckpoint, name, rawKey, 'held checkpoint');
  if (typeof held === 'string') return { ok: false, problems: [held] };
  const size = Math.max(own.size, held.size);
  const lines = logNdjson.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as LogLine).slice(0, size);
  if (lines.length < size) return { ok: false, problems: [`log: ${lines.length} entries, the checkpoint has ${size}`] };

  const problems: string[] = [];
  const lastAbout = new Map<string, string>();
  // The leaves are the hashes recomputed from each entry's content, so a rewritten entry changes the root.
  const leaves: Buffer[] = [];
  lines.forEach((line, i) => {
    const entry = { ...line, before: JSON.parse(line.beforeJson) as unknown, after: JSON.parse(line.afterJson) as unknown };
    if (line.seq !== i + 1) problems.push(`log line ${i + 1}: seq ${line.seq}`);
    const recomputed = sha256(Buffer.from(entryPreimage(entry), 'utf8'));
    leaves.push(recomputed);
    if (recomputed.toString('hex') !== line.entryHash) problems.push(`log #${line.seq}: its content does not hash to its entryHash`);
    if (line.prevHash !== (lines[i - 1]?.entryHash ?? genesis)) problems.push(`log #${line.seq}: prevHash is not the entry before it`);
    if (line.subjectPrev !== undefined && line.subjectPrev !== (lastAbout.get(line.subject) ?? genesis)) problems.push(`log #${line.seq}: subjectPrev is not the previous entry about ${line.subject}`);
    lastAbout.set(line.subject, line.entryHash);
  });
  if (merkleRoot(leaves.slice(0, own.size)).toString('base64') !== own.root) problems.push(`log: the root of its first ${own.size} entries is not the checkpoint's root`);
  if (held.size > own.size && merkleRoot(leaves).toString('base64') !== held.root) problems.push(`log: the root of its first ${held.size} entries is not the held checkpoint's root`);

  const carried = new Map((record.audit?.entries ?? []).map((entry) => [entry.seq, entry.entryHash]));
  for (const line of lines) {
    if (line.subject !== packageId || carried.get(line.seq) === line.entryHash) continue;
    problems.push(line.seq > own.size ? `log #${line.seq} (${line.action}) is about ${packageId}, after the record's tree size ${own.size}` : `log #${line.seq} (${line.action}) is about ${packageId}, the record does not carry it`);
  }
  const about = new Set(lines.filter((line) => line.subject === packageId).map((line) => line.seq));
  for (const seq of carried.keys()) if (!about.has(seq)) problems.push(`record entry #${seq} is not an entry of the log about ${packageId}`);
  return { ok: problems.length === 0, problems };
}
