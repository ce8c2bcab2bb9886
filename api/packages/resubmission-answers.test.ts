import { describe, expect, it } from 'vitest';
import type { Decision } from '#domain/contracts/decisions.ts';
import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import { answerProblems, owedAnswers, type AnswerFacts } from './resubmission-answers.ts';
import type { StoredThread } from '../store/store.ts';

const dana = { id: 'usr_dana', displayName: 'Dana Whitfield', title: 'Fair Lending Officer' };
const elena = { id: 'usr_elena', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

function decision(id: string, versionNumber: number, kind: Decision['decision'], concerns: Decision['concerns'] = [], packageId = 'pkg_a'): Decision {
  return { id, packageId, versionNumber, stepKey: 'fair_lending', role: 'fair_lending', decision: kind, meaning: '', reason: 'r', conditions: null, concerns, actor: dana, contentHash: '0'.repeat(64), decidedAt: '2025-01-01T00:00:00.000Z' };
}

function thread(id: string, kind: StoredThread['kind'], status: StoredThread['status'], packageId = 'pkg_a'): StoredThread {
  return { id, packageId, versionNumber: 2, sectionKey: 'evaluation', kind, severity: null, status, anchor: null, createdBy: elena, createdAt: '2025-01-01T00:00:00.000Z', resolvedBy: null, resolvedAt: null };
}

const fairness = { sectionKey: 'subgroup_fairness', concern: 'Disparate impact ratio of 0.78 for one group.', requiredChange: 'Mitigate.' };
const calibration = { sectionKey: 'evaluation', concern: 'Calibration is not shown by decile.', requiredChange: 'Show it.' };

const facts: AnswerFacts = {
  packageId: 'pkg_a',
  latestVersion: 2,
  decisions: [
    decision('dec_old', 1, 'reject', [fairness]),
    decision('dec_ok', 2, 'approve'),
    decision('dec_no', 2, 'reject', [fairness, calibration]),
    decision('dec_elsewhere', 2, 'reject', [fairness], 'pkg_b'),
  ],
  threads: [thread('thr_open', 'clarification', 'open'), thread('thr_done', 'clarification', 'answered'), thread('thr_note', 'comment', 'open'), thread('thr_b', 'clarification', 'open', 'pkg_b')],
  questions: new Map([['thr_open', 'How   was the rate\nmeasured?']]),
  sectionTitle: (_n, key) => ({ subgroup_fairness: 'Subgroup fairness', evaluation: 'Evaluation' })[key] ?? key,
  newSections: new Set(['subgroup_fairness', 'evaluation', 'design_methodology']),
};

const answer = (target: ConcernAnswer['target'], sectionKeys: string[] = []): ConcernAnswer => ({ target, answer: 'Done.', sectionKeys });
const all: ConcernAnswer[] = [
  answer({ kind: 'concern', decisionId: 'dec_no', index: 1 }),
  answer({ kind: 'clarification', threadId: 'thr_open' }, ['evaluation']),
  answer({ kind: 'concern', decisionId: 'dec_no', index: 0 }, ['subgroup_fairness', 'design_methodology']),
];

describe('what a resubmission owes', () => {
  it('is each concern of each rejection of the latest version, then each open clarification request of the package', () => {
    expect(owedAnswers(facts).map((o) => o.key)).toEqual(['concern:dec_no:0', 'concern:dec_no:1', 'clarification:thr_open']);
    expect(owedAnswers(facts).map((o) => o.description)).toEqual([
      'the concern of Dana Whitfield on "Subgroup fairness": Disparate impact ratio of 0.78 for one group.',
      'the concern of Dana Whitfield on "Evaluation": Calibration is not shown by decile.',
      'the clarification request of Elena Vasquez on "Evaluation": How was the rate measured?',
    ]);
  });

  it('shortens a long concern in the description', () => {
    const long = { ...facts, decisions: [decision('dec_long', 2, 'reject', [{ ...fairness, concern: 'word '.repeat(100) }])], threads: [] };
    const [owed] = owedAnswers(long);
    expect(owed?.description.length).toBeLessThan(220);
    expect(owed?.description).toMatch(/…$/);
  });
});

describe('answer problems', () => {
  it('accepts every owed answer once, in any order', () => {
    expect(answerProblems(all, facts)).toEqual([]);
  });

  it('names each missing answer at /answers', () => {
    expect(answerProblems([all[0] as ConcernAnswer], facts)).toEqual([
      { pointer: '/answers', code: 'missing_answer', message: 'Answer the concern of Dana Whitfield on "Subgroup fairness": Disparate impact ratio of 0.78 for one group.' },
      { pointer: '/answers', code: 'missing_answer', message: 'Answer the clarification request of Elena Vasquez on "Evaluation": How was the rate measured?' },
    ]);
  });

  it('refuses a target this resubmission does not owe, saying why', () => {
    const extra = (target: ConcernAnswer['target']) => answerProblems([...all, answer(target)], facts).map((p) => [p.pointer, p.message]);
    expect(extra({ kind: 'concern', decisionId: 'dec_none', index: 0 })).toEqual([['/answers/3/target', 'This package has no decision dec_none']]);
    expect(extra({ kind: 'concern', decisionId: 'dec_elsewhere', index: 0 })).toEqual([['/answers/3/target', 'This package has no decision dec_elsewhere']]);
    expect(extra({ kind: 'concern', decisionId: 'dec_ok', index: 0 })[0]?.[1]).toMatch(/is not a rejection/);
    expect(extra({ kind: 'concern', decisionId: 'dec_old', index: 0 })[0]?.[1]).toMatch(/is of version 1; answer the concerns raised on version 2/);
    expect(extra({ kind: 'concern', decisionId: 'dec_no', index: 2 })[0]?.[1]).toBe('The rejection of Dana Whitfield has 2 concerns (index 0 to 1); there is no concern 2');
    expect(extra({ kind: 'clarification', threadId: 'thr_b' })[0]?.[1]).toBe('This package has no clarification request thr_b');
    expect(extra({ kind: 'clarification', threadId: 'thr_note' })[0]?.[1]).toBe('Thread thr_note is a comment, not a clarification request');
    expect(extra({ kind: 'clarification', threadId: 'thr_done' })[0]?.[1]).toMatch(/is answered already/);
  });

  it('refuses a second answer to the same target', () => {
    const problems = answerProblems([...all, answer({ kind: 'concern', decisionId: 'dec_no', index: 1 })], facts);
    expect(problems).toEqual([expect.objectContaining({ pointer: '/answers/3/target', code: 'duplicate_answer' })]);
  });

  it('refuses a section the new version does not have', () => {
    const problems = answerProblems([all[0] as ConcernAnswer, all[1] as ConcernAnswer, answer({ kind: 'concern', decisionId: 'dec_no', index: 0 }, ['evaluation', 'no_such_section'])], facts);
    expect(problems).toEqual([{ pointer: '/answers/2/sectionKeys/1', code: 'unknown_section', message: 'The new version has no section "no_such_section"' }]);
  });

  it('owes nothing after an approval-only round, and refuses answers to nothing', () => {
    const quiet = { ...facts, decisions: [decision('dec_ok', 2, 'approve')], threads: [] };
    expect(answerProblems([], quiet)).toEqual([]);
    expect(answerProblems([answer({ kind: 'concern', decisionId: 'dec_ok', index: 0 })], quiet).map((p) => p.pointer)).toEqual(['/answers/0/target']);
  });
});
