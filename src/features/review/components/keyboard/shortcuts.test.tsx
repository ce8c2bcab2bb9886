// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

beforeAll(() => {
  // jsdom lays nothing out and has no scrolling.
  Element.prototype.scrollIntoView = () => undefined;
});

describe('review keyboard shortcuts', () => {
  it('moves between sections and threads, the address following, and leaves fields alone', async () => {
    const { user, router } = await renderApp('/packages/pkg_support_assistant_llm', { signedInAs: 'model-risk@example.com' });
    const identification = await screen.findByRole('region', { name: 'Identification' });
    const intendedUse = screen.getByRole('region', { name: 'Intended use and deployment scope' });

    await user.keyboard('j');
    expect(identification).toHaveFocus();
    await user.keyboard('j');
    expect(intendedUse).toHaveFocus();
    await waitFor(() => expect(router.state.location.hash).toBe('#section-intended_use'));
    await user.keyboard('k');
    expect(identification).toHaveFocus();

    await user.keyboard('n');
    const thread = within(screen.getByRole('region', { name: 'Evaluation against policy thresholds' })).getByRole('article', { name: /^Clarification request/ });
    expect(thread).toHaveFocus();
    await waitFor(() => expect(router.state.location.hash).toMatch(/^#thread-/));
    await user.keyboard('p');
    expect(thread).toHaveFocus();

    // In a field, the keys are text.
    await user.click(within(thread).getByRole('button', { name: 'Reply…' }));
    const reply = within(thread).getByRole('textbox', { name: 'Reply' });
    expect(reply).toHaveFocus();
    await user.keyboard('jkn');
    expect(reply).toHaveValue('jkn');
    expect(reply).toHaveFocus();
  });

  it('opens the annotation form of the current section with a', async () => {
    const { user } = await renderApp('/packages/pkg_clinical_deterioration_risk', { signedInAs: 'model-risk@example.com' });
    await screen.findByRole('region', { name: 'Identification' });
    await user.keyboard('jjjj');
    const training = screen.getByRole('region', { name: 'Training data provenance' });
    expect(training).toHaveFocus();
    await user.keyboard('a');
    const form = within(training).getByRole('form', { name: 'Annotate “Training data provenance”' });
    expect(within(form).getByRole('radio', { name: /^Clarification request/ })).toHaveFocus();
  });

  it('lists the shortcuts in a dialog opened with ? or the button', async () => {
    const { user } = await renderApp('/packages/pkg_clinical_deterioration_risk', { signedInAs: 'model-risk@example.com' });
    await screen.findByRole('region', { name: 'Identification' });
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Next section')).toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
