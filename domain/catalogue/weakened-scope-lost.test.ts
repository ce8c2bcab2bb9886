import { describe, expect, it } from 'vitest';
import { weakenedControls } from './weakened-controls.ts';
import type { PolicyBody } from './catalogue-comparison.ts';
import type { Policy } from '../contracts/policies.ts';
import { defaultTemplates } from '../workflow/default-templates.ts';

// 0192's third amendment (adversary M-A): the kinds of package were built from the catalogue
// after the change only, so a version that stops naming a line never looked at that line's
// packages; and a template's own scope narrowing was not compared at all.

const messages = (list: { message: string }[]) => list.map((w) => w.message);

const template = (key: string) => {
  const found = defaultTemplates.find((t) => t.key === key);
  if (!found) throw new Error(`no default template ${key}`);
  const { version: _version, ...body } = found;
  return body;
};

describe('weakenedControls: a template that stops naming a line (M-A)', () => {
  it('lists the line it stops covering and where its packages fall, tier by tier, with what they lose', () => {
    const credit = template('consumer-credit');
    const found = weakenedControls({ kind: 'publish_template', current: credit, proposed: { ...credit, businessLines: ['Mortgages'] }, catalogue: [...defaultTemplates] });
    expect(found[0]).toEqual({ field: '/businessLines', message: 'Applies to fewer business lines: no longer Consumer lending' });
    expect(messages(found)).toContain('Tier-1 Consumer lending packages fall to tier-1 v1: the step "Data governance" is no longer responsible for regulatory_references; the step "Fair lending" (fair lending) is removed');
    expect(messages(found)).toContain('Tier-2 Consumer lending packages fall to tier-2-3 v1: the step "Fair lending" (fair lending) is removed; the step "AI governance committee" (committee) is removed');
    // The line it names instead takes packages from stricter chains: still listed.
    expect(messages(found).filter((m) => m.startsWith('Takes tier-1 Mortgages packages from tier-1 v1'))).toHaveLength(1);
  });

  it('a tier dropped is named beside where its packages fall; a respelled line or an unchanged scope is no loss', () => {
    const credit = template('consumer-credit');
    expect(messages(weakenedControls({ kind: 'publish_template', current: credit, proposed: { ...credit, riskTiers: [1] }, catalogue: [...defaultTemplates] }))).toEqual([
      'Applies to fewer risk tiers: no longer 2',
      'Tier-2 Consumer lending packages fall to tier-2-3 v1: the step "Fair lending" (fair lending) is removed; the step "AI governance committee" (committee) is removed',
    ]);
    expect(weakenedControls({ kind: 'publish_template', current: credit, proposed: { ...credit, businessLines: ['consumer  LENDING.'] }, catalogue: [...defaultTemplates] })).toEqual([]);
    expect(weakenedControls({ kind: 'publish_template', current: credit, proposed: credit, catalogue: [...defaultTemplates] })).toEqual([]);
  });

  it('a template that covered every line and now names one says so, and where the others fall', () => {
    const tier4 = template('tier-4');
    expect(messages(weakenedControls({ kind: 'publish_template', current: tier4, proposed: { ...tier4, businessLines: ['Mortgages'] }, catalogue: [...defaultTemplates] }))).toEqual([
      'Applies to fewer business lines: only Mortgages',
      'Tier-4 Consumer lending and other-line packages fall to no template',
    ]);
  });
});

const strict: Policy = {
  key: 'consumer-credit',
  version: 2,
  name: 'Consumer credit',
  scope: { riskTiers: [1, 2], businessLines: ['Consumer lending', 'Cards'] },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }],
};
const general: Policy = { ...strict, key: 'general', version: 1, name: 'General', scope: { riskTiers: [1, 2, 3, 4] }, metrics: [], requiredSections: [] };
const { version: _v, ...strictBody } = strict;

describe('weakenedControls: a policy that stops naming a line (M-A)', () => {
  it('lists the packages of the line it drops falling to the general policy, and what they lose', () => {
    const narrowed: PolicyBody = { ...strictBody, scope: { riskTiers: [1, 2], businessLines: ['Cards', 'Mortgages'] } };
    // An older version of the key named another line: it chooses nothing today, so it adds no kind.
    const older: Policy = { ...strict, version: 1, scope: { riskTiers: [1, 2], businessLines: ['Retail'] } };
    expect(weakenedControls({ kind: 'publish_policy', current: strictBody, proposed: narrowed, catalogue: [older, strict, general] })).toEqual([
      { field: '/scope/businessLines', message: 'Applies to fewer business lines: no longer Consumer lending' },
      { field: '/scope', message: 'Tier-1 and tier-2 Consumer lending packages fall to general v1: the auc threshold is no longer required; the section validation_findings is no longer required' },
    ]);
  });

  it('a policy dropping its last line covers every line: nothing falls, nothing is listed', () => {
    const wider: PolicyBody = { ...strictBody, scope: { riskTiers: [1, 2] } };
    expect(weakenedControls({ kind: 'publish_policy', current: strictBody, proposed: wider, catalogue: [strict] })).toEqual([]);
  });
});
