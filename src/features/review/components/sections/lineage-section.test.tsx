// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { retailCreditPdV1 } from '#demo/index.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection, sectionOf } from '../../test/render-section.tsx';

afterEach(cleanup);

function dataset(name: string): HTMLElement {
  const found = screen.getByRole('heading', { level: 3, name }).closest('li');
  if (!found) throw new Error(`No dataset ${name}`);
  return found;
}

function fact(scope: HTMLElement, term: string): HTMLElement | null {
  return within(scope).getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement | null;
}

describe('lineage section', () => {
  it('shows each dataset with its version, location, rows, period, authorization, sensitive attributes and sources', async () => {
    const section = sectionOf(retailCreditPdV1, 'training_data', 'lineage');
    renderSection(section);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([...section.datasets.map((d) => d.name), 'Notes']);

    const sample = dataset('Retail PD 4.2 development sample (train and validation)');
    expect(fact(sample, 'Version')).toHaveTextContent('dev-sample-4.2-r3');
    const location = within(sample).getByText('s3://ccra-model-dev-us-east-1/retail-pd/4.2/dev_sample/r3/ (Parquet, 96 files)');
    expect(location.tagName).toBe('CODE');
    expect(location).toHaveClass('font-mono');
    expect(fact(sample, 'Rows')).toHaveTextContent('2,868,174');
    expect(fact(sample, 'Period')).toHaveTextContent('2019-07-01 to 2022-12-31');
    expect(fact(sample, 'Authorization')).toHaveTextContent(/DG-REQ-2024-0877/);
    expect(fact(sample, 'Sensitive attributes')).toHaveTextContent('Age band retained in a separate, access-controlled column family for fair lending testing');

    // Sources are named, and link to their own entry on the page.
    const sources = within(fact(sample, 'Derived from') ?? sample).getAllByRole('link');
    expect(sources.map((link) => link.textContent)).toEqual([
      'Loan origination system applications (personal loan, card, overdraft line)',
      'Experian Premier Attributes archive (retro at application date)',
      'Experian Trended 3D attributes (24-month balance and payment history)',
      'Deposit relationship monthly summary (existing customers)',
      'Loan performance, monthly status by account',
      'Declined-applicant retro outcome study',
    ]);
    expect(sources[0]).toHaveAttribute('href', '#section-training_data-dataset-los-applications');
    expect(document.getElementById('section-training_data-dataset-los-applications')).toBe(dataset('Loan origination system applications (personal loan, card, overdraft line)'));

    const trended = dataset('Experian Trended 3D attributes (24-month balance and payment history)');
    expect(fact(trended, 'Sensitive attributes')).toHaveTextContent('None declared');
    expect(fact(dataset('Loan origination system applications (personal loan, card, overdraft line)'), 'Derived from')).toHaveTextContent('Not derived: a source dataset');
    await expectNoAxeViolations();
  });

  it('names a source that the section does not list', () => {
    const section = sectionOf(retailCreditPdV1, 'training_data', 'lineage');
    renderSection({ ...section, datasets: section.datasets.filter((d) => d.key !== 'los-applications') });
    expect(fact(dataset('Declined-applicant retro outcome study'), 'Derived from')).toHaveTextContent('los-applications (not listed in this section)');
  });
});
