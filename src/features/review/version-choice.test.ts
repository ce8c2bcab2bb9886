import { describe, expect, it } from 'vitest';
import { chooseVersion } from './version-choice.ts';

describe('chooseVersion', () => {
  it('shows the latest unless a version is asked for', () => {
    expect(chooseVersion(null, [1, 3, 2])).toEqual({ number: 3, unknown: null });
    expect(chooseVersion('', [1, 2])).toEqual({ number: 2, unknown: null });
    expect(chooseVersion('1', [1, 2])).toEqual({ number: 1, unknown: null });
  });

  it('falls back to the latest for a version that does not exist, and says what was asked', () => {
    for (const asked of ['9', '0', '-1', '1.5', 'abc', '01x', '99999999999']) {
      expect(chooseVersion(asked, [1, 2]), asked).toEqual({ number: 2, unknown: asked });
    }
  });

  it('has nothing to show without versions', () => {
    expect(chooseVersion('1', [])).toBeNull();
  });
});
