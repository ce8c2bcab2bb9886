import { expect } from 'vitest';
import { templateListSchema, templateVersionEntrySchema } from '#domain/contracts/template-admin.ts';
import type { Client, Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// A new template from the admin pages sends `replacesVersion: 0`: a brand-new key is
// published at version 1; a key already taken is refused at /key, and nothing is written (it
// must not quietly become the next version of someone else's template). Mocks, SQLite, PostgreSQL.

const wealth = {
  key: 'wealth-advice',
  name: 'Wealth advice models',
  riskTiers: [2, 3],
  businessLines: ['Wealth management'],
  staleApprovals: 'responsible_sections',
  steps: [{ key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 72, sections: ['evaluation'] }],
  replacesVersion: 0,
};

const problemsOf = (reply: Reply) => (reply.body as { errors?: { pointer: string; message: string; code?: string }[] }).errors ?? [];
const count = async (client: Client) => templateListSchema.parse((await client.get('/api/templates')).body).items.length;

export const templateKeyScenarios: Scenario[] = [
  {
    name: 'templates: a new key is published at version 1; a new template with a key already taken is refused at /key, nothing written',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const before = await count(admin);

      const created = await changeAsDirect(target, '/api/templates', wealth);
      expectStatus(created, 201);
      expect(templateVersionEntrySchema.parse(created.body).template).toMatchObject({ key: 'wealth-advice', version: 1, businessLines: ['Wealth management'] });
      expect(await count(admin)).toBe(before + 1);

      for (const key of ['wealth-advice', 'tier-1']) {
        const taken = await changeAsDirect(target, '/api/templates', { ...wealth, key, name: 'Another chain' });
        expectStatus(taken, 422);
        expect(problemsOf(taken)).toEqual([expect.objectContaining({ pointer: '/change/key', code: 'key_taken' })]);
        expect(problemsOf(taken)[0]?.message).toContain(`"${key}" is already taken`);
      }
      expect(await count(admin)).toBe(before + 1);

      // A new version made from a version that is no longer current is refused too.
      const stale = await changeAsDirect(target, '/api/templates', { ...wealth, name: 'Wealth advice, revised', replacesVersion: 2 });
      expectStatus(stale, 409);
      const next = await changeAsDirect(target, '/api/templates', { ...wealth, name: 'Wealth advice, revised', replacesVersion: 1 });
      expect(templateVersionEntrySchema.parse(next.body).template.version).toBe(2);
    },
  },
];
