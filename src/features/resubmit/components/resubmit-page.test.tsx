// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Decision } from '#domain/contracts/decisions.ts';
import { clinicalRiskV1 } from '#demo/clinical-risk.ts';
import type { MockApi } from '#mocks/handlers.ts';
import { packageKeys } from '#src/lib/package-keys.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

/** The owner's draft as the server holds it. */
const savedDraft = (api: MockApi, packageId: string) => api.deps.store.findResubmitDraft(packageId, 'usr_owner');

const owner = 'owner@example.com';
const assistant = 'pkg_support_assistant_llm';
const clinical = 'pkg_clinical_deterioration_risk';
const evaluation = 'Evaluation against policy thresholds';
const concern = 'The 12-hour AUROC is reported on the internal holdout only.';
const requiredChange = 'Report the AUROC on the external holdout as well, with its confidence interval.';

/**
 * Model risk management rejects version 1 of the clinical package, as a signed decision
 * through the sign dialog would record it (the signature is not what these tests are about,
 * so it is left out: the workflow reads the decision alone).
 */
async function rejectClinical(api: MockApi): Promise<Decision> {
  const version = await api.deps.store.findVersion(clinical, 1);
  if (!version) throw new Error('The demo clinical package has a version 1');
  const decision: Decision = {
    id: 'dec_test_reject_1',
    packageId: clinical,
    versionNumber: 1,
    stepKey: 'model_risk',
    role: 'model_risk',
    decision: 'reject',
    meaning: 'Rejected',
    reason: 'The discrimination evidence is incomplete.',
    conditions: null,
    concerns: [{ sectionKey: 'evaluation', concern, requiredChange }],
    actor: { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' },
    contentHash: version.contentHash,
    decidedAt: new Date().toISOString(),
  };
  await api.deps.store.insertDecision(decision);
  return decision;
}

async function openRejectedClinical() {
  const app = await renderApp(`/packages/${clinical}/resubmit`, { signedInAs: owner });
  // The package may have been read before the rejection: read it again, as a reload would.
  const decision = await rejectClinical(app.api);
  await app.queryClient.invalidateQueries({ queryKey: packageKeys.all });
  await screen.findByRole('heading', { level: 2, name: 'Answers to the reviewers' });
  return { ...app, decision };
}

const valueOf = (metric: RegExp) => screen.getByRole('textbox', { name: metric });
const verdictOf = (input: HTMLElement) => within(input.closest('tr') ?? document.body).getByRole('status');

describe('revise and resubmit', () => {
  it('recomputes pass or fail as a metric value is edited, and marks the section changed', async () => {
    const { user } = await renderApp(`/packages/${assistant}/resubmit`, { signedInAs: owner });
    // The section the clarification request is about starts open.
    const hallucination = await screen.findByRole('textbox', { name: /^Value of Hallucination rate/ });
    expect(verdictOf(hallucination)).toHaveTextContent('Pass');
    expect(screen.getByRole('button', { name: new RegExp(evaluation) })).toHaveTextContent('Unchanged');

    await user.clear(hallucination);
    await user.type(hallucination, '0.05');
    expect(verdictOf(hallucination)).toHaveTextContent('Fail');
    expect(screen.getByRole('button', { name: new RegExp(evaluation) })).toHaveTextContent('Changed');

    // Text that is not a number yet has no verdict; the value as typed stays.
    await user.clear(hallucination);
    await user.type(hallucination, '0.');
    expect(hallucination).toHaveValue('0.');
    expect(verdictOf(hallucination)).toHaveTextContent('Pass');
    await user.clear(hallucination);
    expect(verdictOf(hallucination)).toHaveTextContent('No value');
    await user.type(hallucination, '0.019');
    expect(screen.getByRole('button', { name: new RegExp(evaluation) })).toHaveTextContent('Unchanged');
    await expectNoAxeViolations();
  });

  it('lists the concern of a rejection and shows the server’s refusal of a missing answer next to it', async () => {
    const { user, api } = await openRejectedClinical();
    const answer = screen.getByRole('article', { name: `Concern 1: ${evaluation}` });
    expect(answer).toHaveTextContent('Rejection by Elena Vasquez (Model risk management)');
    expect(answer).toHaveTextContent(concern);
    expect(answer).toHaveTextContent(requiredChange);
    await expectNoAxeViolations();

    const auroc = valueOf(/^Value of AUROC, 12-hour horizon/);
    await user.clear(auroc);
    await user.type(auroc, '0.951');
    await user.click(screen.getByRole('button', { name: 'Review and submit' }));

    const review = await screen.findByRole('region', { name: 'Review version 2 before submitting' });
    expect(review).toHaveTextContent('0 of 1 concern or clarification request answered.');
    expect(within(review).getByRole('link', { name: `Concern 1: ${evaluation}` })).toBeInTheDocument();
    await user.click(within(review).getByRole('button', { name: 'Submit version 2…' }));
    const dialog = screen.getByRole('dialog', { name: 'Submit version 2?' });
    expect(dialog).toHaveTextContent('A submitted version is immutable and will be signed against by reviewers');
    await user.click(within(dialog).getByRole('button', { name: 'Submit version 2' }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem the server found' });
    await waitFor(() => expect(summary).toHaveFocus());
    const field = screen.getByRole('textbox', { name: 'Your answer to concern 1' });
    expect(field).toHaveAccessibleDescription(/Say what changed to answer this/);
    expect(field).toBeInvalid();
    await user.click(within(summary).getByRole('link', { name: 'Concern 1 › answer: Say what changed to answer this' }));
    expect(field).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await api.deps.store.findVersion(clinical, 2)).toBeNull();
    await expectNoAxeViolations();
  });

  it('submits the content and the answers, then shows the new version', async () => {
    const { user, api, decision } = await openRejectedClinical();
    const auroc = valueOf(/^Value of AUROC, 12-hour horizon/);
    await user.clear(auroc);
    await user.type(auroc, '0.951');
    const answer = screen.getByRole('article', { name: `Concern 1: ${evaluation}` });
    await user.type(within(answer).getByRole('textbox', { name: 'Your answer to concern 1' }), 'External holdout AUROC added: 0.951.');
    await user.click(within(answer).getByRole('checkbox', { name: evaluation }));
    await waitFor(async () => expect((await savedDraft(api, clinical))?.draft).toContain('External holdout AUROC added'));

    await user.click(screen.getByRole('button', { name: 'Review and submit' }));
    const review = await screen.findByRole('region', { name: 'Review version 2 before submitting' });
    expect(review).toHaveTextContent('1 of 1 concern or clarification request answered.');
    expect(within(review).getByRole('listitem')).toHaveTextContent(evaluation);
    await user.click(within(review).getByRole('button', { name: 'Submit version 2…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Submit version 2?' })).getByRole('button', { name: 'Submit version 2' }));

    expect(await screen.findByRole('heading', { level: 1, name: /^Clinical Deterioration Risk/ })).toBeInTheDocument();
    const stored = await api.deps.store.findVersion(clinical, 2);
    expect(stored?.canonicalContent).toContain('"value":0.951');
    expect(await api.deps.store.listVersionAnswers(clinical, 2)).toEqual([
      { target: { kind: 'concern', decisionId: decision.id, index: 0 }, answer: 'External holdout AUROC added: 0.951.', sectionKeys: ['evaluation'] },
    ]);
    expect(await savedDraft(api, clinical)).toBeNull();
  });

  it('is offered by the package page’s next action, and does not offer to submit an unchanged version the server would refuse', async () => {
    const { user } = await renderApp(`/packages/${assistant}`, { signedInAs: owner });
    await user.click(await screen.findByRole('link', { name: 'Revise and resubmit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Revise and resubmit' })).toBeInTheDocument();

    const answer = await screen.findByRole('textbox', { name: 'Your answer to clarification request 1' });
    expect(screen.getByRole('article', { name: `Clarification request 1: ${evaluation}` })).toHaveTextContent('Asked by Elena Vasquez (Model risk management)');
    await user.type(answer, 'Two annotators per locale, blind to the model version.');
    await user.click(screen.getByRole('button', { name: 'Review and submit' }));
    const review = await screen.findByRole('region', { name: 'Review version 2 before submitting' });
    expect(review).toHaveTextContent('No section differs from version 1.');
    const submit = within(review).getByRole('button', { name: 'Submit version 2…' });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription(/^No section differs from version 1\./);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('gives every kind of section a labelled editor, with items added and removed from the keyboard', async () => {
    const { user } = await renderApp(`/packages/${assistant}/resubmit`, { signedInAs: owner });
    await screen.findByRole('button', { name: /Training data provenance/ });
    // One section at a time, and checks within it: with every editor open, the page is
    // too large for jsdom's label and accessibility computations to stay quick.
    const checks: [string, string][] = [
      ['1. Identification', 'Change summary'],
      ['2. Intended use and deployment scope', 'Intended use and deployment scope (Markdown)'],
      ['4. Training data provenance', 'Sensitive attributes'],
      ['6. Subgroup fairness', 'Groundedness for Portuguese (Brazil)'],
      ['7. Known limitations, risks and mitigations', 'Residual risk'],
      ['10. Regulatory cross-references', 'Relevance'],
    ];
    const toggle = async (title: string) => {
      const button = screen.getByText(title).closest('button');
      if (!button) throw new Error(`${title} is a disclosure button`);
      await user.click(button);
      return button;
    };
    // Open because the clarification request is about it; tested on its own above.
    await toggle('5. Evaluation against policy thresholds');
    for (const [title, label] of checks) {
      const button = await toggle(title);
      expect(button).toHaveAttribute('aria-expanded', 'true');
      const region = button.closest('section');
      if (!region) throw new Error('A section panel is a <section>');
      expect(within(region).getAllByLabelText(label).length).toBeGreaterThan(0);
      if (title === '1. Identification') {
        // The identity fields are shown, not edited.
        expect(within(region).getByText('support-assistant-llm')).toBeInTheDocument();
        expect(within(region).queryByLabelText(/Model key|Version label/)).not.toBeInTheDocument();
      }
      await expectNoAxeViolations(region);
      await toggle(title);
      expect(button).toHaveAttribute('aria-expanded', 'false');
    }

    const training = await toggle('4. Training data provenance');
    const region = training.closest('section') ?? document.body;
    const add = within(region).getByRole('button', { name: 'Add a dataset' });
    add.focus();
    await user.keyboard('{Enter}');
    const added = within(region).getByRole('group', { name: 'Dataset 9' });
    expect(within(added).getByLabelText('Key')).toHaveFocus();
    await user.keyboard('new-set');
    await user.type(within(added).getByLabelText('Sensitive attributes'), 'age{Enter}{Enter}sex');
    await user.tab();
    expect(within(added).getByLabelText('Sensitive attributes')).toHaveValue('age\nsex');
    expect(training).toHaveTextContent('Changed');
    await user.click(within(added).getByRole('button', { name: 'Remove dataset 9' }));
    expect(add).toHaveFocus();
    expect(training).toHaveTextContent('Unchanged');
  }, 60_000);

  it('keeps the draft on the server, for a reload or another device, until it is discarded', async () => {
    const first = await renderApp(`/packages/${assistant}/resubmit`, { signedInAs: owner });
    const hallucination = await screen.findByRole('textbox', { name: /^Value of Hallucination rate/ });
    await first.user.clear(hallucination);
    await first.user.type(hallucination, '0.021');
    expect(await screen.findByText(/^Saved at /)).toBeInTheDocument();
    const stored = await savedDraft(first.api, assistant);
    expect(stored?.draft).toContain('0.021');
    first.unmount();

    // Another device: a fresh app, the server holding what the first one saved.
    const { user, api } = await renderApp(`/packages/${assistant}/resubmit`, {
      signedInAs: owner,
      prepare: async (second) => {
        if (stored) await second.deps.store.saveResubmitDraft(stored);
      },
    });
    expect(await screen.findByText(/^Restored your unsaved draft from/)).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: /^Value of Hallucination rate/ })).toHaveValue('0.021');
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await user.click(screen.getByRole('button', { name: 'Yes, discard the draft' }));
    expect(screen.getByRole('textbox', { name: /^Value of Hallucination rate/ })).toHaveValue('0.019');
    expect(screen.getByText('Draft discarded: the editor holds version 1 again.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Discard draft' })).not.toBeInTheDocument();
    await waitFor(async () => expect(await savedDraft(api, assistant)).toBeNull());
  });

  it('refuses to start for a reviewer, and for a package that is not waiting for a new version', async () => {
    const reviewer = await renderApp(`/packages/${assistant}/resubmit`, { signedInAs: 'model-risk@example.com' });
    expect(await screen.findByText(/^Only the model owner who submitted this package/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the package' })).toHaveAttribute('href', `/packages/${assistant}`);
    reviewer.unmount();

    await renderApp(`/packages/${clinical}/resubmit`, { signedInAs: owner });
    expect(await screen.findByText(/This package is in review: there is nothing to revise now\.$/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Review and submit' })).not.toBeInTheDocument();
  });

  it('lists the problems of an uploaded file with where they are, and leaves the draft as it was', async () => {
    const { user } = await renderApp(`/packages/${assistant}/resubmit`, { signedInAs: owner });
    const input = await screen.findByLabelText('Or replace the draft with a JSON file');
    const file = new File([JSON.stringify({ schemaVersion: 'model-approval-package/1', sections: [{ key: 'identification', kind: 'identification', title: 'Identification' }] })], 'pipeline.json', { type: 'application/json' });
    await user.upload(input, file);
    const refusal = (await screen.findByText(/^pipeline\.json was not loaded: 8 problems\. The draft is unchanged\.$/)).closest('[role="alert"]');
    expect(refusal).toHaveTextContent('Section 1 (Identification) › modelKey /sections/0/modelKey: Missing (expected a string)');
    expect(refusal).toHaveTextContent('Section 1 (Identification) › riskTier /sections/0/riskTier: Missing (expected a number)');

    // A file for another model is refused for that reason alone.
    const other = new File([JSON.stringify(clinicalRiskV1)], 'clinical.json', { type: 'application/json' });
    await user.upload(input, other);
    const mismatch = (await screen.findByText(/^clinical\.json was not loaded: 2 problems/)).closest('[role="alert"]');
    expect(mismatch).toHaveTextContent('Section 1 (Identification) › modelKey /sections/0/modelKey: The identification section names model "clinical-deterioration-risk", but this package is for "support-assistant-llm"');
    expect(screen.getByRole('button', { name: new RegExp(evaluation) })).toHaveTextContent('Unchanged');
  });
});
