import { describe, expect, it } from 'vitest';
import { flushDelayMs } from './use-package-diff.ts';

describe('how soon compared sections reach the page', () => {
  it('the first batch soon, each later one after twice as long, never more than 400 ms', () => {
    expect([0, 1, 2, 3, 4, 10].map(flushDelayMs)).toEqual([50, 100, 200, 400, 400, 400]);
  });
});
