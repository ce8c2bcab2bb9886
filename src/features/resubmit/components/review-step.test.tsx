// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { retailCreditPdV1 } from '#demo/index.ts';
import { ReviewStep } from './review-step.tsx';

const props = { headingRef: null, base: { number: 1, content: retailCreditPdV1 }, targets: [], answers: {}, refusal: null, refusalRef: null, onEdit: () => undefined, onSubmit: () => undefined };

describe('resubmission review step', () => {
  it('does not offer to submit a version identical to the one before (the server refuses it), and says why', () => {
    const { container } = render(<ReviewStep {...props} content={retailCreditPdV1} />);
    const submit = within(container).getByRole('button', { name: 'Submit version 2…' });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription(/No section differs from version 1/);
  });

  it('offers it once a section changed', () => {
    const changed = { ...retailCreditPdV1, sections: retailCreditPdV1.sections.map((section, index) => (index === 1 ? { ...section, title: `${section.title} (revised)` } : section)) };
    const { container } = render(<ReviewStep {...props} content={changed} />);
    expect(within(container).getByRole('button', { name: 'Submit version 2…' })).toBeEnabled();
  });
});
