// A complete, validly signed approval record built from nothing but domain code: a fresh
// server key, two versions of a demo package, a decision signed by password re-entry and
// countersigned, an audit log that interleaves other packages' entries, its Merkle tree and
// a signed tree head. Tests of the verifier (and of pages that show its verdict) start from
// it and tamper with it, re-signing where a dishonest server would.
import { MerkleTree, leafHash } from '../audit/merkle.ts';
import { signTreeHead } from '../audit/tree-head.ts';
import { genesisHash } from '../audit/hash-entry.ts';
import { auditEntryHashSync } from '../audit/entry-hash-sync.ts';
import { treeHeadType, type AuditEntryView } from '../contracts/audit.ts';
import { decisionMeanings, type Actor, type Decision } from '../contracts/decisions.ts';
import type { ApprovalRecord, ApprovalRecordBody } from '../contracts/record.ts';
import { signingPayloadType, type ServerKey, type SignedDecision, type SigningPayload } from '../contracts/signatures.ts';
import { bytesToHex, hexToBytes } from '../crypto/hex.ts';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/index.ts';
import { contentHash } from '../package/content-hash.ts';
import { countersign, generateServerKey, importServerPrivateKey } from '../signing/countersign.ts';
import { buildRecordBody } from './build-record.ts';
import { signRecord } from './record-signature.ts';

export interface SampleRecord {
  record: ApprovalRecord;
  /** The record as the server sends it. */
  text: string;
  serverKey: ServerKey;
  privateKey: CryptoKey;
  /** Signs a (tampered) body again, as the server that holds the key could. */
  resign: (body: ApprovalRecordBody) => Promise<ApprovalRecord>;
}

const packageId = 'pkg_sample_credit';
const owner: Actor = { id: 'usr_owner', displayName: 'Priya Natarajan', title: 'Lead ML Engineer' };
const reviewer: Actor = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

type LogEvent = Pick<AuditEntryView, 'at' | 'actorId' | 'action' | 'subject' | 'before' | 'after'>;

/** Chains events into entries as the store appends them. */
function chain(events: readonly LogEvent[]): AuditEntryView[] {
  const entries: AuditEntryView[] = [];
  let prevHash = genesisHash;
  for (const [index, event] of events.entries()) {
    const fields = { ...event, seq: index + 1, prevHash };
    const entryHash = auditEntryHashSync(fields);
    entries.push({ ...fields, actorName: null, entryHash });
    prevHash = entryHash;
  }
  return entries;
}

const committee: Actor = { id: 'usr_committee', displayName: 'Robert Castellano', title: 'Chair, AI Governance Committee' };

