// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { PolicySummary } from './policy-summary.tsx';

// A re-check at a publication for packages in review says what the version was checked against
// before, or that it had not been checked (a package in review before its policy, 0158).
const policy = { key: 'customer-genai', version: 2, name: 'Customer-facing generative AI' };
const flagged: PolicyEvaluation = {
  policy,
  outcome: 'flagged',
  checks: [{ kind: 'metric', subject: 'groundedness', enforcement: 'blocking', status: 'fail', required: { operator: '>=', value: 0.95 }, actual: 0.943 }],
};

afterEach(cleanup);

describe('policy summary of a re-check at publication', () => {
  it('names the version checked before', () => {
    render(<PolicySummary evaluation={{ ...flagged, republished: { from: { ...policy, version: 1 } } }} />);
    expect(screen.getByText(/^Re-checked when version 2 of this policy was published/)).toHaveTextContent('it was checked against version 1 before.');
  });

  it('says a version never checked had not been checked against a policy', () => {
    render(<PolicySummary evaluation={{ ...flagged, republished: { from: null } }} />);
    expect(screen.getByText(/^Re-checked when version 2 of this policy was published/)).toHaveTextContent('it had not been checked against a policy before.');
    expect(screen.getByRole('region', { name: 'Policy check: Customer-facing generative AI, version 2' })).toHaveTextContent('checked again');
  });
});
