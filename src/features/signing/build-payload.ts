import { decisionMeanings, emergencyDetailsProblems, type ApprovalOverride, type Concern, type Conditions, type DecisionKind } from '#domain/contracts/decisions.ts';
import { overrideProblems } from '#domain/workflow/approval-gates.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { emergencyStepKey } from '#domain/workflow/emergency.ts';
import type { StepState } from '#domain/contracts/packages.ts';
import { signingPayloadType, type SignedGovernance, type SigningPayload } from '#domain/contracts/signatures.ts';
import type { User } from '#domain/contracts/users.ts';
import type { OnBehalfOf } from '#domain/contracts/delegations.ts';
import type { SignedObligation } from '#domain/contracts/obligations.ts';

export interface DecisionDraft {
  decision: DecisionKind;
  reason: string;
  conditions: Conditions | null;
  concerns: Concern[];
  /** Something blocks this approval (approval-gates.ts): it is signed only with an override. */
  blocked?: boolean;
  /** The signer's override of what blocks the approval, signed with the rest. */
  override?: ApprovalOverride | undefined;
  /** The conditions tracked as obligations (approve_with_conditions only; none: the member is left out). */
  obligations?: SignedObligation[] | undefined;
}

/** What the dialog signs in any decision: the version shown, the hash computed here, the signer, the server's nonce. */
interface SignedVersion {
  packageId: string;
  versionNumber: number;
  contentHash: string;
  signer: User;
  nonce: { nonce: string; issuedAt: string };
}

function signedVersionFields(input: SignedVersion) {
  return {
    type: signingPayloadType,
    packageId: input.packageId,
    versionNumber: input.versionNumber,
    contentHash: input.contentHash,
    signer: { id: input.signer.id, displayName: input.signer.displayName, title: input.signer.title },
    nonce: input.nonce.nonce,
    issuedAt: input.nonce.issuedAt,
  };
}

/** The exact payload signed: what the dialog showed, the hash computed here, the server's nonce. */
export function buildPayload(input: SignedVersion & { step: StepState; draft: DecisionDraft; onBehalfOf?: OnBehalfOf | undefined; governance?: SignedGovernance | undefined }): SigningPayload {
  const { draft } = input;
  return {
    ...signedVersionFields(input),
    stepKey: input.step.key,
    role: input.step.role,
    decision: draft.decision,
    meaning: decisionMeanings[draft.decision],
    reason: draft.reason.trim(),
    conditions: draft.decision === 'approve_with_conditions' ? draft.conditions : null,
    concerns: draft.decision === 'reject' ? draft.concerns : [],
    ...(draft.override ? { override: draft.override } : {}),
    ...(draft.decision === 'approve_with_conditions' && draft.obligations && draft.obligations.length > 0 ? { obligations: draft.obligations } : {}),
    ...(input.onBehalfOf ? { onBehalfOf: { delegationId: input.onBehalfOf.delegationId, delegator: input.onBehalfOf.delegator } } : {}),
    ...(input.governance ? { governance: input.governance } : {}),
  };
}

/** What is missing before anything is sent, by the JSON Pointer the server would use. */
export function draftProblems(draft: DecisionDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (draft.decision !== 'approve' && draft.reason.trim() === '') out['/payload/reason'] = 'Give the reason for this decision';
  if (draft.decision === 'approve_with_conditions') {
    if (!draft.conditions?.scope.trim()) out['/payload/conditions/scope'] = 'State the scope the approval is limited to';
    if (!draft.conditions?.reReviewOn) out['/payload/conditions/reReviewOn'] = 'Choose the re-review date';
  }
  for (const [pointer, message] of Object.entries(overrideProblems(draft.decision, draft.override))) out[`/payload${pointer}`] = message;
  if (draft.blocked && !draft.override) out['/payload/override'] = 'Resolve the open questions first, or tick override and give your reason';
  if (draft.decision === 'reject') {
    if (draft.concerns.length === 0) out['/payload/concerns'] = 'Name at least one concern';
    draft.concerns.forEach((concern, index) => {
      if (!concern.concern.trim()) out[`/payload/concerns/${index}/concern`] = 'Say what is wrong';
      if (!concern.requiredChange.trim()) out[`/payload/concerns/${index}/requiredChange`] = 'Say what must change';
    });
  }
  return out;
}

export interface EmergencyDraft {
  /** The emergency role the signer holds and signs in. */
  role: Role;
  justification: string;
  incidentRef: string;
}

/** The payload of an emergency approval: no step, no reason, the justification and incident signed with the rest. */
export function buildEmergencyPayload(input: SignedVersion & { draft: EmergencyDraft; governance?: SignedGovernance | undefined }): SigningPayload {
  const { draft } = input;
  return {
    ...signedVersionFields(input),
    stepKey: emergencyStepKey,
    role: draft.role,
    decision: 'emergency_approve',
    meaning: decisionMeanings.emergency_approve,
    reason: '',
    conditions: null,
    concerns: [],
    emergency: { justification: draft.justification.trim(), incidentRef: draft.incidentRef.trim() },
    ...(input.governance ? { governance: input.governance } : {}),
  };
}

/** What is missing from an emergency approval before anything is sent, by the server's JSON Pointers. */
export function emergencyDraftProblems(draft: EmergencyDraft): Record<string, string> {
  const found = emergencyDetailsProblems({ justification: draft.justification, incidentRef: draft.incidentRef.trim() });
  const out: Record<string, string> = {};
  if (found.incidentRef) out['/payload/emergency/incidentRef'] = found.incidentRef;
  if (found.justification) out['/payload/emergency/justification'] = found.justification;
  return out;
}
