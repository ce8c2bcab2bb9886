import { describe, expect, it } from 'vitest';
import type { PackageVersion } from '#domain/contracts/packages.ts';
import { resubmitDraftRequestSchema } from '#domain/contracts/drafts.ts';
import { supportAssistantV1 } from '#demo/support-assistant.ts';
import { replaceAt } from './draft.ts';
import { draftRequest, restoreDraft } from './draft-storage.ts';

const base: PackageVersion = {
  packageId: 'pkg_a',
  number: 1,
  content: supportAssistantV1,
  contentHash: 'a'.repeat(64),
  submittedBy: { id: 'usr_owner', displayName: 'Priya Natarajan', title: '' },
  submittedAt: '2026-11-01T09:00:00.000Z',
  answers: [],
  policy: null,
};
const index = supportAssistantV1.sections.findIndex((section) => section.key === 'evaluation');
const evaluation = supportAssistantV1.sections[index];

/** What the server keeps and answers: the request through JSON, with the time it was saved. */
function throughServer(request: ReturnType<typeof draftRequest>) {
  const parsed = resubmitDraftRequestSchema.parse(JSON.parse(JSON.stringify(request)));
  return { ...parsed, savedAt: '2026-11-02T10:00:00.000Z' };
}

describe('the resubmit draft kept on the server', () => {
  it('comes back as it was left, half-typed numbers and empty names included', () => {
    const first = evaluation?.kind === 'metric_table' ? evaluation.metrics[0] : undefined;
    if (evaluation?.kind !== 'metric_table' || !first) throw new Error('The demo evaluation section is a metric table');
    const metrics = replaceAt(evaluation.metrics, 0, { ...first, name: '', value: Number.NaN });
    const content = { ...supportAssistantV1, sections: replaceAt(supportAssistantV1.sections, index, { ...evaluation, metrics }) };
    const answers = { 'clarification:thr_1': { answer: 'Blind labelling.', sectionKeys: ['evaluation'] } };

    const restored = restoreDraft(throughServer(draftRequest(base, { content, answers })), base);
    expect(restored?.savedAt).toBe('2026-11-02T10:00:00.000Z');
    expect(restored?.draft.answers).toEqual(answers);
    const section = restored?.draft.content.sections[index];
    expect(section?.kind === 'metric_table' && section.metrics[0]).toMatchObject({ name: '', value: Number.NaN });
  });

  it('is not restored over other content, nor when it is not a draft this page wrote', () => {
    const saved = throughServer(draftRequest(base, { content: supportAssistantV1, answers: {} }));
    expect(restoreDraft(saved, base)).not.toBeNull();
    expect(restoreDraft(null, base)).toBeNull();
    expect(restoreDraft(saved, { ...base, contentHash: 'b'.repeat(64) })).toBeNull();
    expect(restoreDraft(saved, { ...base, number: 2 })).toBeNull();
    expect(restoreDraft({ ...saved, content: { schemaVersion: 'model-approval-package/1', sections: [{ key: 'identification', kind: 'nonsense' }] } }, base)).toBeNull();
  });
});
