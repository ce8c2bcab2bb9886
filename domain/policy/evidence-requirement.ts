import type { PackageContent } from '../contracts/package-content.ts';
import type { EvidenceRequirement, PolicyCheck } from '../contracts/policies.ts';

// Evidence a policy requires the package to cite (docs/decisions/0157): a reference in a
// references section of the framework the requirement names, or, when it names none, keyed as
// the requirement is (0169: a requirement naming a framework was met by a reference of any
// framework that happened to share its key, so "cite SR 11-7" passed on another text). A requirement
// needing a link is met only by a citing reference with a URL; one cited without any is a
// failure (it is there, not good enough), not a missing piece.

/** Frameworks compare without case or extra spaces: "Regulation  B" and "regulation b" are one. */
export const sameFramework = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

interface Citing {
  section: string;
  key: string;
  linked: boolean;
}

/** A reference cites a requirement by its framework when it names one, else by its key; never by the key across frameworks. */
function cites(requirement: EvidenceRequirement, reference: { key: string; framework: string }): boolean {
  return requirement.framework === undefined ? reference.key === requirement.key : sameFramework(reference.framework, requirement.framework);
}

function citing(requirement: EvidenceRequirement, content: PackageContent): Citing[] {
  return content.sections.flatMap((section) =>
    section.kind !== 'references'
      ? []
      : section.references
          .filter((r) => cites(requirement, r))
          .map((r) => ({ section: section.key, key: r.key, linked: r.url !== undefined })),
  );
}

export function checkEvidence(requirement: EvidenceRequirement, content: PackageContent): PolicyCheck {
  const found = citing(requirement, content);
  const chosen = (requirement.needsLink ? found.find((c) => c.linked) : undefined) ?? found[0];
  const status = !chosen ? 'missing' : requirement.needsLink && !chosen.linked ? 'fail' : 'pass';
  return {
    kind: 'evidence',
    subject: requirement.key,
    enforcement: requirement.enforcement,
    status,
    evidence: {
      label: requirement.label,
      ...(requirement.framework === undefined ? {} : { framework: requirement.framework }),
      needsLink: requirement.needsLink,
      ...(chosen ? { reference: { section: chosen.section, key: chosen.key } } : {}),
    },
  };
}
