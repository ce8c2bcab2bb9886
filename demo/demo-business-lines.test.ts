import { describe, expect, it } from 'vitest';
import { namesBusinessLine } from '#domain/text/business-line.ts';
import { defaultTemplates } from '#domain/workflow/default-templates.ts';
import { demoBusinessLines } from './demo-business-lines.ts';
import { demoPackages } from './index.ts';
import { demoPolicies } from './demo-policies.ts';

// Every line the demo's packages, policies and templates name is on its list: otherwise its
// packages could not be resubmitted and its policies not published again (docs/decisions/0168).
describe('demo business lines', () => {
  it('list every line the demo names', () => {
    const named = [
      ...demoPackages.flatMap((p) => p.versions.map((v) => (v.sections[0]?.kind === 'identification' ? v.sections[0].businessLine : ''))),
      ...demoPolicies.flatMap((p) => p.scope.businessLines ?? []),
      ...defaultTemplates.flatMap((t) => t.businessLines ?? []),
    ];
    expect(named.length).toBeGreaterThan(4);
    expect(named.filter((line) => !namesBusinessLine(demoBusinessLines, line))).toEqual([]);
  });
  it('give every demo version a model type (required of a new package)', () => {
    expect(demoPackages.flatMap((p) => p.versions.filter((v) => v.sections[0]?.kind === 'identification' && !v.sections[0].modelType).map(() => p))).toEqual([]);
  });
});
