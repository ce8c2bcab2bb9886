// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/index.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection, sectionOf } from '../../test/render-section.tsx';

afterEach(cleanup);

function row(group: string): HTMLElement {
  const found = screen.getByRole('rowheader', { name: group }).closest('tr');
  if (!found) throw new Error(`No row for ${group}`);
  return found;
}

describe('subgroup table section', () => {
  it('flags the failing subgroup in its row and summarizes it above the table (version 1)', async () => {
    renderSection(sectionOf(retailCreditPdV1, 'subgroup_fairness', 'subgroup_table'));
    expect(screen.getByText('1 subgroup fails:').parentElement).toHaveTextContent(
      '1 subgroup fails: 62 and over (Approval-rate ratio vs reference group (disparate impact ratio) 0.78, needs at least 0.8)',
    );

    const failing = row('62 and over');
    expect(failing).toHaveTextContent('Below threshold');
    expect(failing).toHaveClass('bg-red-50');
    const [, approvalRatio, auc] = within(failing).getAllByRole('cell');
    if (!approvalRatio || !auc) throw new Error('Missing metric cells');
    expect(within(approvalRatio).getByText('0.78')).toBeInTheDocument();
    expect(within(approvalRatio).getByText('Fail')).toBeInTheDocument();
    expect(within(auc).getByText('0.771')).toBeInTheDocument();
    expect(within(auc).getByText('Pass')).toBeInTheDocument();

    expect(row('18 to 24')).toHaveTextContent('Meets all thresholds');
    expect(row('18 to 24')).not.toHaveClass('bg-red-50');
    // Rows are grouped by attribute, each group under its own header.
    expect(screen.getAllByRole('rowheader').filter((cell) => cell.getAttribute('scope') === 'rowgroup').map((cell) => cell.textContent)).toEqual([
      'Age band',
      'Race / ethnicity (BISG proxy)',
      'Sex (BIFSG proxy)',
    ]);
    expect(screen.getByRole('columnheader', { name: /Approval-rate ratio.*Threshold: at least 0\.8/ })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('shows every subgroup passing after the resubmission (version 2)', async () => {
    renderSection(sectionOf(retailCreditPdV2, 'subgroup_fairness', 'subgroup_table'));
    expect(screen.getByText('All 10 subgroups meet every threshold.')).toBeInTheDocument();
    expect(row('62 and over')).toHaveTextContent('Meets all thresholds');
    expect(screen.queryByText('Below threshold')).not.toBeInTheDocument();
    expect(screen.queryByText('Fail')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('names the direction of a failure and lists several failing subgroups', () => {
    const base = sectionOf(retailCreditPdV1, 'subgroup_fairness', 'subgroup_table');
    renderSection({
      ...base,
      rows: base.rows.map((r) => (r.key === 'race-black' ? { ...r, values: { ...r.values, 'calibration-gap': 1.4 } } : r)),
    });
    expect(row('Black')).toHaveTextContent('Above threshold');
    expect(screen.getByText('2 subgroups fail (of 10):')).toBeInTheDocument();
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '62 and over (Approval-rate ratio vs reference group (disparate impact ratio) 0.78, needs at least 0.8)',
      'Black (Absolute gap between mean PD and observed bad rate (percentage points) 1.4, needs at most 1)',
    ]);
  });
});
