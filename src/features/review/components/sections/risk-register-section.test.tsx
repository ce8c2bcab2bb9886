// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { retailCreditPdV1 } from '#demo/index.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection, sectionOf } from '../../test/render-section.tsx';

afterEach(cleanup);

describe('risk register section', () => {
  it('shows each risk with likelihood, impact, controls, residual risk as a word, and owner', async () => {
    const section = sectionOf(retailCreditPdV1, 'limitations_risks', 'risk_register');
    renderSection(section);
    const table = screen.getByRole('table', { name: /the risk register/ });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Risk', 'Likelihood', 'Impact', 'Controls', 'Residual risk', 'Owner']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(section.risks.length);

    const risk = section.risks.find((candidate) => candidate.key === 'proxy-race-disparity');
    if (!risk) throw new Error('demo risk missing');
    const row = within(table).getByRole('rowheader', { name: new RegExp(`^${risk.title}`) }).closest('tr');
    if (!row) throw new Error('no row');
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['Possible', 'Major', risk.controls.join(''), 'Medium', 'Marisol Vega, Fair Lending Compliance Officer']);
    expect(within(row).getAllByRole('listitem').map((item) => item.textContent)).toEqual(risk.controls);

    const counts = new Map<string, number>();
    for (const r of section.risks) counts.set(r.residualRisk, (counts.get(r.residualRisk) ?? 0) + 1);
    const expected = (['critical', 'high', 'medium', 'low'] as const).filter((level) => counts.has(level)).map((level) => `${counts.get(level) ?? 0} ${level}`);
    expect(screen.getByText(/residual risk:/)).toHaveTextContent(`${section.risks.length} risks; residual risk: ${expected.join(', ')}.`);
    await expectNoAxeViolations();
  });
});
