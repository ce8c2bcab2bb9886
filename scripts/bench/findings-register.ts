// The findings register at inventory scale (issue 19): 10,000 findings across 1,000 packages,
// written after the demo data into a fresh SQLite database, then filtered, sorted and paged
// pages of GET /api/inventory/findings answered in-process, as a reviewer who sees them all.
// The budget is the issue's: a filtered page in under 50 ms at the 99th percentile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '#demo/seed-demo.ts';
import { findingSeverities, findingStatusSchema } from '#domain/contracts/findings.ts';
import type { Store } from '#api/store/store.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { addRow, fmt, percentile, type Report } from './table.ts';

const packages = 1_000;
const perPackage = 10;
const owners = 25;
const day = 86_400_000;
const raiser = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

/** Writes the packages (one model each, spread over 25 owners) and their findings, each with its raising event, in one transaction. */
async function writeFindings(store: Store, now: Date): Promise<void> {
  const statuses = findingStatusSchema.options;
  const dayOf = (offset: number) => new Date(now.getTime() + offset * day).toISOString().slice(0, 10);
  await store.transaction(async (tx) => {
    const passwordHash = (await tx.findUserByEmail('owner@example.com'))?.passwordHash ?? '';
    for (let o = 0; o < owners; o++) await tx.insertUser({ id: `usr_bench_finding_owner_${o}`, email: `bench-finding-owner-${o}@example.com`, displayName: `Bench Finding Owner ${o}`, title: 'Model owner', roles: ['model_owner'], passwordHash });
    for (let p = 0; p < packages; p++) {
      const id = `pkg_bench_findings_${p}`;
      const at = new Date(now.getTime() - (packages - p) * 60_000).toISOString();
      const ownerId = `usr_bench_finding_owner_${p % owners}`;
      await tx.insertModel({ key: `bench-findings-${p}`, name: `Bench findings model ${p}`, ownerId });
      await tx.insertPackage({ id, modelKey: `bench-findings-${p}`, modelName: `Bench findings model ${p}`, versionLabel: '1.0', riskTier: 2, businessLine: 'Operations', ownerTeam: 'Bench', ownerId, templateKey: 'tier-2-3', templateVersion: 1, createdAt: at, updatedAt: at });
      for (let f = 0; f < perPackage; f++) {
        const n = p * perPackage + f;
        const status = statuses[n % statuses.length] ?? 'open';
        const findingId = `fnd_bench_${n}`;
        await tx.insertFinding({
          id: findingId,
          packageId: id,
          versionNumber: 1,
          sectionKey: 'evaluation',
          anchor: null,
          title: `Bench finding ${n}`,
          description: 'Generated for the register benchmark.',
          severity: findingSeverities[(n * 7) % findingSeverities.length] ?? 'low',
          type: 'validation_finding',
          ownerId,
          // Due from 60 days ago to 300 days ahead: some overdue.
          dueDate: dayOf((n % 360) - 60),
          remediationPlan: '',
          status,
          raisedBy: raiser,
          raisedRole: 'model_risk',
          acceptance: status === 'risk_accepted' ? { rationale: 'Bench', role: 'model_risk', expiresOn: dayOf(30), by: raiser, at } : null,
          revision: 0,
          createdAt: at,
          updatedAt: at,
        });
        await tx.insertFindingEvent({ id: `fev_bench_${n}`, findingId, position: 0, at, by: raiser, role: 'model_risk', from: null, to: 'open', versionNumber: 1, note: 'Generated.' });
      }
    }
  });
}

const pages = [
  'severity=high&status=open&sort=due&limit=50',
  'overdue=true&sort=severity&limit=50&offset=100',
  'ownerId=usr_bench_finding_owner_7&sort=updated&limit=100&offset=200',
  'sort=updated&limit=100&offset=2000',
  'modelKey=bench-findings-500&sort=raised&limit=50',
];

export async function benchFindingsRegister(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-findings-'));
  const store = await openStore({ dataDir });
  try {
    const now = new Date();
    const deps = serverDeps(store, { sessionTtlHours: 1 });
    await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now, randomToken: deps.randomToken });
    const writeStart = performance.now();
    await writeFindings(store, now);
    addRow(report, `findings register: writing ${packages * perPackage} findings across ${packages} packages into SQLite (one transaction, one run)`, 'ms', [performance.now() - writeStart]);
    const app = createApp(deps);
    const login = await app.fetch(new Request('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'model-risk@example.com', password: 'demo-password' }) }));
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = async (query: string) => {
      const reply = await app.fetch(new Request(`http://localhost/api/inventory/findings?${query}`, { headers: { cookie } }));
      if (reply.status !== 200) throw new Error(`GET /api/inventory/findings?${query}: ${reply.status} ${await reply.text()}`);
      return (await reply.json()) as { total: number };
    };
    const totals = await Promise.all(pages.map(async (query) => `${query}: ${(await get(query)).total}`));
    // 50 rounds of the four pages after one warm-up round: 200 requests, one at a time.
    const samples: number[] = [];
    const byPage = new Map<string, number[]>(pages.map((query) => [query, []]));
    for (let round = 0; round < 51; round++) {
      for (const query of pages) {
        const start = performance.now();
        await get(query);
        const ms = performance.now() - start;
        if (round > 0) {
          samples.push(ms);
          byPage.get(query)?.push(ms);
        }
      }
    }

    addRow(report, `findings register: GET /api/inventory/findings, a filtered, sorted page of ${packages * perPackage} findings, in-process on SQLite (one request)`, 'ms', samples);
    const p99 = percentile(samples, 99);
    report.budgets.push({ name: 'findings register: filtered page of 10,000 findings, p99', value: p99, shown: `${fmt(p99)} ms`, kind: 'under', limit: 50, limitShown: 'under 50 ms' });
    report.notes.push(`Findings register rows: ${packages} generated packages with ${perPackage} findings each (every status, severity and due date spread, a third overdue), after the demo data; pages asked, with the number of findings matching: ${totals.join('; ')}. Per page, p50 / p99: ${[...byPage].map(([q, xs]) => `${q} ${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, 99))} ms`).join('; ')}.`);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
