import { auditActions, type AuditActionName } from '#domain/contracts/audit.ts';

/** What each event means, in words for a reviewer or an auditor rather than its code. */
export const auditActionLabels: Record<AuditActionName, string> = {
  'session.login_succeeded': 'Signed in',
  'session.login_failed': 'Sign-in failed',
  'session.revoked': 'Session ended by its user',
  'session.stepped_up': 'Password confirmed (step-up)',
  'system.setup_completed': 'First administrator set up',
  'user.created': 'Account created',
  'user.roles_changed': 'Roles changed',
  'user.change_requested': 'Account change requested',
  'user.change_approved': 'Account change approved',
  'user.change_rejected': 'Account change rejected',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled',
  'user.password_reset': 'Password reset by an administrator',
  'user.password_changed': 'Password changed',
  'user.password_link_sent': 'Set-password link mailed to the holder',
  'user.password_set_by_link': 'Password set by the holder through a mailed link',
  'session.logged_out': 'Signed out',
  'session.login_locked': 'Sign-in throttled',
  'session.login_unlocked': 'Sign-in throttle cleared',
  'user.sso_provisioned': 'Account created by single sign-on',
  'user.sso_profile_updated': 'Account updated from single sign-on',
  'access.denied': 'Access denied',
  'access.rate_limited': 'Rate limit reached',
  'package.submitted': 'Package submitted',
  'package.version_submitted': 'New version submitted',
  'signing.nonce_issued': 'Signing started',
  'signing.failed': 'Signing failed',
  'signing.locked': 'Signing locked',
  'signing.unlocked': 'Signing unlocked',
  'decision.signed': 'Decision signed',
  'passkey.enrolled': 'Passkey enrolled',
  'passkey.removed': 'Passkey removed',
  'thread.opened': 'Thread opened',
  'thread.message_added': 'Reply added',
  'thread.message_edited': 'Message edited',
  'thread.message_retracted': 'Message retracted',
  'thread.resolved': 'Thread resolved',
  'finding.raised': 'Finding raised',
  'finding.transitioned': 'Finding moved on (remediation, verification or risk acceptance)',
  'finding.due_reminder': 'Finding owner reminded of the due date',
  'obligation.opened': 'Condition of an approval opened as an obligation',
  'obligation.transitioned': 'Obligation moved on (fulfilment recorded, confirmed or sent back)',
  'obligation.lapsed': 'Obligation lapsed: a condition passed its due date',
  'section.reviewed': 'Section marked reviewed',
  'section.review_withdrawn': 'Review mark withdrawn',
  'review.published': 'Drafted comments published',
  'system.demo_seeded': 'Demo data loaded',
  'webhook.registered': 'Webhook endpoint registered',
  'webhook.disabled': 'Webhook endpoint disabled',
  'webhook.enabled': 'Webhook endpoint enabled',
  'registry.draft_created': 'Draft package created from a registry version',
  'registry.webhook_refused': 'Registry webhook refused',
  'registry.written_back': 'Decision written back to the registry',
  'notifications.marked_read': 'Notifications marked read',
  'notifications.preferences_changed': 'Email preferences changed',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'template.version_created': 'Workflow template version published',
  'business_line.added': 'Business line added',
  'business_line.retired': 'Business line retired',
  'policy.published': 'Governance policy version published',
  'policy.rechecked': 'Package checked again against a new policy version',
  'risk.assessed': 'Risk assessment recorded',
  'risk.override_requested': 'Risk tier override requested',
  'risk.override_confirmed': 'Risk tier override confirmed',
  'package.chain_changed': 'Approval chain moved (a stricter tier or a re-filed business line)',
  'package.business_line_refiled': 'Package re-filed under a listed business line',
  'delegation.created': 'Role delegated',
  'delegation.revoked': 'Delegation revoked',
  'delegation.accepted': 'Delegation accepted by the delegator',
  'package.re_review_due': 'Re-review due',
  'monitoring.alert_received': 'Monitoring alert received',
  'monitoring.alert_refused': 'Monitoring alert refused',
  'package.revalidation_scheduled': 'Revalidation scheduled',
  'package.revalidation_advanced': 'Revalidation brought forward by a stricter tier',
  'package.revalidation_due': 'Revalidation due',
  'revalidation.schedule_published': 'Revalidation schedule published',
  'risk.method_published': 'Risk tiering method version published',
  'package.rolled_back': 'Approval rolled back (previous approved version back in force)',
};

export function isKnownAction(action: string): action is AuditActionName {
  return (auditActions as readonly string[]).includes(action);
}

/** The label of an action; a stored action outside the union (a tampered row) is shown as it is. */
export function auditActionLabel(action: string): string {
  return isKnownAction(action) ? auditActionLabels[action] : action;
}

/** [action, label] for every action, by label: the action filter's choices. */
export function auditActionChoices(): [AuditActionName, string][] {
  return auditActions.map((action): [AuditActionName, string] => [action, auditActionLabels[action]]).sort(([, a], [, b]) => a.localeCompare(b));
}
