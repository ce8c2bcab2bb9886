import { describe, expect, it } from 'vitest';
import { consumerCreditPolicy } from '#demo/demo-policies.ts';
import { publishPolicyRequestSchema } from '#domain/contracts/policies.ts';
import { draftFromPolicy, emptyEvidence, requestFromDraft } from './policy-draft.ts';

describe('the policy editor draft', () => {
  it('carries model types and evidence requirements from a published version into the next one unchanged', () => {
    const typed = { ...consumerCreditPolicy, scope: { ...consumerCreditPolicy.scope, modelTypes: ['binary_classification' as const] } };
    const request = publishPolicyRequestSchema.parse(requestFromDraft(draftFromPolicy(typed), 1));
    expect(request.scope.modelTypes).toEqual(['binary_classification']);
    expect(request.requiredEvidence).toEqual(consumerCreditPolicy.requiredEvidence);
  });

  it('sends a blank framework as none (match by key), and a blank label as typed, for the server to name', () => {
    const draft = draftFromPolicy(consumerCreditPolicy);
    draft.requiredEvidence = [{ ...emptyEvidence(), key: ' independent-validation-report ', label: '', framework: '  ', needsLink: true }];
    const sent = requestFromDraft(draft, 1).requiredEvidence;
    expect(sent).toEqual([{ key: 'independent-validation-report', label: '', needsLink: true, enforcement: 'blocking' }]);
    const parsed = publishPolicyRequestSchema.safeParse(requestFromDraft(draft, 1));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('/'))).toEqual(['requiredEvidence/0/label']);
  });
});
