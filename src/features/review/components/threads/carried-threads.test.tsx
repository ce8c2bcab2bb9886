// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Section } from '#domain/contracts/sections.ts';
import { supportAssistantV1 } from '#demo/support-assistant.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { holdRequests, storeComment, storeVersion } from '../../test/stage-store.ts';

setupMockServer();

const assistant = 'pkg_support_assistant_llm';
const section = (name: string) => screen.findByRole('region', { name });
const tocEntry = (name: string) => within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name }).closest('li');
const article = (region: HTMLElement, kind: 'Comment' | 'Clarification request') => within(region).findByRole('article', { name: new RegExp(`^${kind}`) });

function withSections(content: PackageContent, change: (sections: Section[]) => Section[]): PackageContent {
  return { ...content, sections: change([...content.sections]) };
}

// Version 2 adds an appendix; version 3 drops it again and rewords the serving stack.
const appendix: Section = { key: 'model_card_appendix', kind: 'narrative', title: 'Model card appendix', markdown: 'Prompt templates and refusal messages by locale.' };
const version2 = withSections(supportAssistantV1, (sections) => [...sections, appendix]);
const version3 = withSections(supportAssistantV1, (sections) =>
  sections.map((s) => (s.key === 'design_methodology' && s.kind === 'narrative' ? { ...s, markdown: s.markdown.replace('served with vLLM on the', 'served with TGI on the') } : s)),
);

/**
 * The support assistant at version 3, with threads left open on versions 1 and 2: the seeded
 * clarification on the evaluation (version 1), a comment whose quote is still in version 3,
 * one whose quote was reworded, one on the appendix version 3 dropped, and a resolved one.
 */
async function renderVersion3(signedInAs: string) {
  const { gate, release } = holdRequests();
  const view = await renderApp(`/packages/${assistant}?version=3`, { signedInAs, overrides: [gate] });
  const store = view.api.deps.store;
  await storeVersion(store, assistant, 2, version2, '2025-05-02T09:00:00Z');
  await storeVersion(store, assistant, 3, version3, '2025-05-09T09:00:00Z');
  const thread = { packageId: assistant, createdAt: '2025-05-05T10:00:00Z' };
  await storeComment(store, { ...thread, id: 'thr_handover', versionNumber: 2, sectionKey: 'human_oversight', anchor: { exact: 'hands over after two unsuccessful answers', prefix: '', suffix: '' }, body: 'Is two the right number for vulnerable customers?' });
  await storeComment(store, { ...thread, id: 'thr_serving', versionNumber: 1, sectionKey: 'design_methodology', anchor: { exact: 'served with vLLM on the', prefix: '', suffix: '' }, body: 'Which vLLM version is pinned?' });
  await storeComment(store, { ...thread, id: 'thr_appendix', versionNumber: 2, sectionKey: 'model_card_appendix', anchor: null, body: 'Please add the Italian refusal messages.' });
  await storeComment(store, { ...thread, id: 'thr_done', versionNumber: 1, sectionKey: 'intended_use', anchor: null, body: 'Settled in the kick-off meeting.', status: 'resolved' });
  release();
  return view;
}