/** With `emergency`, the committee emergency approved version 2 before model risk approved it (its follow-up, then completed). */
export async function sampleRecord(options: { emergency?: boolean } = {}): Promise<SampleRecord> {
  const generated = await generateServerKey();
  const privateKey = await importServerPrivateKey(generated.privateKeyPkcs8);
  const serverKey: ServerKey = { keyId: generated.keyId, algorithm: 'Ed25519', publicKey: generated.publicKey, createdAt: '2026-01-01T00:00:00.000Z' };
  const [hash1, hash2] = await Promise.all([contentHash(retailCreditPdV1), contentHash(retailCreditPdV2)]);

  const decidedAt = '2026-01-12T15:00:00.000Z';
  const decision: Decision = {
    id: 'dec_sample_approval',
    packageId,
    versionNumber: 2,
    stepKey: 'model_risk',
    role: 'model_risk',
    decision: 'approve',
    meaning: decisionMeanings.approve,
    reason: 'Discrimination and calibration meet policy on the holdout.',
    conditions: null,
    concerns: [],
    actor: reviewer,
    contentHash: hash2,
    decidedAt,
  };
  const payload: SigningPayload = {
    type: signingPayloadType,
    packageId,
    versionNumber: 2,
    contentHash: hash2,
    stepKey: decision.stepKey,
    role: decision.role,
    decision: decision.decision,
    meaning: decision.meaning,
    reason: decision.reason,
    conditions: null,
    concerns: [],
    signer: reviewer,
    nonce: 'sample-nonce-0123456789abcdef',
    issuedAt: '2026-01-12T14:59:00.000Z',
  };
  const material = { method: 'password' } as const;
  const countersignature = await countersign(privateKey, serverKey.keyId, { type: 'model-approval-countersignature/1', decisionId: decision.id, decidedAt, payload, signature: material });
  const signed: SignedDecision = { ...decision, signature: { payload, signature: material, countersignature }, onBehalfOf: null };
  const emergency = options.emergency ? await emergencyDecision(privateKey, serverKey.keyId, hash2) : null;

  // Other packages' entries sit between this package's, as in a real log.
  const log = chain([
    { at: '2026-01-01T09:00:00.000Z', actorId: null, action: 'system.demo_seeded', subject: 'demo', before: null, after: { packages: 0, users: 2 } },
    { at: '2026-01-02T09:00:00.000Z', actorId: owner.id, action: 'package.submitted', subject: packageId, before: null, after: { modelKey: 'retail-credit-pd', versionLabel: '4.2.0', version: 1, contentHash: hash1 } },
    { at: '2026-01-03T09:00:00.000Z', actorId: owner.id, action: 'session.login_succeeded', subject: owner.id, before: null, after: { email: 'owner@example.com' } },
    { at: '2026-01-10T09:00:00.000Z', actorId: owner.id, action: 'package.version_submitted', subject: packageId, before: { version: 1, contentHash: hash1 }, after: { version: 2, contentHash: hash2, answers: 0 } },
    { at: '2026-01-11T09:00:00.000Z', actorId: reviewer.id, action: 'section.reviewed', subject: packageId, before: null, after: { version: 2, section: 'evaluation' } },
    ...(emergency ? [emergency.event] : []),
    { at: '2026-01-12T14:00:00.000Z', actorId: reviewer.id, action: 'access.denied', subject: 'pkg_other', before: null, after: { method: 'GET', path: '/api/packages/pkg_other', reason: 'sample' } },
    { at: decidedAt, actorId: reviewer.id, action: 'decision.signed', subject: packageId, before: null, after: { decision: decision.id, step: 'model_risk', role: 'model_risk', kind: 'approve', version: 2, contentHash: hash2, method: 'password', countersignedWith: serverKey.keyId } },
    { at: '2026-01-13T09:00:00.000Z', actorId: owner.id, action: 'session.logged_out', subject: owner.id, before: null, after: null },
  ]);
  const tree = new MerkleTree(log.map((entry) => leafHash(hexToBytes(entry.entryHash))));
  const treeHead = await signTreeHead(privateKey, serverKey.keyId, { type: treeHeadType, treeSize: tree.size, rootHash: bytesToHex(tree.root()), timestamp: '2026-01-14T09:00:00.000Z' });

  const body = buildRecordBody({
    exportedAt: '2026-01-14T09:00:00.000Z',
    exportedBy: reviewer,
    package: {
      id: packageId,
      modelKey: 'retail-credit-pd',
      modelName: 'Retail credit probability of default',
      versionLabel: '4.2.0',
      riskTier: 1,
      businessLine: 'Consumer lending',
      ownerTeam: 'Decision Science',
      owner,
      template: { key: 'sample', version: 1, name: 'Sample chain' },
      status: 'approved',
      createdAt: '2026-01-02T09:00:00.000Z',
    },
    steps: [
      {
        key: 'model_risk',
        name: 'Model risk management',
        role: 'model_risk',
        approvalsRequired: 1,
        status: 'approved',
        approvals: [{ actor: reviewer, decidedAt, versionNumber: 2, withConditions: false, reReviewOn: null }],
        staleApprovals: [],
        activatedAt: '2026-01-10T09:00:00.000Z',
        dueAt: null,
        overdue: false,
        reReviewDue: false,
      },
    ],
    versions: [
      { number: 1, contentHash: hash1, submittedBy: owner, submittedAt: '2026-01-02T09:00:00.000Z', content: retailCreditPdV1, answers: [] },
      { number: 2, contentHash: hash2, submittedBy: owner, submittedAt: '2026-01-10T09:00:00.000Z', content: retailCreditPdV2, answers: [] },
    ],
    decisions: emergency ? [emergency.signed, signed] : [signed],
    threads: [],
    serverKeys: [serverKey],
    auditEntries: log.filter((entry) => entry.subject === packageId),
    treeHead,
    inclusionPath: (leafIndex, treeSize) => tree.inclusionPath(leafIndex, treeSize),
  });
  const resign = (tampered: ApprovalRecordBody) => signRecord(privateKey, serverKey.keyId, tampered);
  const record = await resign(body);
  return { record, text: JSON.stringify(record), serverKey, privateKey, resign };
}

/** An emergency approval of version 2 by the committee, signed and countersigned as the server does, with its audit event. */
async function emergencyDecision(privateKey: CryptoKey, keyId: string, hash: string): Promise<{ signed: SignedDecision; event: LogEvent }> {
  const decidedAt = '2026-01-11T10:00:00.000Z';
  const details = { justification: 'Card-not-present fraud losses doubled overnight; the current model misses the new pattern.', incidentRef: 'INC-4821' };
  const decision: Decision = {
    id: 'dec_sample_emergency',
    packageId,
    versionNumber: 2,
    stepKey: '@emergency',
    role: 'committee',
    decision: 'emergency_approve',
    meaning: decisionMeanings.emergency_approve,
    reason: '',
    conditions: null,
    concerns: [],
    actor: committee,
    contentHash: hash,
    decidedAt,
    emergency: details,
  };
  const payload: SigningPayload = {
    type: signingPayloadType,
    packageId,
    versionNumber: 2,
    contentHash: hash,
    stepKey: decision.stepKey,
    role: decision.role,
    decision: decision.decision,
    meaning: decision.meaning,
    reason: '',
    conditions: null,
    concerns: [],
    signer: committee,
    nonce: 'sample-nonce-emergency-0123456789',
    issuedAt: '2026-01-11T09:59:00.000Z',
    emergency: details,
  };
  const material = { method: 'password' } as const;
  const countersignature = await countersign(privateKey, keyId, { type: 'model-approval-countersignature/1', decisionId: decision.id, decidedAt, payload, signature: material });
  const event: LogEvent = {
    at: decidedAt,
    actorId: committee.id,
    action: 'decision.signed',
    subject: packageId,
    before: null,
    after: { decision: decision.id, step: '@emergency', role: 'committee', kind: 'emergency_approve', version: 2, contentHash: hash, method: 'password', countersignedWith: keyId, emergency: { incidentRef: details.incidentRef } },
  };
  return { signed: { ...decision, signature: { payload, signature: material, countersignature }, onBehalfOf: null }, event };
}
