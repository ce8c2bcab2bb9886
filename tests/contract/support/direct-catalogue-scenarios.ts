import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { businessLineListSchema } from '#domain/contracts/business-lines.ts';
import { policyListSchema } from '#domain/contracts/policies.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { revalidationScheduleListSchema, tieringMethodListSchema } from '#domain/contracts/revalidation.ts';
import { templateListSchema } from '#domain/contracts/template-admin.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { mortgagePolicy } from './policy-scenarios.ts';
import { weightedScorecard } from './tiering-method-scenarios.ts';

// The direct catalogue routes once two administrators exist (docs/decisions/0182), replaying an
// adversary's finding: with a second administrator present, one administrator still published a
// laxer policy (or a template, a tiering method, a schedule; added or retired a line) at once, so
// the second administrator's approval was optional. Now each is 409 and nothing changes; a sole
// administrator (the bootstrap) still changes the catalogue directly. Mocks, SQLite, PostgreSQL.

const step = { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation'] };

/** Each direct route with a body it would accept from a sole administrator, and the status it answers then. */
const directChanges: [string, unknown, number][] = [
  ['/api/policies', mortgagePolicy({ key: 'direct-policy' }), 201],
  ['/api/templates', { key: 'direct-lab', name: 'Direct lab', riskTiers: [4], businessLines: ['Mortgages'], staleApprovals: 'every_change', steps: [step] }, 201],
  ['/api/risk-tiering-methods', { ...weightedScorecard, replacesVersion: 1 }, 201],
  ['/api/revalidation-schedules', { months: { '1': 6, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 }, 201],
  ['/api/business-lines', { label: 'Direct desk' }, 201],
  ['/api/business-lines/wealth%20management/retire', {}, 200],
];

/** The catalogue as the routes list it, and the whole audit log. */
async function snapshot(admin: Client) {
  const read = async (path: string) => {
    const reply = await admin.get(path);
    expectStatus(reply, 200);
    return reply.body;
  };
  return {
    policies: policyListSchema.parse(await read('/api/policies')).items,
    templates: templateListSchema.parse(await read('/api/templates')).items,
    methods: tieringMethodListSchema.parse(await read('/api/risk-tiering-methods')).items,
    schedules: revalidationScheduleListSchema.parse(await read('/api/revalidation-schedules')).items,
    lines: businessLineListSchema.parse(await read('/api/business-lines')).items,
    audit: auditPageSchema.parse(await read('/api/audit?limit=200')).items.map((e) => [e.seq, e.action]),
  };
}

function expectProposalRequired(reply: Reply, path: string) {
  expect(reply.status, path).toBe(409);
  expect(reply.contentType).toMatch(/application\/problem\+json/);
  expect(reply.body).toMatchObject({ type: problemTypes.catalogueProposalRequired, status: 409, detail: expect.stringMatching(/needs a second administrator: propose it/) as unknown });
}

async function withoutDeputy(target: Target): Promise<void> {
  // No route takes the administrator role away without a second administrator's approval (0175): the store does, as a setup step.
  await target.store.setUserRoles('usr_admin_deputy', ['model_owner']);
}

export const directCatalogueScenarios: Scenario[] = [
  {
    name: 'catalogue direct routes (0182): with two administrators every direct change is 409 catalogue-proposal-required, and neither the catalogue nor the audit log changes',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      // The admin pages' buttons read this from the session (0192, third amendment); others are not told.
      expect((await admin.get('/api/session')).body).toMatchObject({ catalogueNeedsSecondAdministrator: true });
      const owner = await admin.colleague('owner@example.com');
      expect((await owner.get('/api/session')).body).not.toHaveProperty('catalogueNeedsSecondAdministrator');
      const before = await snapshot(admin);
      for (const [path, body] of directChanges) expectProposalRequired(await admin.post(path, body), path);
      // Concurrent attempts fare no better.
      const racing = await Promise.all(directChanges.map(([path, body]) => admin.post(path, body)));
      racing.forEach((reply, i) => expectProposalRequired(reply, directChanges[i]?.[0] ?? ''));
      expect(await snapshot(admin)).toEqual(before);
      expect(await target.store.listPendingCatalogueProposals(new Date(0).toISOString())).toEqual([]);
    },
  },
  {
    name: 'catalogue direct routes (0182): a sole administrator still changes the catalogue directly (the bootstrap), audited as its actor',
    async run(target) {
      await withoutDeputy(target);
      const admin = await signedIn(target, 'admin@example.com');
      expect((await admin.get('/api/session')).body).toMatchObject({ catalogueNeedsSecondAdministrator: false });
      for (const [path, body, status] of directChanges) expectStatus(await admin.post(path, body), status);
      const after = await snapshot(admin);
      expect(after.policies.find((e) => e.policy.key === 'direct-policy')).toMatchObject({ current: true, publishedBy: { id: 'usr_admin' } });
      expect(after.templates.map((e) => e.template.key)).toContain('direct-lab');
      expect(after.methods.find((m) => m.current)?.method).toMatchObject({ version: 2, name: weightedScorecard.name });
      expect(after.schedules.at(-1)).toMatchObject({ version: 2, publishedBy: { id: 'usr_admin' } });
      expect(after.lines.find((l) => l.key === 'direct desk')?.retiredAt).toBeNull();
      expect(after.lines.find((l) => l.key === 'wealth management')?.retiredAt).not.toBeNull();
    },
  },
];
