// What a decision says to SageMaker Model Registry: ModelApprovalStatus, an ApprovalDescription
// within SageMaker's 1,024 characters, and CustomerMetadataProperties naming the record. An
// EventBridge rule on "SageMaker Model Package State Change" with ModelApprovalStatus
// "Approved" is what deploys; a lapsed approval goes back to PendingManualApproval.

export type SageMakerApprovalStatus = 'Approved' | 'Rejected' | 'PendingManualApproval';

export const approvalDescriptionLimit = 1_024;

export interface SageMakerApproval {
  status: SageMakerApprovalStatus;
  description: string;
  metadata: Record<string, string>;
}

const statuses = { approved: 'Approved', rejected: 'Rejected', lapsed: 'PendingManualApproval' } as const satisfies Record<string, SageMakerApprovalStatus>;

const sentences = {
  approved: 'Approved in Model Approval',
  rejected: 'Rejected in Model Approval',
  lapsed: 'Approval lapsed in Model Approval (re-review due); deployment needs a new approval',
} as const;

/** Cut to SageMaker's limit, on a character boundary, with an ellipsis saying so. */
export function withinLimit(text: string, limit = approvalDescriptionLimit): string {
  const characters = Array.from(text);
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}

export function sageMakerApproval(outcome: keyof typeof statuses, details: { contentHash: string; recordUrl: string; reason: string }): SageMakerApproval {
  return {
    status: statuses[outcome],
    // The hash and the record's URL first, so the limit only ever cuts the reason.
    description: withinLimit(`${sentences[outcome]}. Content SHA-256 ${details.contentHash}; record ${details.recordUrl}. ${details.reason}`.trim()),
    metadata: { approval_status: outcome, approval_content_sha256: details.contentHash, approval_record_url: details.recordUrl },
  };
}
