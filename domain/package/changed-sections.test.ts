import { describe, expect, it } from 'vitest';
import type { PackageContent } from '../contracts/package-content.ts';
import { changedSectionKeys } from './changed-sections.ts';

const content = (sections: PackageContent['sections']): PackageContent => ({ schemaVersion: 'model-approval-package/1', sections });

describe('changedSectionKeys', () => {
  it('lists new and modified sections, not unchanged ones whatever their key order', () => {
    const previous = content([
      { key: 'a', kind: 'narrative', title: 'A', markdown: 'same' },
      { key: 'b', kind: 'narrative', title: 'B', markdown: 'old' },
    ]);
    const current = content([
      { markdown: 'same', title: 'A', kind: 'narrative', key: 'a' },
      { key: 'b', kind: 'narrative', title: 'B', markdown: 'new' },
      { key: 'c', kind: 'narrative', title: 'C', markdown: 'added' },
    ]);
    expect([...changedSectionKeys(current, previous)]).toEqual(['b', 'c']);
  });
});
