import { describe, expect, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { supportAssistantV1 } from '#demo/support-assistant.ts';
import { ApiProblem } from '../../lib/api-problem.ts';
import type { AnswerTargetView } from './answer-targets.ts';
import { replaceAt } from './draft.ts';
import { answerPointer, contentErrors, describePointer, fieldId, submissionErrors } from './field-errors.ts';

const evaluationIndex = supportAssistantV1.sections.findIndex((section) => section.key === 'evaluation');
const evaluation = metricTableAt(evaluationIndex);
const second = evaluation.metrics[1];

function metricTableAt(index: number): SectionOfKind<'metric_table'> {
  const section = supportAssistantV1.sections[index];
  if (section?.kind !== 'metric_table') throw new Error('The demo evaluation section is a metric table');
  return section;
}

const target = (key: string, label: string): AnswerTargetView => ({ key, target: { kind: 'clarification', threadId: key }, label, reviewer: '', role: '', sectionKey: 'evaluation', sectionTitle: 'Evaluation', text: '', requiredChange: null, quote: null });

describe('field errors', () => {
  it('names what the contract refuses in the draft by pointer, in words for people', () => {
    if (!second) throw new Error('The demo evaluation has metrics');
    const metrics = replaceAt(evaluation.metrics, 1, { ...second, name: '', value: Number.NaN });
    const content = { ...supportAssistantV1, sections: replaceAt(supportAssistantV1.sections, evaluationIndex, { ...evaluation, metrics, dataset: { ...evaluation.dataset, rows: 2.5 } }) };
    expect(contentErrors(content)).toEqual({
      [`/content/sections/${evaluationIndex}/metrics/1/name`]: 'Fill this in',
      [`/content/sections/${evaluationIndex}/metrics/1/value`]: 'Enter a number',
      [`/content/sections/${evaluationIndex}/dataset/rows`]: 'Enter a whole number',
    });
    expect(contentErrors(supportAssistantV1)).toEqual({});
  });

  it('re-keys the server’s answer problems from their position to their target, and keeps the rest', () => {
    const error = new ApiProblem({
      type: problemTypes.validation,
      title: 'Invalid request',
      status: 422,
      detail: 'The request has problems; each is listed with its field.',
      errors: [
        { pointer: '/answers/1/answer', message: 'Say what changed to answer this' },
        { pointer: '/answers', message: 'Answer the clarification request of Elena Vasquez' },
        { pointer: '/content/sections/4/metrics/0/value', message: 'Invalid input' },
      ],
    });
    expect(submissionErrors(error, ['concern:dec_1:0', 'clarification:thr_1'])).toEqual({
      errors: {
        [answerPointer('clarification:thr_1', 'answer')]: 'Say what changed to answer this',
        '/answers': 'Answer the clarification request of Elena Vasquez',
        '/content/sections/4/metrics/0/value': 'Invalid input',
      },
      general: 'The request has problems; each is listed with its field.',
    });
    expect(submissionErrors(new TypeError('offline'), [])).toEqual({ errors: {}, general: null });
  });

  it('describes a pointer by the section and the answer it is in', () => {
    const targets = [target('clarification:thr_1', 'Clarification request 1')];
    expect(describePointer(`/content/sections/${evaluationIndex}/metrics/1/value`, supportAssistantV1, targets)).toBe('Evaluation against policy thresholds › metrics › 2 › value');
    expect(describePointer(`/content/sections/0/ownerContact`, supportAssistantV1, targets)).toBe('Identification › owner contact');
    expect(describePointer(answerPointer('clarification:thr_1', 'answer'), supportAssistantV1, targets)).toBe('Clarification request 1 › answer');
    expect(describePointer('/answers/3/answer', supportAssistantV1, targets)).toBe('Answer 4 › answer');
    expect(describePointer('/content/sections', supportAssistantV1, targets)).toBe('Sections');
  });

  it('makes ids that are unique per pointer and safe in an id reference list', () => {
    expect(fieldId('/content/sections/5/rows/0/values/hallucination-rate')).toBe('edit.content.sections.5.rows.0.values.hallucination-rate');
    expect(fieldId(answerPointer('concern:dec_a b:0'))).not.toMatch(/\s/);
    expect(fieldId('/a~1b')).not.toBe(fieldId('/a/b'));
  });
});
