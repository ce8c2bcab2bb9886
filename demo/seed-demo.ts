import { seedObligations, signedObligations, type ScriptedObligation } from './seed-obligations.ts';
import { seedFindings, type ScriptedFinding } from './seed-findings.ts';
import type { Decision, DecisionKind } from '#domain/contracts/decisions.ts';
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import { identificationOf, type PackageContent } from '#domain/contracts/package-content.ts';
import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { demoPackages } from './index.ts';
import { defaultTemplates, selectTemplate } from '#domain/workflow/default-templates.ts';
import { applicablePolicy } from '#domain/policy/applicable-policy.ts';
import { evaluateAgainstPolicy } from '#domain/policy/evaluate-against-policy.ts';
import { demoPolicies } from './demo-policies.ts';
import { demoBusinessLines } from './demo-business-lines.ts';
import { businessLineKey } from '#domain/text/business-line.ts';
import type { PasswordPort } from '#api/kernel/context.ts';
import { prepareVersion } from '#api/packages/prepare-version.ts';
import type { StoredUser, StoreTx, Store, AuditAppend } from '#api/store/store.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { signingPayloadType, type SignatureMaterial, type SigningPayload } from '#domain/contracts/signatures.ts';
import { countersign } from '#domain/signing/countersign.ts';
import { currentServerKey } from '#api/signing/server-key.ts';
import { answersHash } from '#domain/evidence/thread-audit-check.ts';
import { computeTier } from '#domain/policy/risk-tiering.ts';
import { signedGovernance } from '#domain/policy/signed-governance.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { appliedAssessment } from '#api/package-access/applied-assessment.ts';
import { scheduleRevalidation } from '#api/re-review/revalidation-schedule.ts';
import { loadPackageFacts, summarize } from '#api/package-access/views.ts';
import { demoRiskAnswers } from './demo-risk-assessments.ts';

// Demo data for a first start: one account per role and four packages at realistic points
// of their review. Written only into an empty database, in one transaction.

