import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../contracts/audit-events.ts';
import type { Decision, DecisionKind } from '../contracts/decisions.ts';
import type { Role } from '../contracts/roles.ts';
import { dataGovernanceStep, modelRiskStep, testChain } from '../workflow/test-chain.fixture.ts';
import { deriveNotifications, type LoggedEvent, type NotificationPackage } from './derive-notifications.ts';

const template = testChain({ steps: [dataGovernanceStep, modelRiskStep, { key: 'fl', name: 'Fair lending', role: 'fair_lending', approvalsRequired: 1, dueHours: 48, sections: ['fairness'] }] });

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
const roleOf: Record<string, Role> = { dg: 'data_governance', mrm: 'model_risk', fl: 'fair_lending' };

function decision(id: string, step: string, kind: DecisionKind, minute: number, version = 1): Decision {
  return {
    id,
    packageId: 'p1',
    versionNumber: version,
    stepKey: step,
    role: roleOf[step] ?? 'model_risk',
    decision: kind,
    meaning: kind,
    reason: 'r',
    conditions: null,
    concerns: [],
    actor: { id: `usr_${step}`, displayName: step, title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt: at(minute),
  };
}

const signed = (seq: number, d: Decision): LoggedEvent => ({
  seq,
  at: d.decidedAt,
  actorId: d.actor.id,
  event: { action: 'decision.signed', subject: d.packageId, before: null, after: { decision: d.id, step: d.stepKey, role: d.role, kind: d.decision, version: d.versionNumber, contentHash: d.contentHash, method: 'password', countersignedWith: 'k' } },
});
const logged = (seq: number, actorId: string, event: AuditEvent): LoggedEvent => ({ seq, at: at(seq), actorId, event });
const submitted = (seq: number): LoggedEvent => logged(seq, 'usr_owner', { action: 'package.submitted', subject: 'p1', before: null, after: { modelKey: 'm', versionLabel: '1.0', version: 1, contentHash: 'h' } });

const digests = { data: 'd', metrics: 'm', fairness: 'f' };
const v1 = { number: 1, submittedAt: at(0), sectionDigests: digests };
const pkg = (decisions: Decision[], extra: Partial<NotificationPackage> = {}): NotificationPackage => ({
  id: 'p1',
  modelName: 'Credit PD',
  versionLabel: '1.0',
  ownerId: 'usr_owner',
  template,
  versions: [v1],
  decisions,
  threads: [],
  ...extra,
});
const names = new Map([
  ['usr_mrm', 'Elena Vasquez'],
  ['usr_owner', 'Olivia Owner'],
]);
const user = (id: string, ...roles: Role[]) => ({ id, roles });

describe('deriveNotifications', () => {
  it('tells the first step that a submission made it active', () => {
    const found = deriveNotifications({ user: user('usr_dg', 'data_governance'), packages: [pkg([])], events: [submitted(1)], names });
    expect(found).toEqual([
      { id: '1-step_active', seq: 1, kind: 'step_active', packageId: 'p1', modelName: 'Credit PD', text: 'Your step, Data governance, is now active on Credit PD 1.0: your decision is needed.', at: at(1), link: '/packages/p1' },
    ]);
  });

  it('tells fair lending its step is active once the approvals before it are in, and nobody else', () => {
    const dg = decision('d1', 'dg', 'approve', 2);
    const mrm = decision('d2', 'mrm', 'approve', 3);
    const events = [submitted(1), signed(2, dg), signed(3, mrm)];
    const packages = [pkg([dg, mrm])];
    const fl = deriveNotifications({ user: user('usr_fl', 'fair_lending'), packages, events, names });
    expect(fl.map((n) => n.id)).toEqual(['3-step_active']);
    const mrmUser = deriveNotifications({ user: user('usr_mrm', 'model_risk'), packages, events, names });
    expect(mrmUser.map((n) => n.id)).toEqual(['2-step_active']);
    // The owner holds no reviewer role: no step of theirs becomes active.
    expect(deriveNotifications({ user: user('usr_owner', 'model_owner'), packages, events, names })).toEqual([]);
  });

  it('tells the owner once, when the last step approves, that the package was decided', () => {
    const dg = decision('d1', 'dg', 'approve', 2);
    const mrm = decision('d2', 'mrm', 'approve', 3);
    const fl = decision('d3', 'fl', 'approve', 4);
    const events = [submitted(1), signed(2, dg), signed(3, mrm), signed(4, fl)];
    const owner = deriveNotifications({ user: user('usr_owner', 'model_owner'), packages: [pkg([dg, mrm, fl])], events, names });
    expect(owner).toEqual([{ id: '4-package_approved', seq: 4, kind: 'package_approved', packageId: 'p1', modelName: 'Credit PD', text: 'Credit PD 1.0 was decided: Approved.', at: at(4), link: '/packages/p1' }]);
    // Not the reviewers: it is the owner's package.
    expect(deriveNotifications({ user: user('usr_fl', 'fair_lending'), packages: [pkg([dg, mrm, fl])], events, names }).map((n) => n.kind)).toEqual(['step_active']);
  });

  it('tells the owner of a rejection, newest first, and not someone else’s owner', () => {
    const dg = decision('d1', 'dg', 'approve', 2);
    const reject = { ...decision('d2', 'mrm', 'reject', 3), actor: { id: 'usr_mrm', displayName: 'Elena Vasquez', title: '' } };
    const events = [submitted(1), signed(2, dg), signed(3, reject)];
    const found = deriveNotifications({ user: user('usr_owner', 'model_owner'), packages: [pkg([dg, reject])], events, names });
    expect(found.map((n) => [n.id, n.text])).toEqual([['3-package_rejected', 'Elena Vasquez rejected version 1 of Credit PD 1.0 at Model risk.']]);
    expect(deriveNotifications({ user: user('usr_other', 'model_owner'), packages: [pkg([dg, reject], { ownerId: 'usr_x' })], events, names })).toEqual([]);
  });

  it('makes a step active again when the owner resubmits after a rejection', () => {
    const reject = decision('d1', 'dg', 'reject', 2);
    const v2 = { number: 2, submittedAt: at(3), sectionDigests: { ...digests, data: 'd2' } };
    const events = [
      submitted(1),
      signed(2, reject),
      logged(3, 'usr_owner', { action: 'package.version_submitted', subject: 'p1', before: { version: 1, contentHash: 'h' }, after: { version: 2, contentHash: 'h2' } }),
    ];
    const found = deriveNotifications({ user: user('usr_dg', 'data_governance'), packages: [pkg([reject], { versions: [v1, v2] })], events, names });
    expect(found.map((n) => n.id)).toEqual(['3-step_active', '1-step_active']);
  });

  it('names a section by its title, never its key', () => {
    const thread = { id: 'thr_2', kind: 'clarification' as const, sectionKey: 'subgroup_fairness', versionNumber: 1, createdBy: { id: 'usr_mrm' } };
    const events = [logged(5, 'usr_mrm', { action: 'thread.opened', subject: 'p1', before: null, after: { section: 'subgroup_fairness', kind: 'clarification', version: 1, thread: 'thr_2' } })];
    const [found] = deriveNotifications({ user: user('usr_owner', 'model_owner'), packages: [pkg([], { threads: [thread] })], events, names });
    expect(found?.text).toBe('Elena Vasquez asked for a clarification on the “Subgroup fairness” section of Credit PD 1.0.');
  });

  it('tells the owner of a clarification request and the reviewer of the owner’s answer, with a link to the thread', () => {
    const thread = { id: 'thr_1', kind: 'clarification' as const, sectionKey: 'metrics', versionNumber: 1, createdBy: { id: 'usr_mrm' } };
    const events = [
      logged(5, 'usr_mrm', { action: 'thread.opened', subject: 'p1', before: null, after: { section: 'metrics', kind: 'clarification', version: 1, thread: 'thr_1' } }),
      logged(6, 'usr_owner', { action: 'thread.message_added', subject: 'p1', before: null, after: { thread: 'thr_1', message: 'm1', body: 'Here.' } }),
      // A reviewer's own follow-up is no answer.
      logged(7, 'usr_mrm', { action: 'thread.message_added', subject: 'p1', before: null, after: { thread: 'thr_1', message: 'm2', body: 'Thanks.' } }),
    ];
    const packages = [pkg([], { threads: [thread] })];
    const owner = deriveNotifications({ user: user('usr_owner', 'model_owner'), packages, events, names });
    expect(owner.map((n) => [n.id, n.link, n.text])).toEqual([['5-clarification_requested', '/packages/p1?version=1#thread-thr_1', 'Elena Vasquez asked for a clarification on the “Metrics” section of Credit PD 1.0.']]);
    const reviewer = deriveNotifications({ user: user('usr_mrm', 'model_risk'), packages, events, names });
    expect(reviewer.map((n) => [n.id, n.text])).toEqual([['6-clarification_answered', 'Olivia Owner answered your clarification request on the “Metrics” section of Credit PD 1.0.']]);
    // Another reviewer did not ask, so is not told.
    expect(deriveNotifications({ user: user('usr_dg2', 'model_risk'), packages, events, names })).toEqual([]);
  });

  it('derives nothing about packages the user cannot see, and nothing from their own acts', () => {
    const dg = decision('d1', 'dg', 'approve', 2);
    const events = [submitted(1), signed(2, dg)];
    expect(deriveNotifications({ user: user('usr_fl', 'fair_lending'), packages: [], events, names })).toEqual([]);
    // A data governance officer who also holds model risk approved: the activation is their own doing.
    expect(deriveNotifications({ user: user('usr_dg', 'data_governance', 'model_risk'), packages: [pkg([dg])], events, names }).map((n) => n.id)).toEqual(['1-step_active']);
  });
});

describe('deriveNotifications: re-review due', () => {
  const conditional: Decision = { ...decision('d9', 'mrm', 'approve_with_conditions', 3), conditions: { scope: 'Card-not-present only', reReviewOn: '2026-06-30', text: '' } };
  const packages = [pkg([decision('d1', 'dg', 'approve', 2), conditional])];
  // The sweep's entry: no actor, the step's role in `after`.
  const due: LoggedEvent = { seq: 7, at: '2026-06-30T00:00:05.000Z', actorId: null, event: { action: 'package.re_review_due', subject: 'p1', before: null, after: { decision: 'd9', step: 'mrm', role: 'model_risk', version: 1, reReviewOn: '2026-06-30' } } };
  const dueOnly = (u: ReturnType<typeof user>) => deriveNotifications({ user: u, packages, events: [due], names });

  it('tells the package owner, with a link to the package', () => {
    expect(dueOnly(user('usr_owner', 'model_owner'))).toEqual([
      { id: '7-re_review_due', seq: 7, kind: 're_review_due', packageId: 'p1', modelName: 'Credit PD', text: 'Re-review of Credit PD 1.0 is due: the Model risk approval with conditions of version 1 reached its re-review date, 2026-06-30.', at: due.at, link: '/packages/p1' },
    ]);
  });

  it('tells every holder of the step’s role, including the approver themselves, and nobody else', () => {
    expect(dueOnly(user('usr_mrm', 'model_risk')).map((n) => n.kind)).toEqual(['re_review_due']);
    expect(dueOnly(user('usr_other_mrm', 'model_risk')).map((n) => n.kind)).toEqual(['re_review_due']);
    expect(dueOnly(user('usr_dg', 'data_governance'))).toEqual([]);
    expect(dueOnly(user('usr_fl', 'fair_lending'))).toEqual([]);
  });
});

describe('deriveNotifications: obligations', () => {
  const packages = [pkg([])];
  const opened = logged(4, 'usr_mrm', { action: 'obligation.opened', subject: 'p1', before: null, after: { obligation: 'obl_1', decision: 'd9', position: 1, owner: 'usr_owner', dueOn: '2026-09-30', scope: null } });
  const recorded = logged(5, 'usr_owner', { action: 'obligation.transitioned', subject: 'p1', before: { obligation: 'obl_1', status: 'open', revision: 1 }, after: { obligation: 'obl_1', status: 'fulfilment_recorded', revision: 2, role: 'model_owner', note: 'Done.' } });
  const sentBack = logged(6, 'usr_mrm', { action: 'obligation.transitioned', subject: 'p1', before: { obligation: 'obl_1', status: 'fulfilment_recorded', revision: 2 }, after: { obligation: 'obl_1', status: 'open', revision: 3, role: 'model_risk', note: 'The monitoring plan is missing.' } });
  const confirmed = logged(7, 'usr_mrm', { action: 'obligation.transitioned', subject: 'p1', before: { obligation: 'obl_1', status: 'fulfilment_recorded', revision: 2 }, after: { obligation: 'obl_1', status: 'confirmed', revision: 3, role: 'model_risk', note: 'Fine.' } });
  // The sweep's entry: no actor.
  const lapsed: LoggedEvent = { seq: 8, at: at(8), actorId: null, event: { action: 'obligation.lapsed', subject: 'p1', before: { obligation: 'obl_1', status: 'open', revision: 3 }, after: { obligation: 'obl_1', status: 'lapsed', revision: 4, decision: 'd9', owner: 'usr_owner', dueOn: '2026-09-30', role: 'model_risk' } } };

  it('tells the owner when a condition is assigned, sent back and lapsed, each linking to the obligation on the package', () => {
    const owner = deriveNotifications({ user: user('usr_owner', 'model_owner'), packages, events: [opened, recorded, sentBack, lapsed], names });
    expect(owner.map((n) => [n.id, n.link, n.text])).toEqual([
      ['8-obligation_lapsed', '/packages/p1#obligation-obl_1', 'Condition 2 of the approval of Credit PD 1.0, which you owe, lapsed: it was due 2026-09-30, and the approval is under re-review.'],
      ['6-obligation_sent_back', '/packages/p1#obligation-obl_1', 'Elena Vasquez sent back your fulfilment of condition 2 of Credit PD 1.0: “The monitoring plan is missing.”'],
      ['4-obligation_assigned', '/packages/p1#obligation-obl_1', 'Elena Vasquez approved Credit PD 1.0 with conditions and named you the owner of condition 2, due 2026-09-30.'],
    ]);
  });

  it('says nothing of a confirmation, and nothing to anyone but the owner', () => {
    expect(deriveNotifications({ user: user('usr_owner', 'model_owner'), packages, events: [opened, recorded, confirmed], names }).map((n) => n.kind)).toEqual(['obligation_assigned']);
    expect(deriveNotifications({ user: user('usr_mrm', 'model_risk'), packages, events: [opened, recorded, sentBack, lapsed], names })).toEqual([]);
    expect(deriveNotifications({ user: user('usr_other', 'model_owner'), packages, events: [opened, recorded, sentBack, lapsed], names })).toEqual([]);
  });
});

describe('deriveNotifications: a policy version re-checking a package in review (docs/decisions/0150)', () => {
  const rechecked = (seq: number, before: { version: number; outcome: 'pass' | 'flagged'; blocking: number }, after: { version: number; outcome: 'pass' | 'flagged'; blocking: number }): LoggedEvent =>
    logged(seq, 'usr_admin', { action: 'policy.rechecked', subject: 'p1', before: { key: 'credit', ...before }, after: { key: 'credit', ...after, packageVersion: 1 } });
  const events = [submitted(1), rechecked(2, { version: 1, outcome: 'pass', blocking: 0 }, { version: 2, outcome: 'flagged', blocking: 2 }), rechecked(3, { version: 2, outcome: 'flagged', blocking: 2 }, { version: 3, outcome: 'flagged', blocking: 2 }), rechecked(4, { version: 3, outcome: 'flagged', blocking: 2 }, { version: 4, outcome: 'pass', blocking: 0 })];

  it('tells the owner when the result changed, blocked or unblocked, and not when it stayed the same', () => {
    const owner = deriveNotifications({ user: user('usr_owner', 'model_owner'), packages: [pkg([])], events, names });
    expect(owner.map((n) => [n.id, n.link, n.text])).toEqual([
      ['4-policy_rechecked', '/packages/p1', 'Policy credit version 4 checked version 1 of Credit PD 1.0 again: it now meets every blocking requirement (before, against version 3: 2 not met).'],
      ['2-policy_rechecked', '/packages/p1', 'Policy credit version 2 checked version 1 of Credit PD 1.0 again: 2 blocking requirements are not met, and approval is blocked until a resubmission meets them (before, against version 1: 0 not met).'],
    ]);
  });

  it('tells nobody but the owner', () => {
    expect(deriveNotifications({ user: user('usr_mrm', 'model_risk'), packages: [pkg([])], events, names }).filter((n) => n.kind === 'policy_rechecked')).toEqual([]);
  });
});
