// The record-export attack of issue 16 (finding 9) as a load: a large package whose version 2
// rewrites every narrative section, so the export's word diff of each section runs to its
// bound; several clients export it at once while a probe asks GET /api/health again and
// again. Shared by the bench (server-export.ts) and tests/integration/attacks-export.test.ts.
import { prepareVersion } from '#api/packages/prepare-version.ts';
import { decisionMeanings, type Decision } from '#domain/contracts/decisions.ts';
import { defaultTemplates, selectTemplate } from '#domain/workflow/default-templates.ts';
import { demoAccounts, tieringAnalyst } from '#demo/seed-demo.ts';
import { standardTieringMethod } from '#server/db/migrations/031-risk-assessments.ts';
import type { InventoryPlan, PlannedVersion } from './generate-inventory.ts';
import { generatePackage, rng } from './generate-package.ts';
import { answersForTier } from './inventory-governance.ts';

export const exportPackageId = 'pkg_bench_export';

const day = 86_400_000;

/**
 * One package owned by the demo owner (owner@example.com), as its submission, a rejection by
 * the first step and the resubmission would have stored it: version 1 of about `bytes` in
 * `sectionCount` sections, version 2 the same size with every narrative section rewritten.
 */
export async function planExportPackage(options: { bytes: number; sectionCount: number; now?: Date }): Promise<InventoryPlan> {
  const now = (options.now ?? new Date()).getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * day).toISOString();
  const owner = demoAccounts[0];
  const [v1, v2] = [1, 2].map((seed) => generatePackage({ bytes: options.bytes, sectionCount: options.sectionCount, seed }));
  const template = selectTemplate(defaultTemplates, 2, 'Benchmarks');
  const firstStep = template?.steps[0];
  const reviewer = demoAccounts.find((account) => firstStep && (account.roles as readonly string[]).includes(firstStep.role));
  if (!v1 || !v2 || !template || !firstStep || !reviewer) throw new Error('The export package needs two versions, a template and a reviewer for its first step');
  const [first, second] = await Promise.all([prepareVersion(v1), prepareVersion(v2)]);
  const rejection: Decision = {
    id: 'dec_bench_export_1',
    packageId: exportPackageId,
    versionNumber: 1,
    stepKey: firstStep.key,
    role: firstStep.role,
    decision: 'reject',
    meaning: decisionMeanings.reject,
    reason: 'Every narrative section needs rewriting.',
    conditions: null,
    concerns: [{ sectionKey: 'intended_use', concern: 'The narrative is generated filler.', requiredChange: 'Rewrite every narrative section.' }],
    actor: { id: reviewer.id, displayName: reviewer.displayName, title: reviewer.title },
    contentHash: first.contentHash,
    decidedAt: at(2),
  };
  const versions: PlannedVersion[] = [
    { content: v1, prepared: first, submittedAt: at(3), answers: [], evaluation: null },
    { content: v2, prepared: second, submittedAt: at(1), answers: [{ target: { kind: 'concern', decisionId: rejection.id, index: 0 }, answer: 'Rewrote every narrative section.', sectionKeys: [] }], evaluation: null },
  ];
  return {
    owners: [],
    signers: [],
    packages: [
      {
        id: exportPackageId,
        modelKey: 'bench-model',
        modelName: 'Benchmark model',
        versionLabel: '1.0.0',
        riskTier: 2,
        businessLine: 'Benchmarks',
        ownerTeam: 'Bench team',
        ownerId: owner.id,
        templateKey: template.key,
        templateVersion: template.version,
        steps: template.steps,
        versions,
        decisions: [rejection],
        threads: [],
        approvedSteps: 0,
        // Assessed by model risk, as every package in review is (0188); no policy covers its line.
        assessment: { ...answersForTier(2, standardTieringMethod, rng(1)), assessedBy: tieringAnalyst, assessedAt: at(2.9) },
      },
    ],
  };
}

export interface ExportReply {
  status: number;
  /** From sending the request to the last byte of the answer. */
  ms: number;
  bytes: number;
  contentType: string;
  retryAfter: string | null;
  /** The problem, for an answer that is not 200. */
  problem: { type: string; detail?: string } | null;
}

export async function exportRecord(origin: string, cookie: string, packageId: string = exportPackageId): Promise<ExportReply> {
  const start = performance.now();
  const response = await fetch(`${origin}/api/packages/${packageId}/record`, { headers: { cookie } });
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - start;
  const contentType = response.headers.get('content-type') ?? '';
  const problem = response.status === 200 ? null : (JSON.parse(new TextDecoder().decode(body)) as { type: string; detail?: string });
  return { status: response.status, ms, bytes: body.length, contentType, retryAfter: response.headers.get('retry-after'), problem };
}

/**
 * Sends GET /api/health one request after another (`gapMs` apart) until `work` settles, and
 * returns each probe's latency beside the work's result: a request that holds the event loop
 * shows up as one probe that waited as long.
 */
export async function probeHealthWhile<T>(origin: string, work: Promise<T>, gapMs = 10): Promise<{ result: T; latencies: number[] }> {
  const state = { settled: false };
  const done = work.finally(() => {
    state.settled = true;
  });
  const latencies: number[] = [];
  while (!state.settled) {
    const start = performance.now();
    const response = await fetch(`${origin}/api/health`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /api/health answered ${response.status} during the exports`);
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return { result: await done, latencies };
}
