import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { apiTokenListSchema, apiTokenSecretPattern, createdApiTokenSchema, type CreatedApiToken } from '#domain/contracts/api-tokens.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { clinicalRelease } from '../../support/fresh-content.ts';
import { Client, type Reply, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';

// API tokens for pipeline submission, against the mocks, SQLite and PostgreSQL: created by a
// model's owner for their own model (an administrator sees and revokes every token), the
// secret shown once, and a bearer token that submits for its own model only, in its
// creator's name, until it is revoked.

const clinicalModel = 'clinical-deterioration-risk';
const assistantModel = 'support-assistant-llm';
const assistant = 'pkg_support_assistant_llm';

const detail = (reply: Reply) => (reply.body as { detail?: string }).detail ?? '';
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

async function createToken(owner: Client, modelKey: string, name: string): Promise<CreatedApiToken> {
  const reply = await owner.post('/api/tokens', { modelKey, name });
  expectStatus(reply, 201);
  return createdApiTokenSchema.parse(reply.body);
}

/** A client with no session that calls with `Authorization: Bearer <secret>`. */
function pipeline(target: Target, secret: string) {
  const client = new Client(target);
  const headers = { authorization: `Bearer ${secret}` };
  return {
    post: (path: string, json: unknown) => client.post(path, json, headers),
    get: (path: string) => client.send('GET', path, { headers }),
  };
}

export const tokenScenarios: Scenario[] = [
  {
    name: 'API tokens: a model owner creates, lists and revokes them; the secret is shown once and never again',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      const created = await createToken(owner, clinicalModel, 'Nightly retraining');
      expect(created.secret).toMatch(apiTokenSecretPattern);
      expect(created.token).toMatchObject({ modelKey: clinicalModel, name: 'Nightly retraining', createdBy: { id: 'usr_owner' }, revoked: null });

      const listed = await owner.get('/api/tokens');
      expectStatus(listed, 200);
      const list = apiTokenListSchema.parse(listed.body);
      expect(list.items.map((t) => t.id)).toEqual([created.token.id]);
      expect(list.models.map((m) => m.key)).toContain(clinicalModel);
      // Neither the secret nor its hash is ever read back.
      const hash = createHash('sha256').update(created.secret).digest('hex');
      expect(JSON.stringify(listed.body)).not.toContain(created.secret);
      expect(JSON.stringify(listed.body)).not.toContain(hash);

      const bad = await owner.post('/api/tokens', { modelKey: 'no-such-model', name: 'x' });
      expectStatus(bad, 422);
      expect(pointers(bad)).toEqual(['/modelKey']);
      const unnamed = await owner.post('/api/tokens', { modelKey: clinicalModel, name: '  ' });
      expectStatus(unnamed, 422);
      expect(pointers(unnamed)).toEqual(['/name']);

      const revoked = await owner.post(`/api/tokens/${created.token.id}/revocation`, null);
      expectStatus(revoked, 201);
      expect(revoked.body).toMatchObject({ id: created.token.id, revoked: { by: { id: 'usr_owner' } } });
      expectStatus(await owner.post(`/api/tokens/${created.token.id}/revocation`, null), 409);
      expectStatus(await owner.post('/api/tokens/tok_missing/revocation', null), 404);
      expect(apiTokenListSchema.parse((await admin.get('/api/tokens')).body).items[0]?.revoked).toMatchObject({ by: { id: 'usr_owner' } });

      const audit = await admin.get('/api/audit?limit=10000');
      expectStatus(audit, 200);
      const entries = (audit.body as { items: { action: string; subject: string }[] }).items.filter((e) => e.action.startsWith('api_token.'));
      expect(entries.map((e) => [e.action, e.subject])).toEqual([
        ['api_token.created', created.token.id],
        ['api_token.revoked', created.token.id],
      ]);
      expect(JSON.stringify(audit.body)).not.toContain(created.secret);
    },
  },
  {
    name: 'API tokens: only a model’s owner creates one for it; an administrator sees and revokes all but creates none for someone else’s model; reviewers manage none',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const created = await createToken(owner, clinicalModel, 'CI');
      // An administrator cannot mint a token that would submit in the owner's name.
      const admin = await signedIn(target, 'admin@example.com');
      const minted = await admin.post('/api/tokens', { modelKey: clinicalModel, name: 'In your name' });
      expectStatus(minted, 403);
      expect(apiTokenListSchema.parse((await admin.get('/api/tokens')).body)).toMatchObject({ items: [{ id: created.token.id }], models: [] });

      // Another owner: not their model, not their token (answered as absent), and none listed.
      const { passwordHash } = (await target.store.findUserByEmail('owner@example.com')) ?? { passwordHash: '' };
      await target.store.insertUser({ id: 'usr_owner_2', email: 'owner-2@example.com', displayName: 'Jonas Berg', title: 'ML Engineer', roles: ['model_owner'], passwordHash });
      const other = await signedIn(target, 'owner-2@example.com');
      expect(detail(await other.post('/api/tokens', { modelKey: clinicalModel, name: 'mine' }))).toMatch(/belongs to another owner/);
      expectStatus(await other.post(`/api/tokens/${created.token.id}/revocation`, null), 404);
      expect(apiTokenListSchema.parse((await other.get('/api/tokens')).body)).toEqual({ items: [], models: [] });

      const committee = await signedIn(target, 'committee@example.com');
      expectStatus(await committee.get('/api/tokens'), 403);
      expectStatus(await committee.post('/api/tokens', { modelKey: clinicalModel, name: 'mine' }), 403);
      expectStatus(await committee.post(`/api/tokens/${created.token.id}/revocation`, null), 403);
      expectStatus(await new Client(target).get('/api/tokens'), 401);

      const revoked = await admin.post(`/api/tokens/${created.token.id}/revocation`, null);
      expectStatus(revoked, 201);
      expect(revoked.body).toMatchObject({ createdBy: { id: 'usr_owner' }, revoked: { by: { id: 'usr_admin' } } });
    },
  },
  {
    name: 'API tokens: a pipeline submits a package for its model in its creator’s name, and the audit entry names the token',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const { token, secret } = await createToken(owner, clinicalModel, 'Clinical pipeline');
      const ci = pipeline(target, secret);

      const reply = await ci.post('/api/packages', { modelKey: clinicalModel, versionLabel: '2.1.0', content: clinicalRelease('2.1.0') });
      expectStatus(reply, 201);
      const created = reply.body as { package: { id: string; modelKey: string }; version: { number: number; submittedBy: { id: string } } };
      expect(created.package.modelKey).toBe(clinicalModel);
      expect(created.version).toMatchObject({ number: 1, submittedBy: { id: 'usr_owner' } });

      const audit = await owner.get(`/api/packages/${created.package.id}/audit`);
      expectStatus(audit, 200);
      const submitted = (audit.body as { items: { action: string; actorId: string; after: unknown }[] }).items.find((e) => e.action === 'package.submitted');
      expect(submitted).toMatchObject({ actorId: 'usr_owner', after: { modelKey: clinicalModel, versionLabel: '2.1.0', via: { tokenId: token.id, tokenName: 'Clinical pipeline' } } });

      // Only the submit routes accept a token.
      expectStatus(await ci.get('/api/packages'), 403);
      expectStatus(await ci.post('/api/tokens', { modelKey: clinicalModel, name: 'escalate' }), 403);
    },
  },
  {
    name: 'API tokens: a pipeline submits a new version for its model, and not for another model',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const { token, secret } = await createToken(owner, assistantModel, 'Assistant pipeline');
      const ci = pipeline(target, secret);

      // The clinical model is not this token's: refused, whatever the content.
      const foreign = await ci.post('/api/packages', { modelKey: clinicalModel, versionLabel: '2.1.0', content: clinicalRelease('2.1.0') });
      expectStatus(foreign, 403);
      expect(detail(foreign)).toBe(`This token is scoped to model ${assistantModel}.`);
      const foreignVersion = await ci.post('/api/packages/pkg_clinical_deterioration_risk/versions', { content: clinicalRelease('2.0.1'), answers: [] });
      expectStatus(foreignVersion, 403);
      expect(detail(foreignVersion)).toBe(`This token is scoped to model ${assistantModel}.`);

      const v1 = (await owner.get(`/api/packages/${assistant}/versions/1`)).body as { content: PackageContent };
      const content = structuredClone(v1.content);
      const evaluation = content.sections.find((s) => s.key === 'evaluation');
      if (evaluation?.kind !== 'metric_table') throw new Error('evaluation is a metric table');
      evaluation.notes = 'Hallucination labels: two annotators per answer; 400 answers per locale.';
      const [request] = ((await owner.get(`/api/packages/${assistant}/threads`)).body as { items: { id: string }[] }).items;
      if (!request) throw new Error('the demo assistant package has a clarification request');

      const unanswered = await ci.post(`/api/packages/${assistant}/versions`, { content, answers: [] });
      expectStatus(unanswered, 422);
      expect(pointers(unanswered)).toEqual(['/answers']);

      const answers = [{ target: { kind: 'clarification', threadId: request.id }, answer: 'Two annotators per answer.', sectionKeys: ['evaluation'] }];
      const reply = await ci.post(`/api/packages/${assistant}/versions`, { content, answers });
      expectStatus(reply, 201);
      expect(reply.body).toMatchObject({ version: { number: 2, submittedBy: { id: 'usr_owner' } } });
      const audit = await owner.get(`/api/packages/${assistant}/audit`);
      const entry = (audit.body as { items: { action: string; after: unknown }[] }).items.find((e) => e.action === 'package.version_submitted');
      expect(entry?.after).toMatchObject({ version: 2, answers: 1, via: { tokenId: token.id, tokenName: 'Assistant pipeline' } });
    },
  },
  {
    name: 'API tokens: an unknown or revoked token is refused with 401, and a token beside a session cookie is refused',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      const { token, secret } = await createToken(owner, clinicalModel, 'Soon revoked');
      const body = { modelKey: clinicalModel, versionLabel: '2.2.0', content: clinicalRelease('2.2.0') };

      expectStatus(await pipeline(target, `mat_${'A'.repeat(43)}`).post('/api/packages', body), 401);
      expectStatus(await new Client(target).post('/api/packages', body, { authorization: 'Basic abc' }), 401);

      // A session and a token at once: which identity acts would be ambiguous.
      expectStatus(await owner.post('/api/packages', body, { authorization: `Bearer ${secret}` }), 401);

      expectStatus(await admin.post(`/api/tokens/${token.id}/revocation`, null), 201);
      const revoked = await pipeline(target, secret).post('/api/packages', body);
      expectStatus(revoked, 401);
      expect(detail(revoked)).toMatch(/revoked/);
      // Nothing was submitted by any of these.
      expect(((await owner.get('/api/packages')).body as { items: unknown[] }).items).toHaveLength(4);
    },
  },
];
