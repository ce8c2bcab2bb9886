// Assembles the body of an approval record from what the server read, without any storage:
// the revision summaries, the approved version and one inclusion proof per audit entry are
// derived here, so the handler only reads and the derivations can be tested on their own.
import type { AuditEntryView, InclusionProof, SignedTreeHead } from '../contracts/audit.ts';
import type { Actor } from '../contracts/decisions.ts';
import type { PackageStatus, StepState } from '../contracts/packages.ts';
import { approvalRecordSchemaId, approvalRecordType, type ApprovalRecordBody, type RecordEmergencyApproval, type RecordVersion } from '../contracts/record.ts';
import type { ServerKey, SignedDecision } from '../contracts/signatures.ts';
import type { Thread } from '../contracts/threads.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import type { Finding } from '../contracts/findings.ts';
import type { SignedKeyStatement } from '../contracts/key-history.ts';
import { bytesToHex } from '../crypto/sha256.ts';
import { tlogProof } from '../audit/checkpoint.ts';
import { diffPackages } from '../diff/package-diff.ts';
import { emergencyApprovals } from '../workflow/emergency.ts';

type RecordPackage = ApprovalRecordBody['package'];

export interface RecordSources {
  exportedAt: string;
  exportedBy: Actor;
  /** The package as it stands; approvedVersion is derived from its status. */
  package: Omit<RecordPackage, 'approvedVersion'>;
  steps: StepState[];
  /** Every version with its exact content; changesFromPrevious is derived. */
  versions: Omit<RecordVersion, 'changesFromPrevious'>[];
  decisions: SignedDecision[];
  threads: Thread[];
  /** Every finding on the package with its history (the record omits the member when there are none). */
  findings?: Finding[];
  serverKeys: ServerKey[];
  /** The WebAuthn origin and RP ID passkeys sign for here. */
  relyingParty?: { origin: string; rpId: string };
  /** The template version the package is decided under. */
  templateDefinition?: WorkflowTemplate;
  /** The template versions the chain was moved from, once each (the record omits the member when there are none). */
  earlierTemplateDefinitions?: WorkflowTemplate[];
  /** The signed key history vouching for serverKeys (absent only where none exists, e.g. old fixtures). */
  keyHistory?: SignedKeyStatement[];
  /** Every audit entry about the package. */
  auditEntries: AuditEntryView[];
  /** A signed head of a log that holds every one of auditEntries. */
  treeHead: SignedTreeHead;
  /** The tree head as a signed C2SP checkpoint; each entry then gets a tlog-proof with it. */
  checkpoint?: string;
  /** The RFC 6962 audit path of a leaf in the tree of the head's size. */
  inclusionPath: (leafIndex: number, treeSize: number) => readonly Uint8Array[];
}

const approvedStatuses: readonly PackageStatus[] = ['approved', 'approved_with_conditions'];

export function buildRecordBody(sources: RecordSources): ApprovalRecordBody {
  const versions = [...sources.versions].sort((a, b) => a.number - b.number);
  const entries = [...sources.auditEntries].sort((a, b) => a.seq - b.seq);
  const { treeHead } = sources;
  const lastSeq = entries.at(-1)?.seq ?? 0;
  // A head that does not cover the entries could not prove them: a bug in the caller, not a user error.
  if (treeHead.treeSize < lastSeq) throw new Error(`The tree head (size ${treeHead.treeSize}) does not cover audit entry #${lastSeq}`);

  const paths = entries.map((entry) => sources.inclusionPath(entry.seq - 1, treeHead.treeSize));
  const proofs: InclusionProof[] = entries.map((entry, index) => ({
    seq: entry.seq,
    leafIndex: entry.seq - 1,
    treeSize: treeHead.treeSize,
    entryHash: entry.entryHash,
    path: (paths[index] ?? []).map(bytesToHex),
  }));
  const { checkpoint } = sources;
  const standard = checkpoint ? { checkpoint, tlogProofs: entries.map((entry, index) => tlogProof(entry.seq - 1, paths[index] ?? [], checkpoint)) } : {};

  const latest = versions.at(-1);
  return {
    $schema: approvalRecordSchemaId,
    type: approvalRecordType,
    exportedAt: sources.exportedAt,
    exportedBy: sources.exportedBy,
    package: { ...sources.package, approvedVersion: latest && approvedStatuses.includes(sources.package.status) ? latest.number : null },
    steps: sources.steps,
    versions: versions.map((version, index) => {
      const previous = versions[index - 1];
      return { ...version, changesFromPrevious: previous ? diffPackages(previous.content, version.content).summary : null };
    }),
    decisions: sources.decisions,
    threads: sources.threads,
    ...(sources.findings && sources.findings.length > 0 ? { findings: sources.findings } : {}),
    emergencyApprovals: recordEmergencyApprovals(sources.decisions, sources.package.status, sources.steps),
    serverKeys: sources.serverKeys,
    ...(sources.keyHistory ? { keyHistory: sources.keyHistory } : {}),
    ...(sources.relyingParty ? { relyingParty: sources.relyingParty } : {}),
    ...(sources.templateDefinition ? { templateDefinition: sources.templateDefinition } : {}),
    ...(sources.earlierTemplateDefinitions && sources.earlierTemplateDefinitions.length > 0 ? { earlierTemplateDefinitions: sources.earlierTemplateDefinitions } : {}),
    audit: { entries, proofs, treeHead, ...standard },
  };
}

/** The record's statement of each emergency approval and its follow-up; the verifier derives it again. */
export function recordEmergencyApprovals(decisions: readonly SignedDecision[], status: PackageStatus, steps: readonly StepState[]): RecordEmergencyApproval[] {
  return emergencyApprovals(decisions, { status, steps }).map(({ decision, followUp }) => ({
    decisionId: decision.id,
    incidentRef: decision.emergency.incidentRef,
    justification: decision.emergency.justification,
    followUp,
  }));
}

/** approval-record-<model>-<version label>-v<latest version>.json, safe in a Content-Disposition header. */
export function recordFileName(body: Pick<ApprovalRecordBody, 'package' | 'versions'>): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');
  const latest = body.versions.at(-1)?.number ?? 1;
  return `approval-record-${safe(body.package.modelKey)}-${safe(body.package.versionLabel)}-v${latest}.json`;
}
