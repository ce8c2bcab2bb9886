import { expect } from 'vitest';
import { approvableCreditContent } from '#demo/fresh-packages.ts';
import { dashboardSchema, type Dashboard } from '#domain/contracts/dashboard.ts';
import { keptFigureCountings } from '#api/dashboard/stored-figures.ts';
import type { Client } from './client.ts';
import { expectFiguresMatchTheirLists } from './governance-scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';

// The dashboard's counts over the whole inventory are kept under the audit log's size, the
// summary counts also until the clock changes a summary (decision record 0177), on the mocks,
// SQLite and PostgreSQL: read again with nothing written, nothing is counted again; a step that
// falls overdue by the clock alone, and a submission, show in the very next answer, every
// figure equal to the rows of the list its link opens.

async function dashboard(client: Client): Promise<Dashboard> {
  const reply = await client.get('/api/dashboard');
  expectStatus(reply, 200);
  return dashboardSchema.parse(reply.body);
}

const valueOf = (d: Dashboard, key: string) => d.governance.figures.find((f) => f.key === key)?.value;

export const dashboardKeptScenarios: Scenario[] = [
  {
    name: 'dashboard (0177): its counts are kept while nothing is written and the clock changes no summary; a step falling overdue by the clock alone and a new submission show at once, each figure equal to its list',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const first = await dashboard(committee);
      const counted = keptFigureCountings(target.store);
      const again = await dashboard(committee);
      // Nothing written, no summary's clock instant passed: the same figures, not counted again.
      expect(keptFigureCountings(target.store)).toEqual(counted);
      expect(again.governance).toEqual(first.governance);
      expect(again.byRiskTier).toEqual(first.byRiskTier);

      // The pending step due soonest that is not overdue yet: past its due time, with no write at all.
      const waiting = first.pending.items.flatMap((p) => (p.currentStep?.dueAt && !p.currentStep.overdue ? [Date.parse(p.currentStep.dueAt)] : []));
      expect(waiting.length).toBeGreaterThan(0);
      const due = Math.min(...waiting);
      // A minute before it, signed in again (sessions end with the clock); then two minutes on, the same session: only the clock moved.
      target.advanceClock(due - Date.parse(first.generatedAt) - 60_000);
      const later = await signedIn(target, 'committee@example.com');
      const beforeDue = await dashboard(later);
      expect(valueOf(beforeDue, 'overdue')).toBe(valueOf(first, 'overdue'));
      target.advanceClock(120_000);
      const overdue = await dashboard(later);
      expect(valueOf(overdue, 'overdue')).toBeGreaterThan(valueOf(beforeDue, 'overdue') ?? 0);
      expect(overdue.overdue.total).toBe(valueOf(overdue, 'overdue'));
      expect(keptFigureCountings(target.store).summary).toBeGreaterThan(counted.summary);
      await expectFiguresMatchTheirLists(later);

      // A submission: a new package of the credit model, pending, a change this month.
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel: '7.0.0', content: approvableCreditContent('7.0.0') }), 201);
      const submitted = await dashboard(later);
      expect(valueOf(submitted, 'pending')).toBe((valueOf(overdue, 'pending') ?? 0) + 1);
      expect(valueOf(submitted, 'changes_this_month')).toBe((valueOf(overdue, 'changes_this_month') ?? 0) + 1);
      expect(submitted.pending.total).toBe(valueOf(submitted, 'pending'));
      await expectFiguresMatchTheirLists(later);
    },
  },
];
