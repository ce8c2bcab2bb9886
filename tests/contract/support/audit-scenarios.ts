import { expect } from 'vitest';
import { auditChainLineSchema, type AuditEntryView, type AuditPage, type AuditVerification, type ConsistencyProof, type InclusionProof, type SignedTreeHead } from '#domain/contracts/audit.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyTreeHeadSignature } from '#domain/audit/tree-head.ts';
import { verifyConsistencyProof, verifyInclusionProof } from '#domain/audit/proofs.ts';
import { Client, type Reply, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';

// The audit log, its signed tree heads and proofs, and the server's verdict, run against
// the mocks, SQLite and PostgreSQL. Proofs are checked with the same domain code the
// offline verifier uses, so a server that serves a wrong path fails here.

async function signedIn(target: Target, email: string): Promise<Client> {
  const client = new Client(target);
  const reply = await client.login(email);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return client;
}

function expectStatus(reply: Reply, status: number): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  if (status >= 400) expect(reply.contentType).toContain('application/problem+json');
}

async function page(client: Client, query: string): Promise<AuditPage> {
  const reply = await client.get(`/api/audit${query}`);
  expectStatus(reply, 200);
  return reply.body as AuditPage;
}

async function wholeLog(client: Client): Promise<AuditEntryView[]> {
  const all = await page(client, '?limit=10000');
  expect(all.nextAfterSeq).toBeNull();
  return all.items;
}

async function treeHead(client: Client): Promise<SignedTreeHead> {
  const reply = await client.get('/api/audit/tree-head');
  expectStatus(reply, 200);
  return reply.body as SignedTreeHead;
}

async function publishedKeys(client: Client): Promise<ServerKey[]> {
  const reply = await client.get('/api/keys');
  expectStatus(reply, 200);
  return (reply.body as { keys: ServerKey[] }).keys;
}

async function inclusion(client: Client, seq: number, treeSize: number): Promise<InclusionProof> {
  const reply = await client.get(`/api/audit/proofs/inclusion?seq=${seq}&treeSize=${treeSize}`);
  expectStatus(reply, 200);
  return reply.body as InclusionProof;
}

/** Failed log-ins: audited events anyone can cause, to make the log grow between two heads. */
async function failLogins(target: Target, count: number): Promise<void> {
  for (let i = 0; i < count; i++) expectStatus(await new Client(target).login(`stranger-${i}@example.com`, 'wrong-password'), 401);
}

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

