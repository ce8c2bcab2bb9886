import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { routeList } from '#api/routes.ts';
import { demoPackages } from '#demo/index.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { Client, type Reply, type Target } from './client.ts';

// API scenarios run unchanged against the MSW mocks, the server on SQLite and the server
// on PostgreSQL. Each scenario gets a fresh target (fresh database, fresh demo data).

export interface Scenario {
  name: string;
  run(target: Target): Promise<void>;
}

interface Item {
  id: string;
  modelKey: string;
  status: string;
  riskTier: number;
  latestVersion: number;
  currentStep: { key: string; role: string } | null;
}

const items = (reply: Reply) => (reply.body as { items: Item[] }).items;
const errors = (reply: Reply) => (reply.body as { errors?: { pointer: string; message: string }[] }).errors ?? [];

function expectProblem(reply: Reply, status: number) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.contentType).toContain('application/problem+json');
  const body = reply.body as { status: number; title: string; type: string };
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(JSON.stringify(reply.body)).not.toMatch(/at .+\.ts:\d+/);
}

function clinical(): PackageContent {
  const content = demoPackages[1]?.versions[0];
  if (!content) throw new Error('demo clinical package missing');
  return structuredClone(content);
}

function asNewModel(content: PackageContent, modelKey: string, versionLabel: string): PackageContent {
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = modelKey;
  id.versionLabel = versionLabel;
  return content;
}

async function signedIn(target: Target, email: string): Promise<Client> {
  const client = new Client(target);
  const reply = await client.login(email);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return client;
}

async function packageByModel(client: Client, modelKey: string): Promise<Item> {
  const found = items(await client.get('/api/packages')).find((i) => i.modelKey === modelKey);
  if (!found) throw new Error(`no package for ${modelKey}`);
  return found;
}

