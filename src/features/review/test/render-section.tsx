import { render } from '@testing-library/react';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { PolicyEvaluationContext } from '../components/policy/policy-context.ts';
import type { SectionKind, SectionOfKind, Section } from '#domain/contracts/sections.ts';
import { SectionBlock } from '../components/sections/section-block.tsx';

/** A section from a demo package, by key, checked to be of the expected kind. */
export function sectionOf<K extends SectionKind>(content: PackageContent, key: string, kind: K): SectionOfKind<K> {
  const section = content.sections.find((candidate) => candidate.key === key);
  if (section?.kind !== kind) throw new Error(`No ${kind} section "${key}"`);
  return section as SectionOfKind<K>;
}

/**
 * One section as the package page shows it, inside a minimal page (a title, a main landmark
 * and its h1), so axe judges it as it would the real page.
 */
export function renderSection(section: Section, policy: PolicyEvaluation | null = null) {
  document.documentElement.lang = 'en';
  document.title = 'Section · Model Approval';
  const view = render(
    <main>
      <h1>Package</h1>
      <PolicyEvaluationContext value={policy}>
        <SectionBlock section={section} />
      </PolicyEvaluationContext>
    </main>,
  );
  const element = view.container.querySelector('section');
  if (!element) throw new Error('No section element rendered');
  return { ...view, section: element };
}
