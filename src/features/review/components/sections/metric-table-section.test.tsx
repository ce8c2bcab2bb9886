// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { cardFraudV1, retailCreditPdV1 } from '#demo/index.ts';
import { consumerCreditPolicy } from '#demo/demo-policies.ts';
import { evaluateAgainstPolicy } from '#domain/policy/evaluate-against-policy.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection, sectionOf } from '../../test/render-section.tsx';

afterEach(cleanup);

function row(name: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
  const found = header.closest('tr');
  if (!found) throw new Error(`No row for ${name}`);
  return found;
}

describe('metric table section', () => {
  it("judges by the policy's bar where the policy sets one, and marks an owner's weaker bar", async () => {
    const content = structuredClone(retailCreditPdV1);
    const section = sectionOf(content, 'evaluation', 'metric_table');
    section.metrics = section.metrics.map((m) => (m.key === 'auc' ? { ...m, value: 0.7, threshold: { operator: '>=', value: 0.5 } } : m));
    renderSection(section, evaluateAgainstPolicy(content, consumerCreditPolicy));
    const auc = row('AUC (ROC)');
    expect(within(auc).getByText('Fail')).toBeInTheDocument();
    expect(within(auc).getByText('at least 0.75 (blocking)')).toBeInTheDocument();
    expect(within(auc).getByText('Weaker than policy')).toBeInTheDocument();
    expect(within(row('Brier score')).getByText('Not set by policy')).toBeInTheDocument();
    expect(screen.getByText(/metrics? fails?/).parentElement).toHaveTextContent('AUC (ROC) (0.7, needs at least 0.75 by policy)');
    await expectNoAxeViolations();
  });

  it('says in words which metric fails, in the row and above the table', async () => {
    renderSection(sectionOf(cardFraudV1, 'evaluation', 'metric_table'));
    const failing = row('CP: value detection rate at production thresholds');
    expect(within(failing).getByText('Fail')).toBeInTheDocument();
    expect(within(failing).getByText('at least 0.5')).toBeInTheDocument();
    expect(failing).toHaveClass('bg-red-50');
    expect(screen.getByText(/^1 metric fails \(of 12\):/).parentElement).toHaveTextContent(
      '1 metric fails (of 12): CP: value detection rate at production thresholds (0.46, needs at least 0.5).',
    );

    const passing = row('CNP: AUC (transaction level, weighted)');
    expect(within(passing).getByText('Pass')).toBeInTheDocument();
    expect(passing).not.toHaveClass('bg-red-50');
    // Units stay with their numbers, in the value and in the threshold.
    expect(within(row('CNP: false decline rate')).getByText('0.31%')).toBeInTheDocument();
    expect(within(row('CNP: false decline rate')).getByText('at most 0.5%')).toBeInTheDocument();
    expect(within(row('Scoring latency')).getByText('14 ms')).toBeInTheDocument();
    expect(within(row('CNP: false positive ratio')).getByText('6.8:1')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('states the holdout above the table, and that every metric passes', async () => {
    const section = sectionOf(retailCreditPdV1, 'evaluation', 'metric_table');
    renderSection(section);
    expect(screen.getByText(/^Computed on/)).toHaveTextContent(`Computed on ${section.dataset.name}, version oot-2023h1-v3, 418,236 rows.`);
    expect(screen.getByText('All 11 metrics meet their thresholds.')).toBeInTheDocument();
    expect(screen.queryByText('Fail')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: /each metric against its threshold/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Notes' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('derives pass or fail from the value and the operator, at the boundary too', () => {
    const base = sectionOf(retailCreditPdV1, 'evaluation', 'metric_table');
    const section: SectionOfKind<'metric_table'> = {
      ...base,
      metrics: [
        { key: 'at', name: 'At least, on the line', value: 0.75, threshold: { operator: '>=', value: 0.75 } },
        { key: 'above', name: 'Above, on the line', value: 0.75, threshold: { operator: '>', value: 0.75 } },
        { key: 'below', name: 'Below, on the line', value: 0.1, threshold: { operator: '<', value: 0.1 } },
      ],
      notes: undefined,
    };
    renderSection(section);
    expect(within(row('At least, on the line')).getByText('Pass')).toBeInTheDocument();
    expect(within(row('Above, on the line')).getByText('Fail')).toBeInTheDocument();
    expect(within(row('Below, on the line')).getByText('Fail')).toBeInTheDocument();
    expect(screen.getByText(/^2 metrics fail \(of 3\):/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Notes' })).not.toBeInTheDocument();
  });
});
