// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { packageKeys } from '#src/lib/package-keys.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const clinical = 'pkg_clinical_deterioration_risk';
const assistant = 'pkg_support_assistant_llm';
// The first test pays for loading the content view (lazy): on a busy machine that takes seconds.
const section = (name: string) => screen.findByRole('region', { name });
const tocEntry = (name: string) => within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name }).closest('li');
const threadIn = async (region: HTMLElement, kind = 'Clarification request') => within(region).findByRole('article', { name: new RegExp(`^${kind}`) });

describe('annotation threads', () => {
  it('opens a clarification on a typed passage, refusing a passage that is not there and an empty message', async () => {
    const { user, queryClient, api } = await renderApp(`/packages/${clinical}`, { signedInAs: 'model-risk@example.com' });
    const training = await section('Training data provenance');
    await user.click(within(training).getByRole('button', { name: 'Annotate this section' }));
    const form = within(training).getByRole('form', { name: 'Annotate “Training data provenance”' });
    expect(within(form).getByRole('radio', { name: /^Clarification request/ })).toBeChecked();
    expect(within(form).getByRole('radio', { name: /^Clarification request/ })).toHaveFocus();

    const passage = within(form).getByRole('textbox', { name: /Quoted passage/ });
    await user.type(passage, 'IRB determination 2099-0000');
    await user.click(within(form).getByRole('button', { name: 'Ask for clarification' }));
    expect(passage).toHaveAccessibleDescription(/This passage does not occur in “Training data provenance”/);
    expect(within(form).getByRole('textbox', { name: 'Your question' })).toHaveAccessibleDescription('Write a message');
    expect(await api.deps.store.listThreads([clinical])).toHaveLength(0);
    await expectNoAxeViolations();

    await user.clear(passage);
    await user.type(passage, 'IRB determination 2023-0417-QI');
    await user.type(within(form).getByRole('textbox', { name: 'Your question' }), 'Who approved the quality-improvement determination?');
    await user.click(within(form).getByRole('button', { name: 'Ask for clarification' }));

    const thread = await threadIn(training);
    await waitFor(() => expect(thread).toHaveFocus());
    expect(thread).toHaveTextContent('● Open');
    expect(within(thread).getByText('“IRB determination 2023-0417-QI”')).toBeInTheDocument();
    expect(thread).toHaveTextContent('Who approved the quality-improvement determination?');
    expect(within(thread).getByRole('link', { name: 'Link to this thread (clarification request)' })).toHaveAttribute('href', expect.stringMatching(/\?version=1#thread-thr_/));
    expect(tocEntry('Training data provenance')).toHaveTextContent('● 1 open thread');
    await expectNoAxeViolations();

    // What the server stored is what comes back.
    await queryClient.resetQueries({ queryKey: packageKeys.threads(clinical) });
    expect(await threadIn(await section('Training data provenance'))).toHaveTextContent('IRB determination 2023-0417-QI');
    const [stored] = await api.deps.store.listThreads([clinical]);
    expect(stored?.anchor?.exact).toBe('IRB determination 2023-0417-QI');
    expect(stored?.anchor?.suffix).toMatch(/^\(quality improvement/);
  }, 30_000);

  it('lets the owner answer a clarification, edit the answer with its history kept, and retract it', async () => {
    const { user } = await renderApp(`/packages/${assistant}`, { signedInAs: 'owner@example.com' });
    const thread = await threadIn(await section('Evaluation against policy thresholds'));
    expect(thread).toHaveTextContent('● Open');
    expect(within(thread).queryByRole('button', { name: 'Resolve thread' })).not.toBeInTheDocument();

    // Replies wait behind "Reply…": no open form under every thread.
    expect(within(thread).queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(within(thread).getByRole('button', { name: 'Reply…' }));
    const answer = within(thread).getByRole('textbox', { name: 'Your answer' });
    expect(answer).toHaveFocus();
    await user.click(within(thread).getByRole('button', { name: 'Send answer' }));
    expect(answer).toHaveAccessibleDescription('Write a message');
    await user.type(answer, 'Two annotators per locale, blind to the version.');
    await user.click(within(thread).getByRole('button', { name: 'Send answer' }));
    await waitFor(() => expect(thread).toHaveTextContent('↩ Answered'));
    // Sent: the form closes and the focus goes back to "Reply…".
    expect(answer).not.toBeInTheDocument();
    await waitFor(() => expect(within(thread).getByRole('button', { name: 'Reply…' })).toHaveFocus());
    await expectNoAxeViolations();

    await user.click(within(thread).getByRole('button', { name: 'Edit' }));
    const edit = within(thread).getByRole('textbox', { name: 'Edit your message' });
    await user.clear(edit);
    await user.type(edit, 'Two annotators per locale, blind to the model version; 400 answers each.');
    await user.click(within(thread).getByRole('button', { name: 'Save edit' }));
    expect(await within(thread).findByText('Two annotators per locale, blind to the model version; 400 answers each.', { selector: 'p' })).toBeInTheDocument();
    expect(thread).toHaveTextContent('· edited');
    expect(within(thread).getByText('Earlier text')).toBeInTheDocument();
    expect(within(thread).getByText('Two annotators per locale, blind to the version.', { selector: 'p' })).toBeInTheDocument();

    await user.click(within(thread).getByRole('button', { name: 'Retract' }));
    const confirm = within(thread).getByRole('group', { name: 'Confirm retraction' });
    expect(within(confirm).getByRole('button', { name: 'Retract message' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Retract message' }));
    expect(await within(thread).findByText(/^Retracted by its author on/)).toBeInTheDocument();
    expect(within(thread).queryByText('Two annotators per locale, blind to the model version; 400 answers each.')).not.toBeInTheDocument();
    await expectNoAxeViolations();
  }, 30_000);

  it('lets a reviewer resolve a thread, which then takes no more replies', async () => {
    const { user } = await renderApp(`/packages/${assistant}`, { signedInAs: 'model-risk@example.com' });
    const thread = await threadIn(await section('Evaluation against policy thresholds'));
    await user.click(within(thread).getByRole('button', { name: 'Resolve thread' }));
    await waitFor(() => expect(thread).toHaveTextContent('✓ Resolved'));
    expect(thread).toHaveTextContent('Resolved by Elena Vasquez');
    expect(thread).toHaveFocus();
    expect(within(thread).queryByRole('textbox')).not.toBeInTheDocument();
    expect(tocEntry('Evaluation against policy thresholds')).not.toHaveTextContent('open thread');
  });

  it('says why a decided version takes no annotations, instead of offering them', async () => {
    await renderApp('/packages/pkg_retail_credit_pd?version=1', { signedInAs: 'fair-lending@example.com' });
    const subgroups = await section('Subgroup fairness');
    expect(within(subgroups).getAllByText(/^Version 1 was rejected by Dana Whitfield/)).not.toHaveLength(0);
    expect(within(subgroups).queryByRole('button', { name: 'Annotate this section' })).not.toBeInTheDocument();
  });
});
