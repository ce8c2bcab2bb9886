import { describe, expect, it } from 'vitest';
import type { PackageContent } from '../contracts/package-content.ts';
import type { TextQuoteSelector, Thread } from '../contracts/threads.ts';
import { retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import { carryOverThreads } from './carry-over.ts';

const reviewer = { id: 'usr_fair_lending', displayName: 'Dana Whitfield', title: 'Fair Lending Officer' };

function thread(id: string, versionNumber: number, sectionKey: string, anchor: TextQuoteSelector | null, createdAt: string, status: Thread['status'] = 'open'): Thread {
  return {
    id,
    packageId: 'pkg_retail_credit_pd',
    versionNumber,
    sectionKey,
    kind: 'clarification',
    severity: null,
    status,
    anchor,
    createdBy: reviewer,
    createdAt,
    resolvedBy: status === 'resolved' ? reviewer : null,
    resolvedAt: status === 'resolved' ? createdAt : null,
    messages: [],
  };
}

const quote = (exact: string): TextQuoteSelector => ({ exact, prefix: '', suffix: '' });

// Version 2 without its validation findings, to stand for a version that dropped a section.
const withoutFindings: PackageContent = { ...retailCreditPdV2, sections: retailCreditPdV2.sections.filter((section) => section.key !== 'validation_findings') };

describe('carryOverThreads', () => {
  it('carries a quote still in the section, and outdates one that is gone', () => {
    const threads = [
      // In the notes of both versions.
      thread('thr_kept', 1, 'subgroup_fairness', quote('Fair Lending Testing Standard FL-STD-03'), '2025-03-20T10:00:00Z'),
      // Bold in version 1's notes ("**The 62 and over group fails (0.78)**"), rewritten in version 2.
      thread('thr_gone', 1, 'subgroup_fairness', quote('The 62 and over group fails (0.78)'), '2025-03-21T10:00:00Z'),
    ];
    expect(carryOverThreads(threads, { number: 2, content: retailCreditPdV2 }).map(({ thread: t, state, reason }) => [t.id, state, reason])).toEqual([
      ['thr_kept', 'carried_over', 'quote_found'],
      ['thr_gone', 'outdated', 'quote_missing'],
    ]);
  });

  it('carries a thread on a whole section that is still there, and outdates one whose section was removed', () => {
    const threads = [thread('thr_section', 1, 'evaluation', null, '2025-03-20T10:00:00Z'), thread('thr_findings', 1, 'validation_findings', null, '2025-03-19T10:00:00Z')];
    expect(carryOverThreads(threads, { number: 2, content: withoutFindings })).toEqual([
      { thread: threads[0], state: 'carried_over', reason: 'whole_section' },
      { thread: threads[1], state: 'outdated', reason: 'section_removed' },
    ]);
  });

  it('leaves out resolved threads and threads of the target version or later', () => {
    const threads = [
      thread('thr_resolved', 1, 'evaluation', null, '2025-03-20T10:00:00Z', 'resolved'),
      thread('thr_answered', 1, 'evaluation', null, '2025-03-20T11:00:00Z', 'answered'),
      thread('thr_own', 2, 'evaluation', null, '2025-04-23T10:00:00Z'),
      thread('thr_later', 3, 'evaluation', null, '2025-05-01T10:00:00Z'),
    ];
    expect(carryOverThreads(threads, { number: 2, content: retailCreditPdV2 }).map((carried) => carried.thread.id)).toEqual(['thr_answered']);
  });

  it('keeps a resolved thread it is asked to keep, placed like the others', () => {
    const threads = [thread('thr_answered', 1, 'evaluation', null, '2025-03-20T11:00:00Z', 'answered'), thread('thr_resolved', 1, 'evaluation', null, '2025-03-20T10:00:00Z', 'resolved')];
    const carried = carryOverThreads(threads, { number: 2, content: retailCreditPdV2 }, { keepResolved: new Set(['thr_resolved']) });
    expect(carried.map(({ thread: t, state, reason }) => [t.id, t.status, state, reason])).toEqual([
      ['thr_resolved', 'resolved', 'carried_over', 'whole_section'],
      ['thr_answered', 'answered', 'carried_over', 'whole_section'],
    ]);
  });

  it('orders by the target section order, then by opening time, with removed sections last', () => {
    const threads = [
      thread('thr_subgroups_late', 1, 'subgroup_fairness', null, '2025-03-22T10:00:00Z'),
      thread('thr_findings', 1, 'validation_findings', null, '2025-03-01T10:00:00Z'),
      // Fractional seconds: compared as times, not as text ('.' sorts before 'Z').
      thread('thr_subgroups_early', 2, 'subgroup_fairness', null, '2025-03-21T10:00:00.500Z'),
      thread('thr_subgroups_earliest', 1, 'subgroup_fairness', null, '2025-03-21T10:00:00Z'),
      thread('thr_identification', 2, 'identification', quote('Resubmission 2 of 4.2.0'), '2025-04-25T10:00:00Z'),
    ];
    expect(carryOverThreads(threads, { number: 3, content: withoutFindings }).map((carried) => carried.thread.id)).toEqual([
      'thr_identification',
      'thr_subgroups_earliest',
      'thr_subgroups_early',
      'thr_subgroups_late',
      'thr_findings',
    ]);
  });

  it('finds a quote again through Markdown and line breaks, as the page shows it', () => {
    const passage = thread('thr_markdown', 1, 'identification', quote('Ratio now 0.86.'), '2025-03-20T10:00:00Z');
    // Version 2's change summary has "Ratio now **0.86**." inside a table cell.
    expect(carryOverThreads([passage], { number: 2, content: retailCreditPdV2 })[0]).toMatchObject({ state: 'carried_over', reason: 'quote_found' });
  });
});
