import type { Finding } from '../contracts/findings.ts';
import type { Section } from '../contracts/sections.ts';
import { locateQuote } from '../annotations/section-text.ts';

// Findings as they stand on a version (issue 19): raised on it, carried over from an earlier
// one with their section (their quote found again, or the whole section), or outdated when the
// quoted passage is gone; the same rule as threads (domain/annotations/carry-over.ts).

export interface FindingOnVersion {
  finding: Finding;
  state: 'raised_here' | 'carried_over' | 'outdated';
}

/** The findings of `section` shown on version `number`: those raised on it or before, oldest first. */
export function findingsOnSection(findings: readonly Finding[], number: number, section: Section): FindingOnVersion[] {
  return findings
    .filter((f) => f.sectionKey === section.key && f.versionNumber <= number)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((finding) => {
      if (finding.versionNumber === number) return { finding, state: 'raised_here' };
      if (finding.anchor && locateQuote(section, finding.anchor) === -1) return { finding, state: 'outdated' };
      return { finding, state: 'carried_over' };
    });
}
