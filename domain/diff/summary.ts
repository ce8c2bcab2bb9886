import type { RevisionSummary, SectionDiff } from './types.ts';

/** Counts by status and flips over all sections, and a line for each section that changed. */
export function summarizeDiff(sections: readonly SectionDiff[]): RevisionSummary {
  const summary: RevisionSummary = { added: 0, removed: 0, modified: 0, unchanged: 0, flips: { toPass: 0, toFail: 0 }, coarse: false, sections: [] };
  for (const section of sections) {
    summary[section.status]++;
    summary.flips.toPass += section.flips.toPass;
    summary.flips.toFail += section.flips.toFail;
    summary.coarse ||= section.coarse;
    if (section.status === 'unchanged') continue;
    summary.sections.push({ key: section.key, title: section.title, status: section.status, changes: section.changes, flips: { ...section.flips } });
  }
  return summary;
}
