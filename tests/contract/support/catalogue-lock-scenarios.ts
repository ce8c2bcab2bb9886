import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';
import { refusalOf } from './catalogue-proposals.ts';

// Adding a line, retiring one and publishing a template that names one take the catalogue lock a
// policy publication takes (docs/decisions/0176), against the mocks, SQLite and PostgreSQL: what
// concurrent requests leave is what some order of them one at a time would have left.

const step = { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation'] };

export const catalogueLockScenarios: Scenario[] = [
  {
    name: 'business lines: two look-alike lines added at once give one line and one business_line_look_alike',
    async run(target) {
      for (const [i, [a, b]] of [['Auto loans', 'Auto Ioans'], ['Boat loans', 'Boat-loans'], ['Farm loans', 'Farm 1oans'], ['Yacht loans', 'Yacht \u0269oans']].entries()) {
        const replies = await Promise.all([changeAsDirect(target, '/api/business-lines', { label: a }), changeAsDirect(target, '/api/business-lines', { label: b })]);
        expect(replies.filter((r) => r.status === 201), `round ${i}`).toHaveLength(1);
        const loser = replies.find((r) => r.status !== 201);
        if (!loser) throw new Error(`round ${i}: both added`);
        expect(refusalOf(loser), `round ${i}`).toMatch(loser.status === 422 ? /^\/change\/label business_line_look_alike$/ : /^409 .*no longer passes its checks.*spelled differently/);
      }
    },
  },
  {
    name: 'business lines: a template published while its line is retired is either published before the retirement (in the audit log too) or refused unknown_business_line',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      for (let i = 0; i < 4; i += 1) {
        const label = `Retiring line ${'abcd'[i] ?? ''}`;
        expectStatus(await changeAsDirect(target, '/api/business-lines', { label }), 201);
        const [template, retired] = await Promise.all([
          changeAsDirect(target, '/api/templates', { key: `race-${i}`, name: `Race ${i}`, riskTiers: [4], businessLines: [label], staleApprovals: 'every_change', steps: [step] }),
          changeAsDirect(target, `/api/business-lines/${encodeURIComponent(label.toLowerCase())}/retire`, {}),
        ]);
        expectStatus(retired, 200);
        if (template.status !== 201) {
          expect(refusalOf(template), `round ${i}`).toMatch(template.status === 422 ? /^\/change\/businessLines\/0 unknown_business_line$/ : /^409 .*no longer passes its checks.*retired/);
          continue;
        }
        expectStatus(template, 201);
        const entries = async (action: string) => auditPageSchema.parse((await admin.get(`/api/audit?action=${action}`)).body).items;
        const published = (await entries('template.version_created')).find((e) => e.subject === `race-${i}`);
        const retirement = (await entries('business_line.retired')).find((e) => e.subject === label.toLowerCase());
        expect(published && retirement && published.seq < retirement.seq, `round ${i}`).toBe(true);
      }
    },
  },
];
