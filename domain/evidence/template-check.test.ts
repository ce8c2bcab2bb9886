import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../contracts/record.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { defaultTemplates } from '../workflow/default-templates.ts';
import { templateCheck, templateHash } from './template-check.ts';

// The record's chain held to the audit entry that last fixed it (docs/decisions/0103, 0167): the
// submission, or a stricter tier that moved the package to another chain.

const byKey = (key: string): WorkflowTemplate => {
  const found = defaultTemplates.find((t) => t.key === key);
  if (!found) throw new Error(key);
  return found;
};
const tier23 = byKey('tier-2-3');
const credit = byKey('consumer-credit');

interface Entry {
  seq: number;
  action: string;
  after: unknown;
}

/** Only what the template check reads of a record. */
function recordOf(template: WorkflowTemplate, entries: Entry[], decided: { stepKey: string; role: string }[]): ApprovalRecord {
  const partial = {
    package: { template: { key: template.key, version: template.version, name: template.name } },
    steps: template.steps.map((s) => ({ key: s.key, name: s.name, role: s.role, approvalsRequired: s.approvalsRequired })),
    decisions: decided,
    audit: { entries },
    templateDefinition: template,
  };
  return partial as unknown as ApprovalRecord;
}

async function moved(extra: Partial<Entry>[] = []): Promise<Entry[]> {
  return [
    { seq: 1, action: 'package.submitted', after: { template: { key: tier23.key, version: 1, hash: await templateHash(tier23) } } },
    { seq: 2, action: 'package.chain_changed', after: { key: credit.key, version: 1, tier: 1, hash: await templateHash(credit), assessment: 2, kept: ['data_governance', 'model_risk'], added: ['fair_lending', 'committee'], dropped: ['security'] } },
    ...extra.map((e, i) => ({ seq: 3 + i, action: 'risk.assessed', after: {}, ...e })),
  ];
}

describe('templateCheck after a tier moved the chain', () => {
  it('passes the chain the move fixed, with a decision on the step it dropped', async () => {
    const check = await templateCheck(recordOf(credit, await moved(), [{ stepKey: 'data_governance', role: 'data_governance' }, { stepKey: 'security', role: 'security' }]));
    expect(check).toMatchObject({ ok: true, detail: expect.stringMatching(/audit entry #2 \(package\.chain_changed\) fixed when the tier moved the package to it/) as unknown });
  });

  it('fails a definition other than the one the move fixed', async () => {
    const rewritten = { ...credit, steps: credit.steps.map((s, i) => (i === 0 ? { ...s, name: `${s.name} (light)` } : s)) };
    const check = await templateCheck(recordOf(rewritten, await moved(), []));
    expect(check?.ok).toBe(false);
    expect(check?.detail).toMatch(/audit entry #2 \(package\.chain_changed\) fixed [0-9a-f]{12}…: the package was moved to another definition/);
  });

  it('fails the submitted chain once a move fixed another', async () => {
    const check = await templateCheck(recordOf(tier23, await moved(), []));
    expect(check?.ok).toBe(false);
  });

  it('fails a decision on a step no move dropped', async () => {
    const entries = [{ seq: 1, action: 'package.submitted', after: { template: { key: credit.key, version: 1, hash: await templateHash(credit) } } }];
    const check = await templateCheck(recordOf(credit, entries, [{ stepKey: 'security', role: 'security' }]));
    expect(check?.detail).toContain('decides step security, which the template does not have');
  });

  it('holds a re-selection logged without a hash (before 0167) to its key and version', async () => {
    const submitted = { seq: 1, action: 'package.submitted', after: { template: { key: tier23.key, version: 1, hash: await templateHash(tier23) } } };
    const reselected = { seq: 2, action: 'risk.assessed', after: { number: 1, template: { key: credit.key, version: 1, tier: 1 } } };
    expect((await templateCheck(recordOf(credit, [submitted, reselected], [])))?.ok).toBe(true);
    const other = await templateCheck(recordOf(byKey('tier-1'), [submitted, reselected], []));
    expect(other?.detail).toContain('moved the package to consumer-credit version 1');
  });
});
