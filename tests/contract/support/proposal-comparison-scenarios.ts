import { expect } from 'vitest';
import { businessLineKey } from '#domain/text/business-line.ts';
import { catalogueProposalListSchema } from '#api/catalogue-proposals/contract.ts';
import { templateVersionEntrySchema } from '#domain/contracts/template-admin.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { mortgagePolicy } from './policy-scenarios.ts';
import { changeCatalogue, propose } from './catalogue-proposals.ts';

// An adversary's LOW finding (0182's amendment, docs/decisions/0192): the approval card named
// neither the version a change replaces nor what it loosens, so a laxer version read like any
// other. Each proposal now answers the version it replaces (in the change's own form, for a
// diff) and the controls it weakens; names in its summary are shown without bidi controls.

export const proposalComparisonScenarios: Scenario[] = [
  {
    name: 'proposal comparison (0192): a proposal names the version it replaces, that version in full, and the controls it weakens; a new key or a stricter version weakens none; names shown without bidi controls',
    async run(target) {
      const strict = mortgagePolicy({ key: 'mortgage-compared', scope: { riskTiers: [2], businessLines: ['Mortgages'] }, requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }] });
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const fresh = await propose(admin, { kind: 'publish_policy', change: strict });
      expect(fresh).toMatchObject({ replacesVersion: null, current: null, weakens: [] });
      expectStatus(await deputy.post(`/api/catalogue-proposals/${fresh.id}/rejection`, null), 200);
      await changeCatalogue(target, { kind: 'publish_policy', change: { ...strict, replacesVersion: 0 } });

      const lax = { ...strict, name: 'Mortgage \u202Eredit\u202C models', replacesVersion: 1, onBlockingFailure: 'enter_review_flagged' as const, metrics: [{ metric: 'auc' as const, operator: '>=' as const, value: 0.6, enforcement: 'advisory' as const }], requiredSections: [] };
      const filed = await propose(admin, { kind: 'publish_policy', change: lax });
      const listed = catalogueProposalListSchema.parse((await deputy.get('/api/catalogue-proposals')).body).items.find((p) => p.id === filed.id);
      const { replacesVersion: _r, ...strictBody } = { ...strict, replacesVersion: 0 };
      expect(listed).toMatchObject({ replacesVersion: 1, current: strictBody });
      expect(listed?.weakens.map((w) => w.field)).toEqual(['/onBlockingFailure', '/metrics/0/enforcement', '/metrics/0/value', '/metrics/1', '/requiredSections/0']);
      expect(listed?.summary).toBe('Publish governance policy "Mortgage redit models" (mortgage-compared, replacing version 1)');
      // The content itself, and its hash, keep every character.
      expect(listed?.content).toMatchObject({ change: { name: lax.name } });

      const stricter = await propose(admin, { kind: 'publish_policy', change: { ...strict, replacesVersion: 1, metrics: [{ metric: 'auc', operator: '>=', value: 0.8, enforcement: 'blocking' }, ...strict.metrics.slice(1)] } });
      expect(stricter).toMatchObject({ replacesVersion: 1, weakens: [] });

      const schedule = await propose(admin, { kind: 'publish_revalidation_schedule', change: { months: { '1': 36, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 } });
      expect(schedule.replacesVersion).toBe(1);
      expect(schedule.weakens.map((w) => w.field)).toContain('/months/1');

      // A line with packages filed under it: retiring it is listed with their number.
      const packages = await target.store.listPackages();
      const lines = (await target.store.listBusinessLines()).filter((l) => l.retiredAt === null);
      const used = lines.find((l) => packages.some((p) => businessLineKey(p.businessLine) === l.key));
      if (!used) throw new Error('The demo files packages under a listed line');
      const count = packages.filter((p) => businessLineKey(p.businessLine) === used.key).length;
      const retire = await propose(admin, { kind: 'retire_business_line', change: { key: used.key } });
      expect(retire).toMatchObject({ replacesVersion: null, current: { key: used.key, label: used.label, packages: count } });
      // The line's packages first; then any policy or template naming it (0192's amendment).
      expect(retire.weakens.filter((w) => w.message.includes('filed under'))).toHaveLength(1);
      expect(retire.weakens[0]?.message).toContain(`${count} ${count === 1 ? 'package is' : 'packages are'} filed under "${used.label}"`);
    },
  },
  {
    name: 'proposal comparison (0192 amendment): a new key names the packages it takes from the policy or template that applies today and what they lose; retiring a line names the policies written for it; a template that stops naming a line lists the packages it lets fall and what they lose',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const listed = async (id: string) => catalogueProposalListSchema.parse((await deputy.get('/api/catalogue-proposals')).body).items.find((p) => p.id === id);

      const step = { key: 'model_risk', name: 'Model risk management', role: 'model_risk' as const, approvalsRequired: 1, dueHours: 120, sections: ['evaluation'] };
      const lite = await propose(admin, { kind: 'publish_template', change: { key: 'mortgage-lite', name: 'Mortgages, one step', riskTiers: [1], businessLines: ['Mortgages'], staleApprovals: 'responsible_sections', steps: [step] } });
      const template = await listed(lite.id);
      expect(template).toMatchObject({ replacesVersion: null, current: null });
      expect(template?.weakens).toHaveLength(1);
      expect(template?.weakens[0]?.message).toMatch(/^Takes tier-1 Mortgages packages from tier-1 v\d+: the step "[^"]+" \([a-z ]+\) is removed/);

      const strict = mortgagePolicy({ key: 'mortgage-displaced', scope: { riskTiers: [4], businessLines: ['Mortgages'] }, requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }] });
      await changeCatalogue(target, { kind: 'publish_policy', change: { ...strict, replacesVersion: 0 } });
      const binary = await propose(admin, { kind: 'publish_policy', change: { ...strict, key: 'mortgage-binary', scope: { ...strict.scope, modelTypes: ['binary_classification'] }, requiredSections: [], replacesVersion: 0 } });
      const policy = await listed(binary.id);
      expect(policy?.weakens).toEqual([{ field: '/scope', message: 'Takes tier-4 Mortgages binary classification packages from mortgage-displaced v1: the section validation_findings is no longer required' }]);

      const retire = await propose(admin, { kind: 'retire_business_line', change: { key: businessLineKey('Mortgages') } });
      expect(retire.weakens.map((w) => w.message)).toContain('Policy mortgage-displaced v1 names this line; its packages would no longer reach it');

      // Third amendment (M-A): consumer-credit narrowed to Mortgages lets Consumer lending packages
      // fall to the tier chains, losing Fair lending (and, at tier 2, the committee).
      const credit = templateVersionEntrySchema.parse((await admin.get('/api/templates/consumer-credit/versions/1')).body).template;
      const { version: _version, ...creditBody } = credit;
      const narrowed = await propose(admin, { kind: 'publish_template', change: { ...creditBody, businessLines: ['Mortgages'], replacesVersion: 1 } });
      const lost = (await listed(narrowed.id))?.weakens ?? [];
      expect(lost[0]).toEqual({ field: '/businessLines', message: 'Applies to fewer business lines: no longer Consumer lending' });
      const falls = lost.map((w) => w.message).filter((m) => m.includes('Consumer lending packages fall to'));
      expect(falls).toEqual([expect.stringMatching(/^Tier-1 Consumer lending packages fall to tier-1 v\d+: .*"Fair lending" \(fair lending\) is removed/), expect.stringMatching(/^Tier-2 Consumer lending packages fall to tier-2-3 v\d+: .*"Fair lending" \(fair lending\) is removed; the step "AI governance committee" \(committee\) is removed/)]);
    },
  },
];
