import { expect } from 'vitest';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { businessLineListSchema, businessLineSchema } from '#domain/contracts/business-lines.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Client, Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { rejectClinical, revised } from './resubmission-scenarios.ts';
import { unlistedLineScenarios } from './unlisted-line-scenarios.ts';
import { lineAddedLaterScenarios } from './line-added-later-scenarios.ts';
import { catalogueLockScenarios } from './catalogue-lock-scenarios.ts';
import { addBusinessLines } from './add-business-lines.ts';
import { changeAsDirect, refusalOf } from './catalogue-proposals.ts';

// The organisation's business lines as a closed list, and the model type fixed at the first
// version (docs/decisions/0168), against the mocks, SQLite and PostgreSQL. Each replays an
// adversary's escape from a line's or a type's policy found on 535c070.

type Problem = { pointer: string; message: string; code?: string };
const errorsOf = (reply: Reply) => (reply.body as { errors?: Problem[] }).errors ?? [];

/** The failing demo credit model (disparate impact 0.78) under another model key and business line. */
function creditPackage(modelKey: string, businessLine: string, versionLabel = '1.0'): { modelKey: string; versionLabel: string; content: PackageContent } {
  const content = structuredClone(retailCreditPdV1);
  const id = content.sections[0];
  if (id?.kind !== 'identification') throw new Error('identification first');
  Object.assign(id, { modelKey, versionLabel, businessLine });
  return { modelKey, versionLabel, content };
}

const packageCount = async (client: Client) => ((await client.get('/api/packages')).body as { items: unknown[] }).items.length;
const linesOf = async (client: Client) => businessLineListSchema.parse((await client.get('/api/business-lines')).body).items;

