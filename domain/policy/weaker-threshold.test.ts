import { describe, expect, it } from 'vitest';
import { ownerThresholdIsWeaker } from './weaker-threshold.ts';

describe('ownerThresholdIsWeaker', () => {
  it.each([
    [{ operator: '>=', value: 0.5 }, { operator: '>=', value: 0.75 }, true],
    [{ operator: '>=', value: 0.8 }, { operator: '>=', value: 0.75 }, false],
    [{ operator: '>=', value: 0.75 }, { operator: '>', value: 0.75 }, true],
    [{ operator: '>', value: 0.75 }, { operator: '>=', value: 0.75 }, false],
    [{ operator: '<=', value: 0.05 }, { operator: '<=', value: 0.02 }, true],
    [{ operator: '<', value: 0.01 }, { operator: '<=', value: 0.02 }, false],
    [{ operator: '<=', value: 0.9 }, { operator: '>=', value: 0.75 }, true],
  ] as const)('owner %o against policy %o: weaker %s', (owner, policy, weaker) => {
    expect(ownerThresholdIsWeaker(owner, policy)).toBe(weaker);
  });
});
