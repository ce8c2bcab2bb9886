import type { Finding, FindingStatus } from '../contracts/findings.ts';
import type { Section } from '../contracts/sections.ts';
import { locateQuote } from '../annotations/section-text.ts';

// Findings in the diff of two versions (issue 19): each section's findings, marked by what the
// comparison did to what they point at. A finding raised on the older version or before it is
// "unchanged" only when its section is identical in both versions; otherwise its section (or
// its quoted passage) changed, or the section is gone. A finding raised after the older version,
// up to the newer one, is "new". A change of status between the two versions (remediated,
// verified and closed, accepted as risk, reopened) is shown with it.

export type FindingChange = 'new' | 'unchanged' | 'section_changed' | 'passage_gone' | 'section_removed';

export interface FindingInDiff {
  finding: Finding;
  change: FindingChange;
  /** Its status as of the older version (null when raised after it) and as of the newer one. */
  statusBefore: FindingStatus | null;
  statusAfter: FindingStatus;
}

export interface ComparedSection {
  key: string;
  /** The section's content in the newer version; undefined when the newer version has no such section. */
  newer: Section | undefined;
  /** Whether the section differs between the two versions (added, removed or modified). */
  changed: boolean;
}

/**
 * A finding's status as of a version: after the last step taken while that version (or an
 * earlier one) was the latest. A finding raised on an older version after a newer one existed
 * has no step that early: it was open then.
 */
export function statusAsOf(finding: Finding, version: number): FindingStatus {
  let status: FindingStatus = 'open';
  for (const event of finding.history) if (event.versionNumber <= version) status = event.to;
  return status;
}

/** The findings of one section in the diff of versions `from` and `to` (either order), oldest first. */
export function findingsInDiff(findings: readonly Finding[], versions: { from: number; to: number }, section: ComparedSection): FindingInDiff[] {
  const older = Math.min(versions.from, versions.to);
  const newer = Math.max(versions.from, versions.to);
  return findings
    .filter((f) => f.sectionKey === section.key && f.versionNumber <= newer)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((finding) => {
      const statusAfter = statusAsOf(finding, newer);
      if (finding.versionNumber > older) return { finding, change: 'new', statusBefore: null, statusAfter };
      return { finding, change: changeOf(finding, section), statusBefore: statusAsOf(finding, older), statusAfter };
    });
}

function changeOf(finding: Finding, section: ComparedSection): FindingChange {
  if (!section.newer) return 'section_removed';
  if (!section.changed) return 'unchanged';
  if (finding.anchor && locateQuote(section.newer, finding.anchor) === -1) return 'passage_gone';
  return 'section_changed';
}