export const businessLineScenarios: Scenario[] = [
  ...unlistedLineScenarios,
  ...lineAddedLaterScenarios,
  ...catalogueLockScenarios,
  {
    name: 'business lines: a package naming a line not on the list (another name, a Latin look-alike, an invisible character) is refused at its field with the known lines; nothing is stored',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const before = await packageCount(owner);
      const escapes = ['Consumer credit', 'Consumer\u2800lending', 'Consumer lending\u2800'];
      for (const [i, line] of escapes.entries()) {
        const reply = await owner.post('/api/packages', creditPackage(`pd-escape-${i}`, line));
        expectStatus(reply, 422);
        const [problem, ...rest] = errorsOf(reply);
        expect(rest, line).toEqual([]);
        expect([problem?.pointer, problem?.code], line).toEqual(['/content/sections/0/businessLine', 'unknown_business_line']);
        expect(problem?.message, line).toContain('"Consumer lending"');
        expect(problem?.message, line).toContain('"Mortgages"');
      }
      // Another case of a listed line is that line, spelled as the list spells it (0164).
      // A look-alike by Unicode's confusables (a click letter, a small capital: 0176) too.
      for (const [i, line] of ['consumer lending', 'Consumer \u01c0ending', 'C\u1d0fnsumer lending', 'Consumer lending\u02d9'].entries()) {
        const respelled = await owner.post('/api/packages', creditPackage(`pd-escape-lower-${i}`, line));
        expect(errorsOf(respelled).map((e) => [e.pointer, e.code]), line).toEqual([['/content/sections/0/businessLine', 'business_line_spelling']]);
      }
      expect(await packageCount(owner)).toBe(before);
      // The list's own spelling goes in.
      expectStatus(await owner.post('/api/packages', creditPackage('pd-listed', 'Consumer lending')), 201);
    },
  },
  {
    name: 'business lines: an administrator adds a line (audited) and packages may name it; a second spelling, a look-alike or a symbol is refused at /label; two adding one line at once get one line',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post('/api/packages', creditPackage('auto-before', 'Auto loans')), 422);

      const [first, second] = await Promise.all([changeAsDirect(target, '/api/business-lines', { label: 'Auto loans' }), changeAsDirect(target, '/api/business-lines', { label: 'auto  loans' })]);
      // Both proposals may pass when filed; then the second approval finds the line taken (409).
      const loser = first.status === 201 ? second : first;
      expect([first.status, second.status]).toContain(201);
      expect(refusalOf(loser)).toMatch(loser.status === 422 ? /^\/change\/label business_line_exists/ : /^409 .*no longer passes its checks.*already on the list/);
      const added = businessLineSchema.parse((first.status === 201 ? first : second).body);
      expect(added).toMatchObject({ key: 'auto loans', retiredAt: null });
      expect((await linesOf(owner)).filter((l) => l.key === 'auto loans')).toHaveLength(1);

      for (const [label, code] of [['Auto Ioans', 'business_line_look_alike'], ['Auto-loans', 'business_line_look_alike'], ['Aut\u1d0f l\u1d0fans', 'business_line_look_alike'], ['Auto \u0269oans', 'business_line_look_alike'], ['Auto\u2800loans', 'business_line_spelling'], ['Аuto loans', 'business_line_spelling'], ['   ', undefined]] as const) {
        const reply = await changeAsDirect(target, '/api/business-lines', { label });
        expectStatus(reply, 422);
        expect(errorsOf(reply).map((e) => e.pointer), label).toEqual(['/change/label']);
        if (code) expect(errorsOf(reply)[0]?.code, label).toBe(code);
      }
      expectStatus(await owner.post('/api/business-lines', { label: 'Owner line' }), 403);
      expect((await linesOf(owner)).map((l) => l.label)).not.toContain('Owner line');

      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=business_line.added')).body);
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ action: 'business_line.added', subject: 'auto loans', actorId: 'usr_admin_deputy', before: null, after: { key: 'auto loans', label: added.label } });
      expectStatus(await owner.post('/api/packages', creditPackage('auto-after', added.label)), 201);
    },
  },
  {
    name: 'business lines: a retired line takes no new package, policy or template; a package filed under it keeps it; retiring twice is a conflict',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      await addBusinessLines(target, 'Leasing');
      expectStatus(await owner.post('/api/packages', creditPackage('leasing-1', 'Leasing')), 201);
      const retired = await changeAsDirect(target, `/api/business-lines/${encodeURIComponent('leasing')}/retire`, {});
      expectStatus(retired, 200);
      expect(businessLineSchema.parse(retired.body).retiredAt).not.toBeNull();
      expectStatus(await changeAsDirect(target, '/api/business-lines/leasing/retire', {}), 409);
      expectStatus(await changeAsDirect(target, '/api/business-lines/no%20such%20line/retire', {}), 404);
      expectStatus(await owner.post('/api/business-lines/leasing/retire', {}), 403);

      const refused = await owner.post('/api/packages', creditPackage('leasing-2', 'Leasing'));
      expect(errorsOf(refused).map((e) => [e.pointer, e.code])).toEqual([['/content/sections/0/businessLine', 'unknown_business_line']]);
      expect(errorsOf(refused)[0]?.message).toMatch(/retired/);
      const policy = await changeAsDirect(target, '/api/policies', { key: 'leasing', name: 'Leasing', scope: { riskTiers: [1], businessLines: ['Leasing'] }, onBlockingFailure: 'refuse', metrics: [{ metric: 'auc', operator: '>=', value: 0.5, enforcement: 'blocking' }], subgroupMetrics: [], requiredSections: [] });
      expect(errorsOf(policy).map((e) => [e.pointer, e.code])).toEqual([['/change/scope/businessLines/0', 'unknown_business_line']]);
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=business_line.retired')).body);
      expect(audit.items[0]).toMatchObject({ subject: 'leasing', before: { label: 'Leasing' }, after: { label: 'Leasing' } });
      // The package filed under it still reads its line.
      expect((await linesOf(owner)).find((l) => l.key === 'leasing')?.retiredAt).not.toBeNull();
    },
  },
  {
    name: 'business lines: a policy or a template scoped to a line not on the list is refused at the line’s field; nothing is published',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const policies = async () => ((await admin.get('/api/policies')).body as { items: unknown[] }).items.length;
      const templates = async () => ((await admin.get('/api/templates')).body as { items: unknown[] }).items.length;
      const [p0, t0] = [await policies(), await templates()];
      const policy = await changeAsDirect(target, '/api/policies', { key: 'credit-lax', name: 'Consumer credit', scope: { riskTiers: [1, 2], businessLines: ['Mortgages', 'Consumer credit'] }, onBlockingFailure: 'refuse', metrics: [{ metric: 'auc', operator: '>=', value: 0.5, enforcement: 'blocking' }], subgroupMetrics: [], requiredSections: [] });
      expectStatus(policy, 422);
      expect(errorsOf(policy).map((e) => [e.pointer, e.code])).toEqual([['/change/scope/businessLines/1', 'unknown_business_line']]);
      const step = { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation'] };
      const template = await changeAsDirect(target, '/api/templates', { key: 'lab', name: 'Lab', riskTiers: [4], businessLines: ['Research lab'], staleApprovals: 'every_change', steps: [step] });
      expectStatus(template, 422);
      expect(errorsOf(template).map((e) => [e.pointer, e.code])).toEqual([['/change/businessLines/0', 'unknown_business_line']]);
      expect([await policies(), await templates()]).toEqual([p0, t0]);
    },
  },
  {
    name: 'a new package of a model already filed keeps the model’s business line and model type (business_line_changed, model_type_changed at their fields); nothing is stored',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post('/api/packages', creditPackage('pd-kept', 'Consumer lending')), 201);
      const before = await packageCount(owner);
      // The next version filed as a new package under a line with no fair-lending policy or step.
      const moved = await owner.post('/api/packages', creditPackage('pd-kept', 'Mortgages', '2.0'));
      expectStatus(moved, 422);
      expect(errorsOf(moved).map((e) => [e.pointer, e.code])).toEqual([['/content/sections/0/businessLine', 'business_line_changed']]);
      expect(errorsOf(moved)[0]?.message).toContain('"Consumer lending"');
      // Or as another model type, which another policy may cover.
      const retyped = creditPackage('pd-kept', 'Consumer lending', '2.0');
      const section = retyped.content.sections[0];
      if (section?.kind !== 'identification') throw new Error('identification first');
      section.modelType = 'regression';
      const reply = await owner.post('/api/packages', retyped);
      expectStatus(reply, 422);
      expect(errorsOf(reply).map((e) => [e.pointer, e.code])).toEqual([['/content/sections/0/modelType', 'model_type_changed']]);
      expect(await packageCount(owner)).toBe(before);
      // The same line and type go in; another model key is another model.
      expectStatus(await owner.post('/api/packages', creditPackage('pd-kept', 'Consumer lending', '2.0')), 201);
      expectStatus(await owner.post('/api/packages', creditPackage('pd-other', 'Mortgages')), 201);
    },
  },
  {
    name: 'model type: a new package states it, and a resubmission changing or dropping the first version’s type is refused (model_type_changed); nothing is stored',
    async run(target) {
      const clinical = 'pkg_clinical_deterioration_risk';
      await rejectClinical(target);
      const owner = await signedIn(target, 'owner@example.com');
      const versions = async () => ((await owner.get(`/api/packages/${clinical}`)).body as { versions: unknown[] }).versions.length;
      const before = await versions();
      const content = await revised(owner, clinical, 1, 'Calibration by decile added.');
      const id = content.sections[0];
      if (id?.kind !== 'identification') throw new Error('identification first');
      expect(id.modelType).toBe('binary_classification');
      for (const modelType of ['regression', undefined] as const) {
        const changed = structuredClone(content);
        const section = changed.sections[0];
        if (section?.kind !== 'identification') throw new Error('identification first');
        if (modelType) section.modelType = modelType;
        else delete section.modelType;
        const reply = await owner.post(`/api/packages/${clinical}/versions`, { content: changed, answers: [] });
        expectStatus(reply, 422);
        expect(errorsOf(reply).map((e) => [e.pointer, e.code]), String(modelType)).toEqual([['/content/sections/0/modelType', 'model_type_changed']]);
      }
      expect(await versions()).toBe(before);

      const untyped = creditPackage('pd-untyped', 'Consumer lending');
      const section = untyped.content.sections[0];
      if (section?.kind === 'identification') delete section.modelType;
      const reply = await owner.post('/api/packages', untyped);
      expect(errorsOf(reply).map((e) => [e.pointer, e.code])).toEqual([['/content/sections/0/modelType', 'model_type_required']]);
    },
  },
];
