import { describe, expect, it } from 'vitest';
import type { BusinessLine } from '#domain/contracts/business-lines.ts';
import { businessLineProblems, scopeLineProblems } from './line-check.ts';

// Which business lines a submission, a resubmission and a policy or template may name (docs/decisions/0168).

const line = (label: string, key: string, retiredAt: string | null = null): BusinessLine => ({ key, label, retiredAt, createdAt: '2026-01-01T00:00:00.000Z' });
const tx = { listBusinessLines: () => Promise.resolve([line('Consumer lending', 'consumer lending'), line('Leasing', 'leasing', '2026-02-01T00:00:00.000Z')]) };
const codes = async (name: string, use?: 'in_use' | 'in_use_or_retired') => (await businessLineProblems(tx, name, '/content', use)).map((p) => p.code);

describe('a business line of the list', () => {
  it('is taken as the list spells it, and nothing else', async () => {
    expect(await codes('Consumer lending')).toEqual([]);
    for (const escape of ['Consumer credit', 'Consumer\u2800lending']) expect(await codes(escape), escape).toEqual(['unknown_business_line']);
    // Look-alikes by Unicode's confusables (0176) are told the spelling to write.
    for (const respelled of ['consumer lending', 'Consumer  lending', 'Consumer lending.', 'Consumer lеnding', 'Consumer \u01c0ending', 'C\u1d0fnsumer lending', 'Consumer-lending', 'Consumer lending\u02d9']) expect(await codes(respelled), respelled).toEqual(['business_line_spelling']);
  });

  it('lists the lines in use, not the retired ones, when it refuses', async () => {
    const [problem] = await businessLineProblems(tx, 'Consumer credit', '/content');
    expect(problem?.message).toContain('"Consumer lending"');
    expect(problem?.message).not.toContain('Leasing');
  });

  it('takes a retired line only for a package already filed under it', async () => {
    expect(await codes('Leasing')).toEqual(['unknown_business_line']);
    expect(await codes('Leasing', 'in_use_or_retired')).toEqual([]);
  });

  it('points at each unlisted line of a policy or template scope', async () => {
    expect((await scopeLineProblems(tx, ['Consumer lending', 'Leasing', 'Cards'], '/scope/businessLines')).map((p) => [p.pointer, p.code])).toEqual([
      ['/scope/businessLines/1', 'unknown_business_line'],
      ['/scope/businessLines/2', 'unknown_business_line'],
    ]);
  });
});
