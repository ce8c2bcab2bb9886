import { expect } from 'vitest';
import { retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { packageVersionSchema } from '#domain/contracts/packages.ts';
import { policyListSchema, type PolicyEvaluation, type PublishPolicyRequest } from '#domain/contracts/policies.ts';
import type { ModelType } from '#domain/contracts/sections.ts';
import type { Client, Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// Model-type scopes and evidence requirements (docs/decisions/0157) against the mocks, SQLite
// and PostgreSQL. Like the other policy scenarios they keep to a business line of their own
// (mortgages), so that no demo policy shares a scope with them.

type Problem = { pointer: string; message: string; code?: string };
const errorsOf = (reply: Reply) => (reply.body as { errors?: Problem[] }).errors ?? [];

const lenient: PublishPolicyRequest = {
  key: 'mortgage-credit',
  name: 'Mortgage credit models',
  scope: { riskTiers: [1], businessLines: ['Mortgages'] },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.5, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [],
};

const validationReport = { key: 'independent-validation-report', label: 'Independent validation report', needsLink: true } as const;

/** The retail credit resubmission re-labelled as a mortgage model of the given type (none: the field left out). */
function mortgagePackage(modelKey: string, modelType: ModelType | undefined, change?: (content: PackageContent) => void) {
  const content = structuredClone(retailCreditPdV2);
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = modelKey;
  id.versionLabel = '1.0';
  id.businessLine = 'Mortgages';
  delete id.modelType;
  if (modelType) id.modelType = modelType;
  change?.(content);
  return { modelKey, versionLabel: '1.0', content };
}

function citeValidationReport(url: string | undefined) {
  return (content: PackageContent) => {
    const references = content.sections.find((s) => s.kind === 'references');
    if (references?.kind !== 'references') throw new Error('references');
    references.references.push({ key: 'independent-validation-report', framework: 'Internal model validation', citation: 'Validation report VR-2024-031', ...(url ? { url } : {}), relevance: 'Independent validation of the model.' });
  };
}

async function submitted(owner: Client, body: unknown): Promise<PolicyEvaluation | null> {
  const reply = await owner.post('/api/packages', body);
  expectStatus(reply, 201);
  const id = (reply.body as { package: { id: string } }).package.id;
  return packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/1`)).body).policy;
}

const policyCount = async (admin: Client) => policyListSchema.parse((await admin.get('/api/policies')).body).items.length;
const packageCount = async (client: Client) => ((await client.get('/api/packages')).body as { items: unknown[] }).items.length;

export const policyScopeScenarios: Scenario[] = [
  {
    name: 'policies: a policy naming the model type wins over the line policy for packages of that type; others keep the line policy; a package stating none is refused',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', lenient), 201);
      const strict = { ...lenient, key: 'mortgage-scorecards', name: 'Mortgage scorecards', scope: { ...lenient.scope, modelTypes: ['binary_classification'] }, metrics: [{ metric: 'auc', operator: '>=', value: 0.99, enforcement: 'blocking' }] };
      expectStatus(await changeAsDirect(target, '/api/policies', strict), 201);

      const refused = await owner.post('/api/packages', mortgagePackage('mortgage-scorecard', 'binary_classification'));
      expectStatus(refused, 422);
      expect((refused.body as { detail: string }).detail).toMatch(/mortgage-scorecards version 1/);
      expect(await submitted(owner, mortgagePackage('mortgage-regression', 'regression'))).toMatchObject({ policy: { key: 'mortgage-credit', version: 1 }, outcome: 'pass' });
      // A new package states its type (docs/decisions/0168): leaving it out no longer escapes the type's policy.
      const untyped = await owner.post('/api/packages', mortgagePackage('mortgage-untyped', undefined));
      expectStatus(untyped, 422);
      expect(errorsOf(untyped).map((e) => [e.pointer, e.code])).toEqual([['/content/sections/0/modelType', 'model_type_required']]);
    },
  },
  {
    name: 'policies: a scope that would tie with another for some package is refused at its field, naming the other policy; a policy naming both separates them',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const mortgageTier4 = { ...lenient, scope: { riskTiers: [4], businessLines: ['Mortgages'] } };
      expectStatus(await changeAsDirect(target, '/api/policies', { ...mortgageTier4, scope: { ...mortgageTier4.scope, modelTypes: ['generative', 'ranking'] } }), 201);
      const before = await policyCount(admin);

      // Two policies naming the line and a model type in common.
      const sameLevel = await changeAsDirect(target, '/api/policies', { ...mortgageTier4, key: 'mortgage-ranking', scope: { ...mortgageTier4.scope, modelTypes: ['ranking'] } });
      expectStatus(sameLevel, 422);
      expect(errorsOf(sameLevel).map((e) => [e.pointer, e.code])).toEqual([['/change/scope/modelTypes', 'scope_overlap']]);
      expect(errorsOf(sameLevel)[0]?.message).toMatch(/"Mortgage credit models" \(mortgage-credit\).*tier 4 package in business line "Mortgages" with model type ranking/);

      // One naming the line only against one naming the type only: a forecasting mortgage model would have both.
      expectStatus(await changeAsDirect(target, '/api/policies', { ...mortgageTier4, key: 'mortgage-any', scope: { riskTiers: [4], businessLines: ['Mortgages'] } }), 201);
      const typeOnly = { ...lenient, key: 'forecasting', name: 'Forecasting models', scope: { riskTiers: [4], modelTypes: ['forecasting'] } };
      const crossed = await changeAsDirect(target, '/api/policies', typeOnly);
      expectStatus(crossed, 422);
      const tie = errorsOf(crossed).find((e) => e.message.includes('(mortgage-any)'));
      expect([tie?.pointer, tie?.code]).toEqual(['/change/scope/modelTypes', 'scope_overlap']);
      expect(tie?.message).toMatch(/"Mortgages" with model type forecasting/);
      expect(await policyCount(admin)).toBe(before + 1);

      // A policy naming both the line and the type decides for those packages: the tie with the mortgage policy is gone.
      expectStatus(await changeAsDirect(target, '/api/policies', { ...mortgageTier4, key: 'mortgage-forecasting', scope: { riskTiers: [4], businessLines: ['Mortgages'], modelTypes: ['forecasting'] } }), 201);
      const separated = await changeAsDirect(target, '/api/policies', typeOnly);
      expect(errorsOf(separated).filter((e) => /mortgage/.test(e.message))).toEqual([]);
    },
  },
  {
    name: 'policies: a blocking evidence requirement nothing cites refuses the submission, naming the policy version and the requirement; nothing is stored',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', { ...lenient, requiredEvidence: [{ ...validationReport, enforcement: 'blocking' }] }), 201);
      const before = await packageCount(owner);
      const refused = await owner.post('/api/packages', mortgagePackage('mortgage-evidence', 'binary_classification'));
      expectStatus(refused, 422);
      expect((refused.body as { detail: string }).detail).toMatch(/mortgage-credit version 1/);
      const referencesIndex = retailCreditPdV2.sections.findIndex((s) => s.kind === 'references');
      expect(errorsOf(refused).map((e) => [e.pointer, e.code])).toEqual([[`/content/sections/${referencesIndex}/references`, 'policy_missing']]);
      expect(errorsOf(refused)[0]?.message).toMatch(/^Evidence "Independent validation report" is required and not cited.*mortgage-credit version 1, blocking\)$/);
      // Cited without the link the policy asks for: a failure at the reference's url.
      const unlinked = await owner.post('/api/packages', mortgagePackage('mortgage-evidence', 'binary_classification', citeValidationReport(undefined)));
      expectStatus(unlinked, 422);
      expect(errorsOf(unlinked).map((e) => e.code)).toEqual(['policy_failed']);
      expect(errorsOf(unlinked)[0]?.pointer).toMatch(new RegExp(`^/content/sections/${referencesIndex}/references/\\d+/url$`));
      expect(await packageCount(owner)).toBe(before);

      const evaluation = await submitted(owner, mortgagePackage('mortgage-evidence', 'binary_classification', citeValidationReport('https://mrm.example/reports/vr-2024-031')));
      expect(evaluation?.outcome).toBe('pass');
      expect(evaluation?.checks.find((c) => c.kind === 'evidence')).toMatchObject({ subject: 'independent-validation-report', status: 'pass', evidence: { label: 'Independent validation report', needsLink: true, reference: { key: 'independent-validation-report' } } });
    },
  },
  {
    name: 'policies: an advisory evidence requirement nothing cites lets the package in, the requirement listed as missing',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', { ...lenient, requiredEvidence: [{ ...validationReport, enforcement: 'advisory' }] }), 201);
      const evaluation = await submitted(owner, mortgagePackage('mortgage-advisory', 'regression'));
      expect(evaluation?.outcome).toBe('pass');
      expect(evaluation?.checks.find((c) => c.kind === 'evidence')).toMatchObject({ subject: 'independent-validation-report', status: 'missing', enforcement: 'advisory' });
    },
  },
  {
    name: 'policies: evidence requirements and model types that are malformed are refused with their field paths, nothing published',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const before = await policyCount(admin);
      const evidence = { ...validationReport, enforcement: 'blocking' };
      const cases: [unknown, string[]][] = [
        [{ ...lenient, requiredEvidence: [evidence, evidence] }, ['/change/requiredEvidence/1']],
        [{ ...lenient, requiredEvidence: [{ ...evidence, label: ' ' }] }, ['/change/requiredEvidence/0/label']],
        [{ ...lenient, requiredEvidence: [{ ...evidence, needsLink: 'yes' }] }, ['/change/requiredEvidence/0/needsLink']],
        [{ ...lenient, scope: { ...lenient.scope, modelTypes: ['llm'] } }, ['/change/scope/modelTypes/0']],
        [{ ...lenient, metrics: [], requiredEvidence: [] }, ['/change/metrics']],
      ];
      for (const [body, expected] of cases) {
        const reply = await changeAsDirect(target, '/api/policies', body);
        expectStatus(reply, 422);
        expect(errorsOf(reply).map((e) => e.pointer), JSON.stringify(body)).toEqual(expected);
      }
      expect(await policyCount(admin)).toBe(before);
    },
  },
];