describe('threads carried over from earlier versions', () => {
  it('shows carried-over and outdated threads in their sections, and those on removed sections after the last one', async () => {
    await renderVersion3('model-risk@example.com');

    const oversight = await section('Human oversight and monitoring');
    const handover = await article(oversight, 'Comment');
    expect(handover).toHaveTextContent('↪ Carried over from version 2');
    expect(handover).not.toHaveTextContent('Outdated');
    expect(handover).not.toHaveTextContent('This passage is not on the page as rendered');
    expect(within(oversight).getByText('1 thread (1 from earlier versions)')).toBeInTheDocument();

    const evaluation = await section('Evaluation against policy thresholds');
    expect(await article(evaluation, 'Clarification request')).toHaveTextContent('↪ Carried over from version 1');

    const serving = await article(await section('Design and methodology'), 'Comment');
    expect(serving).toHaveTextContent('⚠ Outdated: the quoted passage is not in this version');
    expect(within(serving).getByText('“served with vLLM on the”').tagName).toBe('BLOCKQUOTE');
    expect(serving).toHaveTextContent('As quoted on version 1.');

    const removed = screen.getByRole('region', { name: 'Threads on removed sections' });
    expect(removed).toHaveTextContent('Section “model_card_appendix”');
    expect(await article(removed, 'Comment')).toHaveTextContent('⚠ Outdated: the section was removed');
    expect(removed).toHaveTextContent('Please add the Italian refusal messages.');

    // A resolved thread stays with the version it was opened on.
    expect(screen.queryByText('Settled in the kick-off meeting.')).not.toBeInTheDocument();
    expect(tocEntry('Intended use and deployment scope')).not.toHaveTextContent('open thread');
    for (const title of ['Human oversight and monitoring', 'Evaluation against policy thresholds', 'Design and methodology']) {
      expect(tocEntry(title)).toHaveTextContent('● 1 open thread');
    }
    await expectNoAxeViolations();
  });

  it('lets the owner answer a carried clarification, as on its own version', async () => {
    const { user } = await renderVersion3('owner@example.com');
    const clarification = await article(await section('Evaluation against policy thresholds'), 'Clarification request');
    // Replies wait behind "Reply…", which opens the answer with the focus in it.
    await user.click(within(clarification).getByRole('button', { name: 'Reply…' }));
    expect(within(clarification).getByRole('textbox', { name: 'Your answer' })).toHaveFocus();
    await user.keyboard('Two annotators per locale, blind to the version.');
    await user.click(within(clarification).getByRole('button', { name: 'Send answer' }));
    await waitFor(() => expect(clarification).toHaveTextContent('↩ Answered'));
    expect(clarification).toHaveTextContent('↪ Carried over from version 1');
    expect(clarification).toHaveTextContent('Two annotators per locale, blind to the version.');
  });

  it('keeps a carried thread the reviewer resolves in place, resolved, and updates the count', async () => {
    const { user } = await renderVersion3('model-risk@example.com');
    const oversight = await section('Human oversight and monitoring');
    const handover = await article(oversight, 'Comment');
    await user.click(within(handover).getByRole('button', { name: 'Resolve thread' }));
    await waitFor(() => expect(handover).toHaveTextContent('✓ Resolved'));
    expect(handover).toBeInTheDocument();
    expect(handover).toHaveFocus();
    expect(within(handover).queryByRole('button', { name: 'Reply…' })).not.toBeInTheDocument();
    expect(tocEntry('Human oversight and monitoring')).not.toHaveTextContent('open thread');
  });

  it('keeps the conversation of a thread raised on the rejected version open on the resubmission', async () => {
    const { gate, release } = holdRequests();
    const view = await renderApp('/packages/pkg_retail_credit_pd?version=2', { signedInAs: 'fair-lending@example.com', overrides: [gate] });
    await storeComment(view.api.deps.store, { id: 'thr_ratio', packageId: 'pkg_retail_credit_pd', versionNumber: 1, sectionKey: 'subgroup_fairness', anchor: null, body: 'Show the ratio by age band.', createdAt: '2025-03-20T10:00:00Z' });
    release();
    const carried = await article(await section('Subgroup fairness'), 'Comment');
    expect(carried).toHaveTextContent('↪ Carried over from version 1');
    // The conversation moved to version 2, which is undecided: the reviewer can answer and resolve it there.
    expect(carried).not.toHaveTextContent(/Version 1 was rejected/);
    expect(within(carried).getByRole('button', { name: 'Resolve thread' })).toBeInTheDocument();
    expect(within(carried).getByRole('button', { name: 'Reply…' })).toBeInTheDocument();
  });
});
