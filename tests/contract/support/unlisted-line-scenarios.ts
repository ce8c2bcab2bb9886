import { expect } from 'vitest';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { prepareVersion } from '#api/packages/prepare-version.ts';
import { selectTemplate } from '#domain/workflow/default-templates.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageVersionSchema } from '#domain/contracts/packages.ts';
import { problemSchema } from '#domain/contracts/problem.ts';
import type { Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { activeReviewer, detailOf } from './approval-gating-scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// A package filed before the closed list (0168) under a line of its own spelling is not approved
// under it, and its owner's next version re-files it under a listed line (docs/decisions/0176),
// against the mocks, SQLite and PostgreSQL.

/** The approvable credit model as a submission before 0168 stored it: under "Consumer credit", which no policy or template names. */
export async function filedBeforeTheList(target: Target, id: string, line: string): Promise<void> {
  const content = approvableCreditContent('1.0');
  const [section] = content.sections;
  if (section?.kind !== 'identification') throw new Error('identification first');
  Object.assign(section, { modelKey: id, businessLine: line });
  const prepared = await prepareVersion(content);
  const at = new Date().toISOString();
  await target.store.transaction(async (tx) => {
    const template = selectTemplate(await tx.listTemplates(), section.riskTier, line);
    if (!template) throw new Error('a chain for tier 1');
    await tx.insertModel({ key: id, name: section.modelName, ownerId: 'usr_owner' });
    await tx.insertPackage({ id, modelKey: id, modelName: section.modelName, versionLabel: '1.0', riskTier: section.riskTier, businessLine: line, ownerTeam: section.ownerTeam, ownerId: 'usr_owner', templateKey: template.key, templateVersion: template.version, createdAt: at, updatedAt: at });
    await tx.insertVersion({ packageId: id, number: 1, ...prepared, submittedBy: 'usr_owner', submittedAt: at });
  });
}

const concern = { sectionKey: 'identification', concern: 'The business line is not one of the organisation’s.', requiredChange: 'File it under a listed line.' } as const;

export const unlistedLineScenarios: Scenario[] = [
  {
    name: 'business lines: a package filed before the list under an unlisted line is refused every approval (unlisted_business_line, flagged on the package); its owner’s next version re-files it under a listed line, on that line’s chain and policy, audited',
    async run(target) {
      const id = 'pkg_consumer_credit_escape';
      await filedBeforeTheList(target, id, 'Consumer credit');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await (await owner.colleague('model-risk@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
      const filed = await detailOf(owner, id);
      expect(filed.template.key).toBe('tier-1');
      expect(filed.governanceBlockers).toEqual([{ kind: 'unlisted_business_line', businessLine: 'Consumer credit', description: expect.stringContaining('"Consumer credit"') as unknown }]);

      // Every approving kind is refused, nothing stored; rejecting stays open.
      for (const decision of ['approve', 'approve_with_conditions'] as const) {
        const { client, draft } = await activeReviewer(target, id, decision);
        const conditions = decision === 'approve_with_conditions' ? { scope: 'Consumer loans only', reReviewOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10), text: 'Quarterly fairness report.' } : null;
        const refused = await sign(client, await payloadFor(client, { ...draft, conditions }));
        expectStatus(refused, 409);
        expect(problemSchema.parse(refused.body).governanceBlockers?.map((b) => b.kind)).toEqual(['unlisted_business_line']);
      }
      expect((await detailOf(owner, id)).decisions).toEqual([]);
      const { client, draft } = await activeReviewer(target, id, 'reject');
      const rejected = await sign(client, await payloadFor(client, { ...draft, concerns: [concern] }));
      expectStatus(rejected, 201);
      const decisionId = (rejected.body as { id: string }).id;

      // The same unlisted line is refused; a look-alike of a listed one gets its spelling.
      const content = structuredClone(packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/1`)).body).content);
      const answers = [{ target: { kind: 'concern', decisionId, index: 0 }, answer: 'Filed under Consumer lending.' }];
      const withLine = (businessLine: string) => ({ content: { ...content, sections: content.sections.map((s) => (s.kind === 'identification' ? { ...s, businessLine } : s)) }, answers });
      for (const [line, code] of [['Consumer credit', 'unknown_business_line'], ['consumer lending', 'business_line_spelling']] as const) {
        const reply = await owner.post(`/api/packages/${id}/versions`, withLine(line));
        expectStatus(reply, 422);
        expect((reply.body as { errors: { pointer: string; code?: string }[] }).errors.map((e) => [e.pointer, e.code]), line).toEqual([['/content/sections/0/businessLine', code]]);
      }
      expect((await detailOf(owner, id)).versions).toHaveLength(1);

      expectStatus(await owner.post(`/api/packages/${id}/versions`, withLine('Consumer lending')), 201);
      const refiled = await detailOf(owner, id);
      expect(refiled.businessLine).toBe('Consumer lending');
      expect(refiled.governanceBlockers.map((b) => b.kind)).not.toContain('unlisted_business_line');
      // The credit chain, with its fair-lending step, and the consumer-credit policy the spelling escaped.
      expect(refiled.template.key).toBe('consumer-credit');
      expect(refiled.steps.map((s) => s.key)).toContain('fair_lending');
      expect(packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/2`)).body).policy?.policy.key).toBe('consumer-credit');
      const admin = await signedIn(target, 'admin@example.com');
      const audit = async (action: string) => auditPageSchema.parse((await admin.get(`/api/audit?action=${action}`)).body).items.filter((e) => e.subject === id);
      expect(await audit('package.business_line_refiled')).toMatchObject([{ actorId: 'usr_owner', before: { businessLine: 'Consumer credit' }, after: { businessLine: 'Consumer lending', version: 2, template: { key: 'consumer-credit' } } }]);
      expect(await audit('package.chain_changed')).toMatchObject([{ before: { key: 'tier-1' }, after: { key: 'consumer-credit', businessLine: 'Consumer lending', added: ['fair_lending'], dropped: ['privacy'] } }]);

      // Filed under a listed line now, it keeps it like any package.
      const moved = await owner.post(`/api/packages/${id}/versions`, withLine('Mortgages'));
      expect((moved.body as { errors?: { code?: string }[] }).errors?.map((e) => e.code)).toContain('business_line_changed');
    },
  },
];
