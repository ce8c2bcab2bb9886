import { expect } from 'vitest';
import { creditRiskAnswers } from '#demo/fresh-packages.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageVersionSchema } from '#domain/contracts/packages.ts';
import { problemSchema } from '#domain/contracts/problem.ts';
import type { Scenario } from './scenarios.ts';
import { activeReviewer, detailOf } from './approval-gating-scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { filedBeforeTheList } from './unlisted-line-scenarios.ts';
import { addBusinessLines } from './add-business-lines.ts';

// Adding an owner's old spelling as a business line does not lift the unlisted-line blocker of
// the packages filed under it before the list (docs/decisions/0182): their owner's next version
// re-files them, on the chain and policy the line gives, as a submission is checked.

export const lineAddedLaterScenarios: Scenario[] = [
  {
    name: 'business lines (0182): a line added after a package was filed under its spelling does not lift the package’s unlisted-line blocker; the owner’s next version re-files it under that line, audited',
    async run(target) {
      const id = 'pkg_line_added_later';
      await filedBeforeTheList(target, id, 'Consumer credit');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await (await owner.colleague('model-risk@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
      // The attack: an administrator lists the owner's odd spelling.
      await addBusinessLines(target, 'Consumer credit');

      const blocked = await detailOf(owner, id);
      expect(blocked.governanceBlockers).toEqual([{ kind: 'unlisted_business_line', businessLine: 'Consumer credit', listedAfterFiling: true, description: expect.stringContaining('listed only after the package was filed') as unknown }]);
      const { client, draft } = await activeReviewer(target, id, 'approve');
      const refused = await sign(client, await payloadFor(client, draft));
      expectStatus(refused, 409);
      expect(problemSchema.parse(refused.body).governanceBlockers?.map((b) => b.kind)).toEqual(['unlisted_business_line']);
      expect((await detailOf(owner, id)).decisions).toEqual([]);

      // The owner re-files under the line as listed (reject first: a resubmission follows a decision).
      const reviewer = await activeReviewer(target, id, 'reject');
      const concern = { sectionKey: 'identification', concern: 'Re-file under the listed line.', requiredChange: 'Resubmit.' };
      const rejected = await sign(reviewer.client, await payloadFor(reviewer.client, { ...reviewer.draft, concerns: [concern] }));
      expectStatus(rejected, 201);
      const changed = structuredClone(packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/1`)).body).content);
      const notes = changed.sections.find((s) => s.kind === 'narrative');
      if (notes?.kind === 'narrative') notes.markdown = `${notes.markdown}\n\nRe-filed under the listed line.`;
      const answers = [{ target: { kind: 'concern', decisionId: (rejected.body as { id: string }).id, index: 0 }, answer: 'Re-filed.' }];
      expectStatus(await owner.post(`/api/packages/${id}/versions`, { content: changed, answers }), 201);
      expect((await detailOf(owner, id)).governanceBlockers.map((b) => b.kind)).not.toContain('unlisted_business_line');
      const admin = await signedIn(target, 'admin@example.com');
      const refiles = auditPageSchema.parse((await admin.get('/api/audit?action=package.business_line_refiled')).body).items.filter((e) => e.subject === id);
      expect(refiles).toMatchObject([{ actorId: 'usr_owner', before: { businessLine: 'Consumer credit' }, after: { businessLine: 'Consumer credit', version: 2 } }]);
    },
  },
];