export const auditScenarios: Scenario[] = [
  {
    name: 'audit: newest first, a page at a time from beforeSeq, adds up to the whole log reversed',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const all = await wholeLog(committee);
      const paged: AuditEntryView[] = [];
      let cursor: number | null = Number.MAX_SAFE_INTEGER;
      while (cursor !== null) {
        const p = await page(committee, `?limit=5&beforeSeq=${cursor}`);
        expect(p.items.length).toBeLessThanOrEqual(5);
        paged.push(...p.items);
        cursor = p.nextAfterSeq;
      }
      // The log grew while it was read (each read is not audited, but a sign-in may land): compare what both hold.
      const upTo = all.length;
      expect(paged.filter((e) => e.seq <= upTo).map((e) => e.entryHash)).toEqual(all.map((e) => e.entryHash).toReversed());
      const signed = await page(committee, `?action=decision.signed&limit=2&beforeSeq=${Number.MAX_SAFE_INTEGER}`);
      const allSigned = all.filter((e) => e.action === 'decision.signed');
      expect(signed.items.map((e) => e.seq)).toEqual(allSigned.slice(-2).map((e) => e.seq).toReversed());
      expectStatus(await committee.get('/api/audit?afterSeq=1&beforeSeq=5'), 400);
    },
  },
  {
    name: 'audit: the committee reads the whole log oldest first, a page at a time, filtered by actor, action and date',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const all = await wholeLog(committee);
      expect(all.length).toBeGreaterThan(10);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(all.find((e) => e.action === 'session.login_succeeded' && e.actorId === 'usr_committee')).toMatchObject({ actorName: 'Robert Castellano', after: { email: 'committee@example.com' } });
      expect(all.find((e) => e.action === 'system.demo_seeded')).toMatchObject({ actorId: null, actorName: null });

      // Pages of 4 follow the cursor and add up to the whole log.
      const paged: AuditEntryView[] = [];
      let cursor: number | null = 0;
      while (cursor !== null) {
        const p = await page(committee, `?limit=4&afterSeq=${cursor}`);
        expect(p.items.length).toBeLessThanOrEqual(4);
        expect(p.total).toBe(p.logSize);
        paged.push(...p.items);
        cursor = p.nextAfterSeq;
      }
      // Reading the pages added nothing to the log: compare with what it held then.
      expect(paged.map((e) => e.entryHash)).toEqual(all.map((e) => e.entryHash));

      const signed = await page(committee, '?action=decision.signed&limit=3');
      const allSigned = all.filter((e) => e.action === 'decision.signed');
      expect(allSigned.length).toBeGreaterThan(3);
      expect(signed.total).toBe(allSigned.length);
      expect(signed.items.map((e) => e.seq)).toEqual(allSigned.slice(0, 3).map((e) => e.seq));
      expect(signed.nextAfterSeq).toBe(allSigned[2]?.seq);

      // The actor filter's choices come with a first page: everyone who acted there, once each
      // (over the whole log by a skip scan of the actor index, filtered by DISTINCT).
      const actorsOf = (entries: readonly AuditEntryView[]) => [...new Set(entries.flatMap((e) => (e.actorId === null ? [] : [e.actorId])))].toSorted();
      const whole = await page(committee, '?limit=10000');
      expect(whole.actors?.map((a) => a.id).toSorted()).toEqual(actorsOf(whole.items));
      expect(whole.actors?.length).toBeGreaterThan(2);
      const signedFirst = await page(committee, '?action=decision.signed&limit=10000');
      expect(signedFirst.actors?.map((a) => a.id).toSorted()).toEqual(actorsOf(signedFirst.items));

      const byActor = await page(committee, '?actor=usr_model_risk');
      expect(byActor.items.length).toBeGreaterThan(0);
      expect(byActor.items.map((e) => e.seq)).toEqual(all.filter((e) => e.actorId === 'usr_model_risk').map((e) => e.seq));

      // A date alone means the whole day, at both ends.
      const oldest = all[0];
      if (!oldest) throw new Error('empty log');
      const day = oldest.at.slice(0, 10);
      const sameDay = await page(committee, `?from=${day}&to=${day}`);
      expect(sameDay.items.map((e) => e.seq)).toEqual(all.filter((e) => e.at.slice(0, 10) === day).map((e) => e.seq));
      const fromOldest = await page(committee, `?from=${encodeURIComponent(oldest.at)}&action=decision.signed`);
      expect(fromOldest.total).toBe(allSigned.length);
      const afterOldest = await page(committee, `?from=${encodeURIComponent(new Date(Date.parse(oldest.at) + 1).toISOString())}`);
      expect(afterOldest.items.map((e) => e.seq)).toEqual(all.filter((e) => e.at > oldest.at).map((e) => e.seq).slice(0, 500));
      expect((await page(committee, '?from=2999-01-01')).total).toBe(0);
    },
  },
  {
    name: 'audit: the chain stream gives each entry as stored, oldest first, from afterSeq and up to limit, as NDJSON',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const all = await wholeLog(committee);
      const lines = async (query: string) => {
        const reply = await committee.get(`/api/audit/chain${query}`);
        expectStatus(reply, 200);
        expect(reply.contentType).toContain('application/x-ndjson');
        const text = reply.body as string;
        expect(text.endsWith('\n')).toBe(true);
        return text.trimEnd().split('\n').map((line) => auditChainLineSchema.strict().parse(JSON.parse(line)));
      };
      const streamed = (await lines('')).filter((line) => line.seq <= all.length);
      expect(streamed.map((line) => ({ ...line, before: JSON.parse(line.beforeJson) as unknown, after: JSON.parse(line.afterJson) as unknown }))).toEqual(
        all.map(({ actorName: _name, subjectName: _subject, ...entry }: AuditEntryView & { subjectName?: string | null }) => ({ ...entry, beforeJson: JSON.stringify(entry.before), afterJson: JSON.stringify(entry.after) })),
      );
      expect((await lines('?afterSeq=3&limit=4')).map((line) => line.seq)).toEqual([4, 5, 6, 7]);
      const beyond = await committee.get(`/api/audit/chain?afterSeq=${all.length + 1000}`);
      expectStatus(beyond, 200);
      expect(beyond.body).toBeNull();
      expect(pointers(await committee.get('/api/audit/chain?afterSeq=-1&limit=0'))).toEqual(['/query/afterSeq', '/query/limit']);
      const reviewer = await signedIn(target, 'model-risk@example.com');
      expectStatus(await reviewer.get('/api/audit/chain'), 403);
    },
  },
  {
    name: 'audit: a reviewer may not read the whole log, and the refusal is itself in it',
    async run(target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      expectStatus(await reviewer.get('/api/audit'), 403);
      expectStatus(await reviewer.get('/api/audit/verify'), 403);
      const committee = await signedIn(target, 'committee@example.com');
      const denied = await page(committee, '?action=access.denied&actor=usr_model_risk');
      expect(denied.items.map((e) => e.after)).toEqual([
        { method: 'GET', path: '/api/audit', reason: expect.stringMatching(/committee/) as unknown },
        { method: 'GET', path: '/api/audit/verify', reason: expect.stringMatching(/committee/) as unknown },
      ]);
    },
  },
  {
    name: 'audit: a package’s audit lists that package’s entries and no other',
    async run(target) {
      const reviewer = await signedIn(target, 'fair-lending@example.com');
      const mine = await reviewer.get('/api/packages/pkg_retail_credit_pd/audit');
      expectStatus(mine, 200);
      const items = (mine.body as AuditPage).items;
      expect(items.length).toBeGreaterThan(3);
      expect(new Set(items.map((e) => e.subject))).toEqual(new Set(['pkg_retail_credit_pd']));

      const committee = await signedIn(target, 'committee@example.com');
      const all = await wholeLog(committee);
      expect(items.map((e) => e.seq)).toEqual(all.filter((e) => e.subject === 'pkg_retail_credit_pd').map((e) => e.seq));
      const signed = (await reviewer.get('/api/packages/pkg_retail_credit_pd/audit?action=decision.signed')).body as AuditPage;
      expect(signed.total).toBe(items.filter((e) => e.action === 'decision.signed').length);
      expectStatus(await reviewer.get('/api/packages/pkg_missing/audit'), 404);
    },
  },
  {
    name: 'audit: the tree head is signed with a published key, and inclusion proofs verify against it',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const head = await treeHead(committee);
      const keys = await publishedKeys(committee);
      expect(await verifyTreeHeadSignature(head, keys)).toBe(true);
      expect(await verifyTreeHeadSignature({ ...head, treeSize: head.treeSize + 1 }, keys)).toBe(false);
      // Nothing was appended since: the same size gives the same signed head, not a new one.
      expect(await treeHead(committee)).toEqual(head);

      const all = await wholeLog(committee);
      expect(all.length).toBe(head.treeSize);
      for (const seq of [1, 2, Math.ceil(head.treeSize / 2), head.treeSize]) {
        const proof = await inclusion(committee, seq, head.treeSize);
        expect(proof).toMatchObject({ seq, leafIndex: seq - 1, treeSize: head.treeSize, entryHash: all[seq - 1]?.entryHash });
        expect(verifyInclusionProof(proof, head), `entry #${seq}`).toBe(true);
      }
      // The proof of one entry does not prove another one.
      const proof = await inclusion(committee, 2, head.treeSize);
      expect(verifyInclusionProof({ ...proof, entryHash: all[2]?.entryHash ?? '' }, head)).toBe(false);

      // Without treeSize the proof is against the log as it is now.
      const now = await committee.get('/api/audit/proofs/inclusion?seq=1');
      expectStatus(now, 200);
      expect((now.body as InclusionProof).treeSize).toBe(head.treeSize);
    },
  },
  {
    name: 'audit: a later tree head is a consistent extension of an earlier one',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const earlier = await treeHead(committee);
      await failLogins(target, 3);
      const later = await treeHead(committee);
      expect(later.treeSize).toBe(earlier.treeSize + 3);
      expect(later.rootHash).not.toBe(earlier.rootHash);
      const keys = await publishedKeys(committee);
      expect(await verifyTreeHeadSignature(later, keys)).toBe(true);

      // Anyone holding a checkpoint may ask for the proof: no sign-in (issue 17, decision 0119).
      const reply = await new Client(target).get(`/api/audit/proofs/consistency?from=${earlier.treeSize}&to=${later.treeSize}`);
      expectStatus(reply, 200);
      const proof = reply.body as ConsistencyProof;
      expect(proof).toMatchObject({ fromSize: earlier.treeSize, toSize: later.treeSize });
      expect(verifyConsistencyProof(proof, earlier, later)).toBe(true);
      // A head that the later one does not extend fails the same proof.
      const forked = { ...earlier, rootHash: later.rootHash };
      expect(verifyConsistencyProof(proof, forked, later)).toBe(false);

      // The earlier entries' proofs still verify against the later head.
      expect(verifyInclusionProof(await inclusion(committee, earlier.treeSize, later.treeSize), later)).toBe(true);
    },
  },
  {
    name: 'audit: bad audit queries are answered with problems that say what is wrong',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const size = (await page(committee, '?limit=1')).logSize;

      const beyond = await committee.get(`/api/audit/proofs/inclusion?seq=${size + 1}`);
      expectStatus(beyond, 404);
      expect((beyond.body as { detail: string }).detail).toContain(`#${size + 1}`);
      expectStatus(await committee.get(`/api/audit/proofs/inclusion?seq=1&treeSize=${size + 5}`), 404);
      const outside = await committee.get('/api/audit/proofs/inclusion?seq=3&treeSize=2');
      expectStatus(outside, 422);
      expect(pointers(outside)).toEqual(['/query/seq']);
      expectStatus(await committee.get('/api/audit/proofs/inclusion?seq=0'), 400);
      expectStatus(await committee.get('/api/audit/proofs/inclusion'), 400);

      const backwards = await committee.get('/api/audit/proofs/consistency?from=5&to=3');
      expectStatus(backwards, 422);
      expect(pointers(backwards)).toEqual(['/query/from']);
      expectStatus(await committee.get(`/api/audit/proofs/consistency?from=1&to=${size + 5}`), 404);

      const action = await committee.get('/api/audit?action=package.deleted');
      expectStatus(action, 400);
      expect(pointers(action)).toEqual(['/query/action']);
      const dates = await committee.get('/api/audit?from=2025-03-02&to=2025-03-01');
      expectStatus(dates, 400);
      expect(pointers(dates)).toEqual(['/query/from']);
      expectStatus(await committee.get('/api/audit?from=yesterday'), 400);
      expectStatus(await committee.get('/api/audit?limit=0'), 400);
      expectStatus(await committee.get('/api/audit?afterSeq=-1'), 400);
    },
  },
  {
    name: 'audit: the server finds the demo log whole, with every published tree head',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const head = await treeHead(committee);
      const reply = await committee.get('/api/audit/verify');
      expectStatus(reply, 200);
      const verdict = reply.body as AuditVerification;
      expect(verdict).toMatchObject({ valid: true, breaks: [], size: head.treeSize, rootHash: head.rootHash, treeHeadsChecked: 1 });
    },
  },
];
