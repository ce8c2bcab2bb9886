// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

describe('what I may do now', () => {
  it.each([
    ['model-risk@example.com', 'pkg_clinical_deterioration_risk', /^Your turn: Your step, .+, is active: review every section, then decide\.$/],
    ['privacy@example.com', 'pkg_clinical_deterioration_risk', /^For you: Nothing to do yet: waiting for model risk management \(.+\) before your step\.$/],
    ['fair-lending@example.com', 'pkg_clinical_deterioration_risk', /^For you: No step of this package’s workflow is for your role: you can read it but not decide\.$/],
    ['data-governance@example.com', 'pkg_clinical_deterioration_risk', /^For you: Your step is approved: nothing more to do on this package\.$/],
    ['owner@example.com', 'pkg_support_assistant_llm', /^Your turn: A reviewer asked for a clarification: answer it in its thread\.$/],
    ['model-risk@example.com', 'pkg_support_assistant_llm', /^For you: Paused: .+ is waiting for the model owner to answer a clarification request\.$/],
  ])('tells %s on %s', async (email, id, sentence) => {
    await renderApp(`/packages/${id}`, { signedInAs: email });
    expect(await screen.findByText((_, element) => element?.tagName === 'P' && sentence.test(element.textContent))).toBeInTheDocument();
  });
});