export const scenarios: Scenario[] = [
  {
    name: 'health answers ok without a session',
    async run(target) {
      const reply = await new Client(target).get('/api/health');
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'ok' });
    },
  },
  {
    name: 'the OpenAPI document covers every route of the table',
    async run(target) {
      const reply = await new Client(target).get('/api/openapi.json');
      expect(reply.status).toBe(200);
      const doc = reply.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
      expect(doc.openapi).toBe('3.1.0');
      for (const route of routeList) expect(doc.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.id);
    },
  },
  {
    name: 'each demo account signs in, gets an HttpOnly SameSite cookie, and its roles',
    async run(target) {
      const expected: Record<string, string> = { 'owner@example.com': 'model_owner', 'data-governance@example.com': 'data_governance', 'model-risk@example.com': 'model_risk', 'fair-lending@example.com': 'fair_lending', 'committee@example.com': 'committee', 'admin@example.com': 'admin' };
      for (const [email, role] of Object.entries(expected)) {
        const client = new Client(target);
        const reply = await client.login(email.toUpperCase());
        expect(reply.status).toBe(200);
        const cookie = reply.headers.get('set-cookie') ?? '';
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).toMatch(/SameSite=Strict/);
        const session = await client.get('/api/session');
        expect(session.status).toBe(200);
        expect(session.body).toMatchObject({ user: { email, roles: [role] } });
      }
    },
  },
  {
    name: 'a wrong password and an unknown email get the same 401',
    async run(target) {
      const wrong = await new Client(target).login('owner@example.com', 'not-the-password');
      const unknown = await new Client(target).login('nobody@example.com', 'not-the-password');
      expectProblem(wrong, 401);
      expectProblem(unknown, 401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.headers.get('set-cookie')).toBeNull();
    },
  },
  {
    name: 'a malformed log-in names each field',
    async run(target) {
      const reply = await new Client(target).post('/api/session', { email: 'not-an-email', password: '' });
      expectProblem(reply, 422);
      expect(errors(reply).map((e) => e.pointer).sort()).toEqual(['/email', '/password']);
    },
  },
  {
    name: 'without a session the API answers 401, and the session route says nobody is signed in',
    async run(target) {
      const client = new Client(target);
      expectProblem(await client.get('/api/packages'), 401);
      const session = await client.get('/api/session');
      expect(session.status).toBe(200);
      expect(session.body).toEqual({ user: null });
      expectProblem(await client.post('/api/packages', { modelKey: 'x', versionLabel: '1', content: {} }), 401);
    },
  },
  {
    name: 'a reviewer sees the four demo packages where the demo story left them',
    async run(target) {
      const client = await signedIn(target, 'model-risk@example.com');
      const list = items(await client.get('/api/packages'));
      const byModel = Object.fromEntries(list.map((i) => [i.modelKey, i]));
      expect(list).toHaveLength(4);
      expect(byModel['retail-credit-pd']).toMatchObject({ status: 'in_review', latestVersion: 2, currentStep: { key: 'fair_lending' } });
      expect(byModel['clinical-deterioration-risk']).toMatchObject({ status: 'in_review', currentStep: { key: 'model_risk' } });
      expect(byModel['card-fraud-detection']).toMatchObject({ status: 'approved_with_conditions', currentStep: null });
      expect(byModel['support-assistant-llm']).toMatchObject({ status: 'clarification_requested', currentStep: { key: 'model_risk' } });
    },
  },
  {
    name: 'package list filters by status, risk tier, model and step role; a bad filter is a 400',
    async run(target) {
      const client = await signedIn(target, 'committee@example.com');
      expect(items(await client.get('/api/packages?status=approved_with_conditions')).map((i) => i.modelKey)).toEqual(['card-fraud-detection']);
      expect(items(await client.get('/api/packages?riskTier=2')).map((i) => i.modelKey).sort()).toEqual(['card-fraud-detection', 'support-assistant-llm']);
      expect(items(await client.get('/api/packages?stepRole=fair_lending')).map((i) => i.modelKey)).toEqual(['retail-credit-pd']);
      expect(items(await client.get('/api/packages?model=clinical-deterioration-risk'))).toHaveLength(1);
      const bad = await client.get('/api/packages?riskTier=9&status=lost');
      expectProblem(bad, 400);
      expect(errors(bad).map((e) => e.pointer).sort()).toEqual(['/query/riskTier', '/query/status']);
    },
  },
  {
    name: 'every seeded version hash is SHA-256 of the RFC 8785 form of its content',
    async run(target) {
      const client = await signedIn(target, 'committee@example.com');
      let checked = 0;
      for (const item of items(await client.get('/api/packages'))) {
        for (let n = 1; n <= item.latestVersion; n++) {
          const reply = await client.get(`/api/packages/${item.id}/versions/${n}`);
          expect(reply.status).toBe(200);
          const version = reply.body as { content: unknown; contentHash: string };
          expect(version.contentHash).toBe(createHash('sha256').update(canonicalize(version.content), 'utf8').digest('hex'));
          checked++;
        }
      }
      expect(checked).toBe(5);
    },
  },
  {
    name: 'the package view shows the chain, versions and decisions; unknown ids are 404',
    async run(target) {
      const client = await signedIn(target, 'fair-lending@example.com');
      const item = await packageByModel(client, 'retail-credit-pd');
      const reply = await client.get(`/api/packages/${item.id}`);
      expect(reply.status).toBe(200);
      const detail = reply.body as { steps: { key: string; status: string; staleApprovals: unknown[] }[]; versions: unknown[]; decisions: { decision: string; versionNumber: number }[] };
      expect(detail.steps.map((s) => [s.key, s.status])).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['fair_lending', 'active'], ['committee', 'waiting']]);
      expect(detail.versions).toHaveLength(2);
      expect(detail.decisions.find((d) => d.decision === 'reject')).toMatchObject({ versionNumber: 1 });
      expectProblem(await client.get('/api/packages/pkg_missing'), 404);
      expectProblem(await client.get(`/api/packages/${item.id}/versions/9`), 404);
      expectProblem(await client.get('/api/nowhere'), 404);
      expectProblem(await client.send('DELETE', '/api/packages'), 405);
    },
  },
  {
    name: 'an owner submits a package; it is listed and reads back byte for byte',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const content = asNewModel(clinical(), 'sepsis-early-warning', '1.0.0');
      const reply = await owner.post('/api/packages', { modelKey: 'sepsis-early-warning', versionLabel: '1.0.0', content });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      const created = reply.body as { package: { id: string; status: string; currentStep: { key: string } }; version: { number: number; contentHash: string } };
      expect(created.package).toMatchObject({ status: 'in_review', currentStep: { key: 'data_governance' } });
      expect(created.version.contentHash).toBe(createHash('sha256').update(canonicalize(content), 'utf8').digest('hex'));
      const back = await owner.get(`/api/packages/${created.package.id}/versions/1`);
      expect((back.body as { content: unknown }).content).toEqual(content);
      expect(items(await owner.get('/api/packages'))).toHaveLength(5);
    },
  },
  {
    name: 'invalid packages are refused with every problem named, and nothing is stored',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const before = items(await owner.get('/api/packages')).length;

      const missing = asNewModel(clinical(), 'm1', '1');
      missing.sections = missing.sections.filter((s) => s.key !== 'subgroup_fairness' && s.key !== 'security_controls');
      const r1 = await owner.post('/api/packages', { modelKey: 'm1', versionLabel: '1', content: missing });
      expectProblem(r1, 422);
      expect(errors(r1).map((e) => e.message).join('\n')).toMatch(/subgroup_fairness[\s\S]*security_controls|security_controls[\s\S]*subgroup_fairness/);

      const noThreshold = asNewModel(clinical(), 'm2', '1') as unknown as { sections: { kind: string; metrics?: Record<string, unknown>[] }[] };
      const table = noThreshold.sections.find((s) => s.kind === 'metric_table');
      delete table?.metrics?.[0]?.['threshold'];
      const r2 = await owner.post('/api/packages', { modelKey: 'm2', versionLabel: '1', content: noThreshold });
      expectProblem(r2, 422);
      expect(errors(r2).map((e) => e.pointer)).toContain(`/content/sections/${noThreshold.sections.indexOf(table as never)}/metrics/0/threshold`);

      const text = JSON.stringify({ modelKey: 'm3', versionLabel: '1', content: asNewModel(clinical(), 'm3', '1') });
      const r3 = await owner.send('POST', '/api/packages', { text: text.replace('{"modelKey":"m3"', '{"modelKey":"m3","modelKey":"m4"') });
      expectProblem(r3, 400);
      expect(errors(r3)).toContainEqual(expect.objectContaining({ pointer: '/modelKey' }));

      const r4 = await owner.send('POST', '/api/packages', { text: text.replace('"versionLabel":"1"', '"versionLabel":"1\\ud800"') });
      expectProblem(r4, 400);
      expect(errors(r4)[0]?.message).toMatch(/surrogate/i);

      const huge = '{"modelKey":"m5","versionLabel":"1","content":{"schemaVersion":"model-approval-package/1","sections":[],"padding":"' + 'x'.repeat(50 * 1024 * 1024) + '"}}';
      expectProblem(await owner.send('POST', '/api/packages', { text: huge }), 413);

      expect(items(await owner.get('/api/packages'))).toHaveLength(before);
    },
  },
  {
    name: 'identification must match the request, and a model version is submitted once',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const r1 = await owner.post('/api/packages', { modelKey: 'other-model', versionLabel: '9.9.9', content: clinical() });
      expectProblem(r1, 422);
      expect(errors(r1).map((e) => e.pointer).sort()).toEqual(['/content/sections/0/modelKey', '/content/sections/0/versionLabel']);
      const r2 = await owner.post('/api/packages', { modelKey: 'clinical-deterioration-risk', versionLabel: '2.0.1', content: clinical() });
      expectProblem(r2, 409);
    },
  },
  {
    name: 'only model owners submit; cross-site and non-JSON writes are refused',
    async run(target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const content = asNewModel(clinical(), 'rogue', '1');
      expectProblem(await reviewer.post('/api/packages', { modelKey: 'rogue', versionLabel: '1', content }), 403);
      const owner = await signedIn(target, 'owner@example.com');
      expectProblem(await owner.post('/api/packages', { modelKey: 'rogue', versionLabel: '1', content }, { origin: 'https://evil.example' }), 403);
      expectProblem(await owner.post('/api/packages', { modelKey: 'rogue', versionLabel: '1', content }, { 'sec-fetch-site': 'cross-site' }), 403);
      expectProblem(await owner.send('POST', '/api/packages', { text: JSON.stringify({ modelKey: 'rogue' }), headers: { 'content-type': 'text/plain' } }), 415);
      expect(items(await owner.get('/api/packages')).map((i) => i.modelKey)).not.toContain('rogue');
    },
  },
  {
    name: 'an owner resubmits while clarification is requested, not after approval, not unchanged',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const assistant = await packageByModel(owner, 'support-assistant-llm');
      const v1 = (await owner.get(`/api/packages/${assistant.id}/versions/1`)).body as { content: PackageContent; contentHash: string };
      expectProblem(await owner.post(`/api/packages/${assistant.id}/versions`, { content: v1.content }), 409);
      const changed = structuredClone(v1.content);
      const evaluation = changed.sections.find((s) => s.key === 'evaluation');
      if (evaluation?.kind !== 'metric_table') throw new Error('evaluation is a metric table');
      evaluation.notes = 'Hallucination labels: two annotators per answer, blind to model version; 400 answers per locale; 95% CI given per metric.';
      // The open clarification request is answered with the resubmission.
      const threads = (await owner.get(`/api/packages/${assistant.id}/threads`)).body as { items: { id: string }[] };
      const answers = [{ target: { kind: 'clarification', threadId: threads.items[0]?.id }, answer: 'Two annotators per answer, blind to the model version; 400 answers per locale.' }];
      const reply = await owner.post(`/api/packages/${assistant.id}/versions`, { content: changed, answers });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(reply.body).toMatchObject({ version: { number: 2 } });
      const detail = (await owner.get(`/api/packages/${assistant.id}`)).body as { versions: { contentHash: string }[] };
      expect(detail.versions.map((v) => v.contentHash)[0]).toBe(v1.contentHash);

      const fraud = await packageByModel(owner, 'card-fraud-detection');
      const fraudV1 = (await owner.get(`/api/packages/${fraud.id}/versions/1`)).body as { content: PackageContent };
      const fraudChanged = structuredClone(fraudV1.content);
      const narrative = fraudChanged.sections.find((s) => s.kind === 'narrative');
      if (narrative?.kind === 'narrative') narrative.markdown += '\n\nAddendum.';
      expectProblem(await owner.post(`/api/packages/${fraud.id}/versions`, { content: fraudChanged }), 409);

      const reviewer = await signedIn(target, 'data-governance@example.com');
      expectProblem(await reviewer.post(`/api/packages/${assistant.id}/versions`, { content: changed }), 403);
    },
  },
  {
    name: 'sign-out ends the session on the server',
    async run(target) {
      const client = await signedIn(target, 'owner@example.com');
      const stolen = client.cookie;
      const reply = await client.delete('/api/session');
      expect(reply.status).toBe(204);
      expect(reply.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      const replay = new Client(target);
      replay.cookie = stolen;
      expectProblem(await replay.get('/api/packages'), 401);
      expect((await replay.get('/api/session')).body).toEqual({ user: null });
    },
  },
];
