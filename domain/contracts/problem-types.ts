/** The `type` URIs of the API's problems (RFC 9457), by name. */
export const problemTypes = {
  validation: 'https://model-approval.example/problems/validation',
  malformedJson: 'https://model-approval.example/problems/malformed-json',
  tooLarge: 'https://model-approval.example/problems/payload-too-large',
  unauthenticated: 'https://model-approval.example/problems/unauthenticated',
  forbidden: 'https://model-approval.example/problems/forbidden',
  passwordChangeRequired: 'https://model-approval.example/problems/password-change-required',
  reauthenticationRequired: 'https://model-approval.example/problems/reauthentication-required',
  notFound: 'https://model-approval.example/problems/not-found',
  conflict: 'https://model-approval.example/problems/conflict',
  packageChanged: 'https://model-approval.example/problems/package-changed',
  approvalBlocked: 'https://model-approval.example/problems/approval-blocked',
  policyRefused: 'https://model-approval.example/problems/policy-refused',
  governanceBlocked: 'https://model-approval.example/problems/governance-blocked',
  assessorCannotApprove: 'https://model-approval.example/problems/assessor-cannot-approve',
  approverCannotSetTier: 'https://model-approval.example/problems/approver-cannot-set-tier',
  credentialSetByAdministrator: 'https://model-approval.example/problems/credential-set-by-administrator',
  requesterNoLongerAdministrator: 'https://model-approval.example/problems/requester-no-longer-administrator',
  proposalTampered: 'https://model-approval.example/problems/proposal-tampered',
  /** An account request whose stored content no longer hashes to what was filed (0198). */
  accountRequestTampered: 'https://model-approval.example/problems/account-request-tampered',
  /** A proposal as filed whose content today's contract no longer reads (a schema change since filing): not tampering; it can only be rejected (0192). */
  proposalUnreadable: 'https://model-approval.example/problems/proposal-unreadable',
  /** A catalogue approval whose comparison (what it replaces, what it loosens) is not the one the approver was shown: another change landed since (0192, fifth amendment). */
  proposalComparisonChanged: 'https://model-approval.example/problems/proposal-comparison-changed',
  /** A direct catalogue change while two administrators exist: it is filed as a proposal another administrator approves (0182). */
  catalogueProposalRequired: 'https://model-approval.example/problems/catalogue-proposal-required',
  auditLogBroken: 'https://model-approval.example/problems/audit-log-broken',
  crossSite: 'https://model-approval.example/problems/cross-site-request',
  unsupportedMediaType: 'https://model-approval.example/problems/unsupported-media-type',
  methodNotAllowed: 'https://model-approval.example/problems/method-not-allowed',
  rateLimited: 'https://model-approval.example/problems/rate-limited',
  signingRefused: 'https://model-approval.example/problems/signing-refused',
  signingLocked: 'https://model-approval.example/problems/signing-locked',
  unavailable: 'https://model-approval.example/problems/unavailable',
  internal: 'https://model-approval.example/problems/internal',
} as const;
