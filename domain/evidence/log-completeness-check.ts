// What a record alone cannot show: that it carries its package's *last* entries as of its
// tree size (docs/decisions/0180; the CT monitor's problem). Given the log as the server
// exports it (GET /api/audit/chain?limit=<tree size>, NDJSON), the auditor's verifier recomputes
// every entry's hash and the hash chain, the RFC 6962 root of the first treeSize entries, which
// must be the signed tree head's root (so the file is the log the record's head signed), and
// every subject link; then every entry about the package up to that size must be in the record.
import { genesisHash } from '../audit/hash-entry.ts';
import { MerkleTree } from '../audit/merkle.ts';
import { ChainVerifier, type StoredChainEntry } from '../audit/verify-chain.ts';
import { auditChainLineSchema } from '../contracts/audit.ts';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { bytesToHex } from '../crypto/hex.ts';
import { fail, pass, short } from './check.ts';
import { parseJson } from '../json/parse-json.ts';

const rootLabel = 'Audit log export (root of the signed tree head)';
const completeLabel = 'Audit entries about the package (complete against the log)';

type Parsed = { ok: true; entries: StoredChainEntry[] } | { ok: false; problem: string };

/** The NDJSON lines up to `size` entries, each held to the chain line's shape. */
function parseLog(text: string, size: number): Parsed {
  const entries: StoredChainEntry[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (entries.length >= size) break;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = parseJson(line);
    } catch {
      return { ok: false, problem: `line ${index + 1} is not JSON` };
    }
    const parsed = auditChainLineSchema.safeParse(value);
    if (!parsed.success) return { ok: false, problem: `line ${index + 1} is not an audit chain line (${parsed.error.issues[0]?.path.join('/') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})` };
    entries.push(parsed.data);
  }
  return entries.length < size ? { ok: false, problem: `it holds ${entries.length} entries; the record's signed tree head has ${size}: export at least that many (GET /api/audit/chain?limit=${size})` } : { ok: true, entries };
}

/** Where an entry's subject link is not the previous entry about its subject in the log. */
function subjectLinkBreaks(entries: readonly StoredChainEntry[]): string[] {
  const lastAbout = new Map<string, StoredChainEntry>();
  const breaks: string[] = [];
  for (const entry of entries) {
    const previous = lastAbout.get(entry.subject);
    if (typeof entry.subjectPrev === 'string' && entry.subjectPrev !== (previous?.entryHash ?? genesisHash)) {
      breaks.push(`#${entry.seq} links to ${short(entry.subjectPrev)}, not to ${previous ? `#${previous.seq}` : 'genesis (it is the first entry about its subject)'}`);
    }
    lastAbout.set(entry.subject, entry);
  }
  return breaks;
}

/**
 * A later tree the reader holds from elsewhere (a witness-cosigned checkpoint, already held to
 * the record's head by the trust policy): the export must then reach its size and root, and
 * completeness is judged up to it, so a record cut at an earlier size cannot hide what the log
 * says about its package since.
 */
export interface HeldTree {
  treeSize: number;
  rootHash: string;
}

export function logCompletenessChecks(record: ApprovalRecord, logText: string, held?: HeldTree): RecordCheck[] {
  const { treeHead, entries: carried } = record.audit;
  const size = Math.max(treeHead.treeSize, held?.treeSize ?? 0);
  const read = parseLog(logText, size);
  if (!read.ok) return [fail(rootLabel, `The audit log export cannot be read: ${read.problem}.`)];
  const verifier = new ChainVerifier();
  for (const entry of read.entries) verifier.push(entry);
  const tree = new MerkleTree(verifier.leafHashes);
  const root = bytesToHex(tree.root(treeHead.treeSize));
  const broken = [...verifier.breaks.map((found) => found.reason), ...subjectLinkBreaks(read.entries)];
  if (root !== treeHead.rootHash) {
    return [fail(rootLabel, `The first ${treeHead.treeSize} entries of the export hash to the root ${short(root)}, not to the signed tree head's ${short(treeHead.rootHash)}: it is not the log the record's head signs.${broken.length > 0 ? ` ${broken.slice(0, 3).join(' ')}` : ''}`)];
  }
  if (held !== undefined && held.treeSize > treeHead.treeSize) {
    const heldRoot = bytesToHex(tree.root(held.treeSize));
    if (heldRoot !== held.rootHash) return [fail(rootLabel, `The first ${held.treeSize} entries of the export hash to the root ${short(heldRoot)}, not to the held checkpoint's ${short(held.rootHash)}: it is not the log that checkpoint signs.`)];
  }
  if (broken.length > 0) return [fail(rootLabel, `The export has the signed root, but its entries do not hold together: ${broken.slice(0, 5).join('; ')}.`)];
  const reach = size > treeHead.treeSize ? `, and its first ${size} to the held checkpoint's root` : '';
  const checks = [pass(rootLabel, `The first ${treeHead.treeSize} entries of the export recompute to the signed root ${short(root)}${reach}, each hash, chain link and subject link sound.`)];

  const inRecord = new Map(carried.map((entry) => [entry.seq, entry.entryHash]));
  const about = read.entries.filter((entry) => entry.subject === record.package.id);
  const missing = about.filter((entry) => entry.seq <= treeHead.treeSize && inRecord.get(entry.seq) !== entry.entryHash);
  const later = about.filter((entry) => entry.seq > treeHead.treeSize);
  const logged = new Set(about.map((entry) => entry.seq));
  const notLogged = carried.filter((entry) => !logged.has(entry.seq));
  if (missing.length === 0 && notLogged.length === 0 && later.length === 0) {
    checks.push(pass(completeLabel, `The log's ${about.length} entries about package ${record.package.id} up to #${size} are exactly the ${carried.length} the record carries.`));
    return checks;
  }
  const named = (entries: readonly StoredChainEntry[]) => entries.map((entry) => `#${entry.seq} (${entry.action})`).join(', ');
  const problems = [
    ...(missing.length > 0 ? [`the log holds ${named(missing)} about package ${record.package.id}, which the record does not carry`] : []),
    ...(notLogged.length > 0 ? [`the record carries ${notLogged.map((entry) => `#${entry.seq}`).join(', ')}, which the log does not hold about the package`] : []),
    ...(later.length > 0 ? [`after the record's tree size ${treeHead.treeSize} the log holds ${named(later)} about package ${record.package.id}: the record does not show the package as it stands at #${size}`] : []),
  ];
  checks.push(fail(completeLabel, `${problems.join('; ')}.`));
  return checks;
}
