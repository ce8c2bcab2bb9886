import { expect } from 'vitest';
import { templateListSchema, templateVersionEntrySchema, type TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { demoPackages } from '#demo/index.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { addBusinessLines } from './add-business-lines.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// Workflow template administration against the mocks, SQLite and PostgreSQL, on fresh demo
// data (the four built-in templates at version 1; the retail credit package uses
// consumer-credit v1). Publishing makes a new version; packages keep the one they started under.

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string; message: string }[] }).errors ?? []).map((e) => e.pointer);

function entryOf(reply: Reply, status: number): TemplateVersionEntry {
  expectStatus(reply, status);
  const parsed = templateVersionEntrySchema.safeParse(reply.body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return reply.body as TemplateVersionEntry;
}

/** Tier 4 with one step: a valid request to start from. */
function tier4Request() {
  return {
    key: 'tier-4',
    name: 'Tier 4 (experimental) models',
    riskTiers: [4],
    staleApprovals: 'every_change',
    steps: [{ key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation', 'limitations_risks'] }],
    emergencyRoles: ['committee'],
  };
}

function tier4Package(versionLabel: string): PackageContent {
  const content = structuredClone(demoPackages[1]?.versions[0]);
  if (!content) throw new Error('demo clinical package missing');
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = 'experimental-triage';
  id.versionLabel = versionLabel;
  id.riskTier = 4;
  return content;
}

export const templateScenarios: Scenario[] = [
  {
    name: 'templates: anyone signed in lists every version with the packages that use it',
    async run(target) {
      const reviewer = await signedIn(target, 'fair-lending@example.com');
      const reply = await reviewer.get('/api/templates');
      expectStatus(reply, 200);
      const parsed = templateListSchema.safeParse(reply.body);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const items = templateListSchema.parse(reply.body).items;
      expect(items.map((i) => [i.template.key, i.template.version, i.current])).toEqual([
        ['consumer-credit', 1, true],
        ['tier-1', 1, true],
        ['tier-2-3', 1, true],
        ['tier-4', 1, true],
      ]);
      expect(items[0]?.usedBy.map((u) => u.id)).toContain('pkg_retail_credit_pd');
      expect(items[0]?.publishedBy).toBeNull();

      const one = entryOf(await reviewer.get('/api/templates/tier-1/versions/1'), 200);
      expect(one.template.steps.map((s) => s.role)).toEqual(['data_governance', 'model_risk', 'privacy', 'committee']);
      expectStatus(await reviewer.get('/api/templates/tier-1/versions/9'), 404);
      expectStatus(await reviewer.get('/api/templates/no-such/versions/1'), 404);
    },
  },
  {
    name: 'templates: an administrator publishes the next version; it is audited, and only new packages get it',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post('/api/packages', { modelKey: 'experimental-triage', versionLabel: '0.1', content: tier4Package('0.1') }), 201);
      await addBusinessLines(target, 'Research lab');

      const created = entryOf(await changeAsDirect(target, '/api/templates', tier4Request()), 201);
      expect(created.template).toMatchObject({ key: 'tier-4', version: 2, emergencyRoles: ['committee'] });
      expect(created.current).toBe(true);
      expect(created.usedBy).toEqual([]);
      expect(created.publishedBy?.id).toBe('usr_admin_deputy');

      // The same definition again is not a new version.
      expectStatus(await changeAsDirect(target, '/api/templates', tier4Request()), 409);

      expectStatus(await owner.post('/api/packages', { modelKey: 'experimental-triage', versionLabel: '0.2', content: tier4Package('0.2') }), 201);
      const items = templateListSchema.parse((await admin.get('/api/templates')).body).items.filter((i) => i.template.key === 'tier-4');
      expect(items.map((i) => [i.template.version, i.current, i.usedBy.map((u) => u.versionLabel)])).toEqual([
        [2, true, ['0.2']],
        [1, false, ['0.1']],
      ]);

      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=template.version_created')).body);
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ action: 'template.version_created', subject: 'tier-4', actorId: 'usr_admin_deputy', before: { version: 1, emergencyRoles: [] }, after: { version: 2, emergencyRoles: ['committee'] } });

      // A new key starts at version 1.
      const fresh = entryOf(await changeAsDirect(target, '/api/templates', { ...tier4Request(), key: 'tier-4-lab', riskTiers: [4], businessLines: ['Research lab'] }), 201);
      expect(fresh.template).toMatchObject({ key: 'tier-4-lab', version: 1, businessLines: ['Research lab'] });
    },
  },
  {
    name: 'templates: bad templates are refused with a pointer per problem, and nothing is written',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      await addBusinessLines(target, 'Cards');
      const base = tier4Request();
      const step = base.steps[0];
      const cases: [unknown, string[]][] = [
        [{ ...base, steps: [] }, ['/change/steps']],
        [{ ...base, riskTiers: [] }, ['/change/riskTiers']],
        [{ ...base, steps: [{ ...step, role: undefined }] }, ['/change/steps/0/role']],
        [{ ...base, steps: [{ ...step, role: 'janitor' }] }, ['/change/steps/0/role']],
        [{ ...base, steps: [step, { ...step, name: 'Again' }] }, ['/change/steps/1/key']],
        [{ ...base, steps: [{ ...step, approvalsRequired: 0 }] }, ['/change/steps/0/approvalsRequired']],
        [{ ...base, steps: [{ ...step, sections: ['evaluation', 'horoscope'] }] }, ['/change/steps/0/sections/1']],
        // tier-1 already covers tier 1 for any business line.
        [{ ...base, key: 'tier-1-bis', riskTiers: [1] }, ['/change/riskTiers/0']],
        // consumer-credit already covers tier 2 for consumer lending.
        [{ ...base, key: 'cards', riskTiers: [2], businessLines: ['Cards', 'Consumer lending'] }, ['/change/businessLines/1']],
        // Blocking on medium findings but letting critical ones through; a severity twice; an unknown one.
        [{ ...base, blockingFindingSeverities: ['high', 'medium'] }, ['/change/blockingFindingSeverities']],
        [{ ...base, blockingFindingSeverities: ['critical', 'critical'] }, ['/change/blockingFindingSeverities']],
        [{ ...base, blockingFindingSeverities: ['severe'] }, ['/change/blockingFindingSeverities/0']],
      ];
      for (const [body, expected] of cases) {
        const reply = await changeAsDirect(target, '/api/templates', body);
        expectStatus(reply, 422);
        expect(pointers(reply), JSON.stringify(body)).toEqual(expected);
      }
      const items = templateListSchema.parse((await admin.get('/api/templates')).body).items;
      expect(items).toHaveLength(4);
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=template.version_created')).body);
      expect(audit.items).toHaveLength(0);
    },
  },
  {
    name: 'templates: only administrators publish',
    async run(target) {
      for (const email of ['committee@example.com', 'owner@example.com', 'model-risk@example.com']) {
        const client = await signedIn(target, email);
        expectStatus(await client.post('/api/templates', tier4Request()), 403);
      }
      const anonymous = await signedIn(target, 'admin@example.com');
      expectStatus(await anonymous.delete('/api/session'), 204);
      expectStatus(await anonymous.get('/api/templates'), 401);
      const admin = await signedIn(target, 'admin@example.com');
      expect(templateListSchema.parse((await admin.get('/api/templates')).body).items).toHaveLength(4);
    },
  },
  {
    name: 'templates: a version states which open findings block approval; the default (critical and high) is not stored, and the audit entry names the severities',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      await addBusinessLines(target, 'Strict lab');
      const strict = entryOf(await changeAsDirect(target, '/api/templates', { ...tier4Request(), key: 'tier-4-strict', businessLines: ['Strict lab'], blockingFindingSeverities: ['medium', 'critical', 'high'] }), 201);
      expect(strict.template.blockingFindingSeverities).toEqual(['critical', 'high', 'medium']);
      const lenient = entryOf(await changeAsDirect(target, '/api/templates', { ...tier4Request(), key: 'tier-4-strict', replacesVersion: 1, businessLines: ['Strict lab'], blockingFindingSeverities: [] }), 201);
      expect(lenient.template.blockingFindingSeverities).toEqual([]);
      const back = entryOf(await changeAsDirect(target, '/api/templates', { ...tier4Request(), key: 'tier-4-strict', replacesVersion: 2, businessLines: ['Strict lab'], blockingFindingSeverities: ['high', 'critical'] }), 201);
      expect(back.template.blockingFindingSeverities).toBeUndefined();
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=template.version_created')).body);
      const afters = audit.items.map((e) => (e.after as { version: number; blockingFindingSeverities?: string[] }));
      expect(afters.map((a) => [a.version, a.blockingFindingSeverities])).toEqual(
        expect.arrayContaining([
          [1, ['critical', 'high', 'medium']],
          [2, []],
          [3, ['critical', 'high']],
        ]),
      );
    },
  },
];