export const demoAccounts = [
  { id: 'usr_owner', email: 'owner@example.com', displayName: 'Priya Natarajan', title: 'Lead ML Engineer, Decision Science', roles: ['model_owner'] },
  { id: 'usr_data_governance', email: 'data-governance@example.com', displayName: 'Marcus Oyelaran', title: 'Data Governance Lead', roles: ['data_governance'] },
  { id: 'usr_model_risk', email: 'model-risk@example.com', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management', roles: ['model_risk'] },
  { id: 'usr_fair_lending', email: 'fair-lending@example.com', displayName: 'Dana Whitfield', title: 'Fair Lending Officer', roles: ['fair_lending'] },
  { id: 'usr_privacy', email: 'privacy@example.com', displayName: 'Samuel Okafor', title: 'Chief Privacy Officer', roles: ['privacy'] },
  { id: 'usr_security', email: 'security@example.com', displayName: 'Hannah Kim', title: 'Principal Security Architect', roles: ['security'] },
  { id: 'usr_committee', email: 'committee@example.com', displayName: 'Robert Castellano', title: 'Chair, AI Governance Committee', roles: ['committee'] },
  // A second administrator, so that privileged account changes can be approved; listed before
  // usr_admin, which stays the last account a role names (docs/decisions/0175).
  { id: 'usr_admin_deputy', email: 'admin-deputy@example.com', displayName: 'Jordan Reyes', title: 'Deputy Platform Administrator', roles: ['admin'] },
  { id: 'usr_admin', email: 'admin@example.com', displayName: 'Alex Morgan', title: 'Platform Administrator', roles: ['admin'] },
  // A second model risk officer, who records the tier assessments: whoever set a package's tier
  // does not approve it (0174), so Elena can still approve the demo packages Tomás assessed.
  { id: 'usr_risk_tiering', email: 'risk-tiering@example.com', displayName: 'Tomás Lindqvist', title: 'Model Risk Analyst, Risk Tiering', roles: ['model_risk'] },
] as const satisfies readonly { id: string; email: string; displayName: string; title: string; roles: readonly Role[] }[];

const day = 86_400_000;

interface Scripted {
  step: string;
  by: (typeof demoAccounts)[number]['id'];
  decision: DecisionKind;
  version: number;
  daysAgo: number;
  reason: string;
  conditions?: Decision['conditions'];
  concerns?: Decision['concerns'];
  /** The conditions tracked as obligations, signed in the payload (docs/decisions/0111). */
  obligations?: ScriptedObligation[];
}

/** A resubmission's answer to a concern of the rejection by `step` of the version before. */
interface ScriptedAnswer {
  version: number;
  step: string;
  concern: number;
  answer: string;
  sectionKeys: string[];
}

interface DemoScript {
  versionDaysAgo: number[];
  decisions: Scripted[];
  answers?: ScriptedAnswer[];
  findings?: ScriptedFinding[];
  clarification?: { section: string; by: (typeof demoAccounts)[number]['id']; daysAgo: number; quote: { exact: string; prefix: string; suffix: string } | null; body: string };
}

/** Where each demo package stands, in the order of demoPackages. */
function scripts(now: Date): DemoScript[] {
  const reReview = new Date(now.getTime() + 358 * day).toISOString().slice(0, 10);
  return [
    {
      versionDaysAgo: [24, 3],
      decisions: [
        { step: 'data_governance', by: 'usr_data_governance', decision: 'approve', version: 1, daysAgo: 22, reason: 'Lineage, authorizations and retention for all bureau and application data are documented and consistent with the data inventory.' },
        { step: 'model_risk', by: 'usr_model_risk', decision: 'approve', version: 1, daysAgo: 18, reason: 'Discrimination and calibration on the 2024 holdout meet policy; independent validation findings are closed or tracked.' },
        {
          step: 'fair_lending',
          by: 'usr_fair_lending',
          decision: 'reject',
          version: 1,
          daysAgo: 15,
          reason: 'The disparate impact ratio of 0.78 is below the 0.80 policy threshold; the model cannot be used for credit decisions as submitted.',
          concerns: [{ sectionKey: 'subgroup_fairness', concern: 'Disparate impact ratio of 0.78 for one protected-class proxy group, under the 0.80 threshold.', requiredChange: 'Mitigate (for example by reweighting or constraint) and show a ratio of at least 0.80 on the same holdout, with the less discriminatory alternatives considered.' }],
        },
        { step: 'data_governance', by: 'usr_data_governance', decision: 'approve', version: 2, daysAgo: 2, reason: 'Data sources unchanged; the reweighting uses only approved attributes.' },
        { step: 'model_risk', by: 'usr_model_risk', decision: 'approve', version: 2, daysAgo: 1, reason: 'The small loss in AUC from the mitigation stays well inside the threshold; validation re-performed.' },
      ],
      answers: [
        {
          version: 2,
          step: 'fair_lending',
          concern: 0,
          answer:
            'Addressed in Subgroup fairness and Design and methodology: less discriminatory alternative LDA-17 (monotonic constraints, verified DTI, reweighting by age band) raises the approval-rate ratio for applicants aged 62 and over from 0.78 to 0.86 on the same holdout.',
          sectionKeys: ['subgroup_fairness', 'design_methodology'],
        },
      ],
      // The rejection's concerns as findings: raised on version 1, remediated in version 2 and verified there.
      findings: [
        {
          section: 'subgroup_fairness',
          quote: { exact: '62 and over', prefix: '', suffix: '' },
          by: 'usr_fair_lending',
          version: 1,
          daysAgo: 15,
          title: 'Disparate impact ratio of 0.78 for applicants aged 62 and over',
          description: 'The approval-rate ratio for applicants aged 62 and over is 0.78 on the 2024 holdout, under the 0.80 policy floor.',
          severity: 'high',
          type: 'validation_finding',
          dueAfterDays: 30,
          moves: [
            { to: 'remediation_proposed', by: 'usr_owner', version: 1, daysAgo: 12, note: 'Evaluate less discriminatory alternatives (monotonic constraints, verified DTI, reweighting by age band) and resubmit with the ratio on the same holdout.' },
            { to: 'remediated', by: 'usr_owner', version: 2, daysAgo: 3, note: 'Version 2 adopts LDA-17: the ratio for 62 and over is 0.86 on the same holdout (Subgroup fairness).' },
            { to: 'verified', by: 'usr_fair_lending', version: 2, daysAgo: 1, note: 'Ratio of 0.86 checked against the refreshed subgroup table of version 2.' },
          ],
        },
        {
          section: 'design_methodology',
          quote: null,
          by: 'usr_fair_lending',
          version: 1,
          daysAgo: 15,
          title: 'Less discriminatory alternatives not documented',
          description: 'Design and methodology does not say which less discriminatory alternatives were searched for and why they were set aside (ECOA / Reg B disparate impact practice).',
          severity: 'high',
          type: 'policy_exception',
          dueAfterDays: 30,
          moves: [
            { to: 'remediation_proposed', by: 'usr_owner', version: 1, daysAgo: 12, note: 'Document the alternatives search and the chosen alternative in Design and methodology.' },
            { to: 'remediated', by: 'usr_owner', version: 2, daysAgo: 3, note: 'Design and methodology of version 2 lists the alternatives searched and why LDA-17 was chosen.' },
            { to: 'verified', by: 'usr_fair_lending', version: 2, daysAgo: 1, note: 'Alternatives search documented; adequate for the record.' },
          ],
        },
      ],
    },
    {
      versionDaysAgo: [9],
      decisions: [{ step: 'data_governance', by: 'usr_data_governance', decision: 'approve', version: 1, daysAgo: 7, reason: 'The de-identified EHR extract and the data use agreement cover this use; minimum necessary standard is met.' }],
    },
    {
      versionDaysAgo: [40],
      decisions: [
        { step: 'data_governance', by: 'usr_data_governance', decision: 'approve', version: 1, daysAgo: 37, reason: 'Transaction and chargeback data are within the approved retention and PCI scope.' },
        {
          step: 'model_risk',
          by: 'usr_model_risk',
          decision: 'approve_with_conditions',
          version: 1,
          daysAgo: 33,
          reason: 'Performance on card-present transactions is not demonstrated to the same standard; approval is limited accordingly.',
          conditions: { scope: 'Card-not-present transactions only', reReviewOn: reReview, text: 'Card-present scoring stays on the incumbent rules engine until a separate validation is approved. Re-review in 12 months or earlier if monthly PSI exceeds 0.2.' },
          obligations: [
            {
              text: 'Card-present scoring stays on the incumbent rules engine: the scoring service routes only card-not-present transactions to the model.',
              dueInDays: -3,
              scope: { dimension: 'channel', allow: ['card_not_present'] },
              fulfilled: { evidence: 'Routing rule CNP-ONLY deployed to the scoring gateway; card-present traffic is refused by the model endpoint (change CHG-20931).', link: 'https://change.example.com/CHG-20931', recordedDaysAgo: 12, confirmedDaysAgo: 10 },
            },
            { text: 'Monthly population stability (PSI) report to model risk; re-review earlier if PSI exceeds 0.2.', dueInDays: 21, scope: null },
          ],
        },
        { step: 'security', by: 'usr_security', decision: 'approve', version: 1, daysAgo: 30, reason: 'Scoring service controls, secrets handling and PCI DSS segmentation reviewed; no open findings.' },
      ],
    },
    {
      versionDaysAgo: [6],
      decisions: [
        { step: 'data_governance', by: 'usr_data_governance', decision: 'approve', version: 1, daysAgo: 5, reason: 'Transcript redaction and the help-center corpus licences are in order.' },
        { step: 'model_risk', by: 'usr_model_risk', decision: 'request_clarification', version: 1, daysAgo: 2, reason: 'The evaluation needs clarification before a decision.' },
      ],
      clarification: {
        section: 'evaluation',
        by: 'usr_model_risk',
        daysAgo: 2,
        quote: null,
        body: 'How was the hallucination rate measured: who labelled the sampled answers, how many were sampled per locale, and was the labelling blind to the model version? Please also give the confidence interval for the rate.',
      },
      // A limitation model risk accepted as a risk for six months, with its rationale and expiry.
      findings: [
        {
          section: 'evaluation',
          quote: null,
          by: 'usr_model_risk',
          version: 1,
          daysAgo: 4,
          title: 'Answers in Portuguese and Polish not evaluated',
          description: 'The evaluation sampled English, Spanish and German conversations only; the assistant also answers in Portuguese and Polish, about 3% of volume.',
          severity: 'medium',
          type: 'limitation',
          dueAfterDays: 60,
          moves: [
            {
              to: 'risk_accepted',
              by: 'usr_model_risk',
              version: 1,
              daysAgo: 3,
              note: 'Low volume; every answer in those languages carries the hand-off to a human agent, and the next evaluation round samples them. Accepted until then.',
              expiresInDays: 180,
            },
          ],
        },
      ],
    },
  ];
}

export interface SeedOptions {
  password: string;
  passwords: PasswordPort;
  now: Date;
  randomToken: () => string;
  /**
   * Risk assessments for the demo packages (decision record 0114), on unless turned off: an
   * approval needs one (docs/decisions/0141), so the demo and the test worlds built on it have
   * them; a test of a package without one turns them off.
   */
  riskAssessments?: boolean;
}

/** Writes the demo data; returns false (and writes nothing) if the database has users already. */
export async function seedDemo(store: Store, options: SeedOptions): Promise<boolean> {
  const passwordHash = await options.passwords.hash(options.password);
  const prepared = await Promise.all(demoPackages.map((p) => Promise.all(p.versions.map((v: PackageContent) => prepareVersion(v)))));
  const plan = scripts(options.now);
  const at = (daysAgo: number, hour = 10) => new Date(options.now.getTime() - daysAgo * day + hour * 3_600_000 - 12 * 3_600_000).toISOString();

  // Before the transaction: the key is read or created through the store itself.
  const { key, privateKey } = await currentServerKey(store, () => options.now);
  const serverKey = { keyId: key.keyId, privateKey };
  return store.transaction(async (tx) => {
    if ((await tx.listUsers()).length > 0) return false;
    const audit: AuditAppend[] = [];
    for (const label of demoBusinessLines) await tx.insertBusinessLine({ key: businessLineKey(label), label, retiredAt: null, createdAt: options.now.toISOString() });
    for (const template of defaultTemplates) await tx.insertTemplate(template);
    for (const policy of demoPolicies) await tx.insertPolicyVersion({ policy, publishedAt: options.now.toISOString(), publishedBy: null });
    const users = new Map<string, StoredUser>();
    for (const account of demoAccounts) {
      const user: StoredUser = { ...account, roles: [...account.roles], passwordHash };
      users.set(user.id, user);
      await tx.insertUser(user);
    }
    for (const [index, demo] of demoPackages.entries()) {
      await seedPackage(tx, { demo, versions: prepared[index] ?? [], script: plan[index], users, at, audit, randomToken: options.randomToken, serverKey, riskAssessments: options.riskAssessments ?? true, now: options.now });
    }
    audit.sort((a, b) => a.at.localeCompare(b.at));
    for (const entry of audit) await tx.appendAudit(entry);
    await tx.appendAudit({ event: { action: 'system.demo_seeded', subject: 'demo', before: null, after: { packages: demoPackages.length, users: demoAccounts.length } }, actorId: null, at: options.now.toISOString() });
    return true;
  });
}

interface SeedPackageInput {
  serverKey: { keyId: string; privateKey: CryptoKey };
  demo: (typeof demoPackages)[number];
  versions: Awaited<ReturnType<typeof prepareVersion>>[];
  script: DemoScript | undefined;
  users: Map<string, StoredUser>;
  at: (daysAgo: number, hour?: number) => string;
  audit: AuditAppend[];
  randomToken: () => string;
  riskAssessments: boolean;
  now: Date;
}

export const tieringAnalyst = 'usr_risk_tiering';

/**
 * The demo package's risk assessment, by model risk an hour after version 1 came in: an owner's
 * own would be a proposal (0165). Recorded by the tiering analyst, not Elena, who approves (0174).
 */
async function seedRiskAssessment(tx: StoreTx, input: SeedPackageInput, packageId: string, assessedAt: string): Promise<void> {
  const answers = demoRiskAnswers(input.demo.modelKey);
  const method = await tx.currentTieringMethod();
  if (!answers || !method) return;
  const result = computeTier(answers, method.method);
  await tx.insertRiskAssessment({ packageId, number: 1, answers, result, assessedBy: tieringAnalyst, assessedAt });
  input.audit.push({ event: { action: 'risk.assessed', subject: packageId, before: null, after: { number: 1, method: result.method, score: result.score, computedTier: result.computedTier } }, actorId: tieringAnalyst, at: assessedAt });
}

async function seedPackage(tx: StoreTx, input: SeedPackageInput): Promise<void> {
  const { demo, versions, script, users, at, audit } = input;
  if (!script) throw new Error(`No demo script for ${demo.modelKey}`);
  const first = demo.versions[0];
  if (!first) throw new Error(`Demo package ${demo.modelKey} has no version`);
  const id = identificationOf(first);
  const template = selectTemplate(await tx.listTemplates(), id.riskTier, id.businessLine);
  if (!template) throw new Error(`No template for demo package ${demo.modelKey}`);
  const owner = 'usr_owner';
  const packageId = `pkg_${demo.modelKey.replace(/[^a-z0-9]/g, '_')}`;
  const createdAt = at(script.versionDaysAgo[0] ?? 1, 9);
  const lastVersionAt = at(script.versionDaysAgo.at(-1) ?? 1, 9);
  await tx.insertModel({ key: demo.modelKey, name: id.modelName, ownerId: owner });
  await tx.insertPackage({ id: packageId, modelKey: demo.modelKey, modelName: id.modelName, versionLabel: demo.versionLabel, riskTier: id.riskTier, businessLine: id.businessLine, ownerTeam: id.ownerTeam, ownerId: owner, templateKey: template.key, templateVersion: template.version, createdAt, updatedAt: lastVersionAt });

  // Ids first: a resubmission's answers name the decisions of the round before.
  const decisionIds = script.decisions.map(() => `dec_${input.randomToken().slice(0, 16)}`);
  const answersTo = (number: number): ConcernAnswer[] =>
    (script.answers ?? [])
      .filter((a) => a.version === number)
      .map((a) => {
        const rejection = script.decisions.findIndex((d) => d.step === a.step && d.version === number - 1 && d.decision === 'reject');
        const decisionId = decisionIds[rejection];
        if (!decisionId) throw new Error(`No rejection by ${a.step} for a demo answer on ${demo.modelKey}`);
        return { target: { kind: 'concern', decisionId, index: a.concern }, answer: a.answer, sectionKeys: a.sectionKeys };
      });

  if (input.riskAssessments) await seedRiskAssessment(tx, input, packageId, at(script.versionDaysAgo[0] ?? 1, 10));
  const assessment = await appliedAssessment(tx, packageId);
  const evaluations = new Map<number, PolicyEvaluation>();

  const policy = applicablePolicy(demoPolicies, { riskTier: id.riskTier, businessLine: id.businessLine, modelType: id.modelType });
  for (const [index, version] of versions.entries()) {
    const submittedAt = at(script.versionDaysAgo[index] ?? 1, 9);
    const number = index + 1;
    const answers = answersTo(number);
    await tx.insertVersion({ packageId, number, ...version, submittedBy: owner, submittedAt });
    await tx.insertVersionAnswers(packageId, number, answers);
    const content = demo.versions[index];
    const evaluation = policy && content ? evaluateAgainstPolicy(content, policy) : null;
    if (evaluation) await tx.insertPolicyEvaluation({ packageId, version: number, evaluation, evaluatedAt: submittedAt });
    if (evaluation) evaluations.set(number, evaluation);
    const checked = evaluation && evaluation.outcome !== 'refused' ? { policy: { key: evaluation.policy.key, version: evaluation.policy.version, outcome: evaluation.outcome } } : {};
    const previous = versions[index - 1];
    audit.push(
      previous
        ? { event: { action: 'package.version_submitted', subject: packageId, before: { version: index, contentHash: previous.contentHash }, after: { version: number, contentHash: version.contentHash, answers: answers.length, answersHash: await answersHash(answers), ...checked } }, actorId: owner, at: submittedAt }
        : { event: { action: 'package.submitted', subject: packageId, before: null, after: { modelKey: demo.modelKey, versionLabel: demo.versionLabel, version: 1, contentHash: version.contentHash, ...checked } }, actorId: owner, at: submittedAt },
    );
  }

  for (const [index, s] of script.decisions.entries()) {
    const actor = users.get(s.by);
    const step = template.steps.find((t) => t.key === s.step);
    const hash = versions[s.version - 1]?.contentHash;
    const decisionId = decisionIds[index];
    if (!actor || !step || !hash || !decisionId) throw new Error(`Bad demo decision ${s.step} on ${demo.modelKey}`);
    const decidedAt = at(s.daysAgo, 15);
    const decision: Decision = {
      id: decisionId,
      packageId,
      versionNumber: s.version,
      stepKey: s.step,
      role: step.role,
      decision: s.decision,
      meaning: decisionMeanings[s.decision],
      reason: s.reason,
      conditions: s.conditions ?? null,
      concerns: s.concerns ?? [],
      actor: { id: actor.id, displayName: actor.displayName, title: actor.title },
      contentHash: hash,
      decidedAt,
    };
    await tx.insertDecision(decision);
    // Nobody signed a demo decision, and it is dated before the server's key existed: its
    // material says "demo", under the countersignature, so every verifier names it as
    // demonstration data rather than evidence (decision record 0066).
    const obligations = s.obligations ? signedObligations(s.obligations, owner, input.now) : [];
    // What the sign dialog would have signed under (decision records 0107, 0115), where anything applies.
    const governance = await signedGovernance(evaluations.get(s.version) ?? null, assessment);
    const under = governance.policy || governance.riskAssessment ? { governance } : {};
    const payload: SigningPayload = { type: signingPayloadType, packageId, versionNumber: s.version, contentHash: hash, stepKey: s.step, role: step.role, decision: s.decision, meaning: decision.meaning, reason: s.reason, conditions: decision.conditions, concerns: decision.concerns, signer: decision.actor, nonce: `demo-${input.randomToken().slice(0, 24)}`, issuedAt: decidedAt, ...under, ...(obligations.length > 0 ? { obligations } : {}) };
    const material: SignatureMaterial = { method: 'demo' };
    const countersignature = await countersign(input.serverKey.privateKey, input.serverKey.keyId, { type: 'model-approval-countersignature/1', decisionId: decision.id, decidedAt, payload, signature: material });
    await tx.insertDecisionSignature(decision.id, canonicalize({ payload, signature: material, countersignature }));
    audit.push({ event: { action: 'decision.signed', subject: packageId, before: null, after: { decision: decision.id, step: s.step, role: step.role, kind: s.decision, version: s.version, contentHash: hash, method: material.method, countersignedWith: input.serverKey.keyId } }, actorId: actor.id, at: decidedAt });
    const ownerUser = users.get(owner);
    if (obligations.length > 0 && ownerUser) {
      await seedObligations(tx, { packageId, decisionId, versionNumber: s.version, stepKey: s.step, role: step.role, approver: actor, owner: ownerUser, signed: obligations, scripted: s.obligations ?? [], decidedAt, at, audit, randomToken: input.randomToken });
    }
  }

  if (input.riskAssessments) await scheduleDemoRevalidation(tx, input, packageId);

  await seedFindings(tx, { packageId, ownerId: owner, findings: script.findings ?? [], users, at, audit, randomToken: input.randomToken });

  const c = script.clarification;
  if (c) {
    const author = users.get(c.by);
    if (!author) throw new Error('Unknown demo author');
    const createdAt = at(c.daysAgo, 15);
    const version = versions.length;
    const threadId = `thr_${input.randomToken().slice(0, 16)}`;
    const actor = { id: author.id, displayName: author.displayName, title: author.title };
    await tx.insertThread({ id: threadId, packageId, versionNumber: version, sectionKey: c.section, kind: 'clarification', severity: null, status: 'open', anchor: c.quote, createdBy: actor, createdAt, resolvedBy: null, resolvedAt: null });
    await tx.insertMessage({ id: `msg_${input.randomToken().slice(0, 16)}`, threadId, author: actor, authorRole: author.roles[0] ?? 'model_risk', body: c.body, createdAt, position: 0 });
    audit.push({ event: { action: 'thread.opened', subject: packageId, before: null, after: { section: c.section, kind: 'clarification', version, thread: threadId, quote: c.quote?.exact ?? null, body: c.body } }, actorId: author.id, at: createdAt });
  }
}

/** An approved demo package has its revalidation scheduled from the approval that completed its chain, as signing would have. */
async function scheduleDemoRevalidation(tx: StoreTx, input: SeedPackageInput, packageId: string): Promise<void> {
  const pkg = await tx.findPackage(packageId);
  if (!pkg) return;
  const [facts] = await loadPackageFacts(tx, [pkg]);
  if (!facts) return;
  const { status } = summarize(facts, input.now).state;
  const last = facts.decisions.filter((d) => d.decision === 'approve' || d.decision === 'approve_with_conditions').at(-1);
  if ((status !== 'approved' && status !== 'approved_with_conditions') || !last) return;
  const scheduled = await scheduleRevalidation(tx, pkg, { decisionId: last.id, versionNumber: last.versionNumber, decidedAt: last.decidedAt });
  if (scheduled) input.audit.push(scheduled);
}
