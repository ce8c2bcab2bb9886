import { describe, expect, it } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '../../demo/retail-credit-pd.ts';
import type { Section } from '../contracts/sections.ts';
import { diffPackages } from './package-diff.ts';
import { diffSection } from './section-diff.ts';
import { defaultDiffBounds } from './types.ts';

// The diff view's form (DiffBounds.markdownBlocks 'only', decision 0212): a changed Markdown
// field compared block by block only, without the whole text's word diff.
const both = { ...defaultDiffBounds, timeoutMs: 60_000, markdownBlocks: true };
const only = { ...both, markdownBlocks: 'only' } as const;
const narrative = (markdown: string, title = 'Scope'): Section => ({ key: 'scope', kind: 'narrative', title, markdown });

describe('Markdown compared block by block only', () => {
  it('gives the same blocks, statuses and counts of changes as with the word diff beside them, without the texts and spans', () => {
    const full = diffPackages(retailCreditPdV1, retailCreditPdV2, both).sections;
    const lean = diffPackages(retailCreditPdV1, retailCreditPdV2, only).sections;
    let shownAsBlocks = 0;
    for (const [index, section] of full.entries()) {
      const other = lean[index];
      expect({ ...other, fields: [] }).toEqual({ ...section, fields: [] });
      section.fields.forEach((field, at) => {
        const leanField = other?.fields[at];
        if (field.blocks === undefined) return expect(leanField).toEqual(field);
        shownAsBlocks += 1;
        expect(leanField).toEqual({ ...field, before: null, after: null, text: { ...field.text, spans: [], insertedWords: leanField?.text?.insertedWords, deletedWords: leanField?.text?.deletedWords } });
      });
    }
    // The demo's revision changes Markdown: the test would prove nothing otherwise.
    expect(shownAsBlocks).toBeGreaterThan(0);
  });

  it('counts the words of the blocks: changed words of an edited block, all of an added one', () => {
    const diff = diffSection(narrative('Monitoring is quarterly by band.\n\nOwners review it.'), narrative('Monitoring is monthly by band.\n\nOwners review it.\n\nA new paragraph here.'), only);
    expect(diff.fields.find((field) => field.key === 'markdown')?.text).toEqual({ spans: [], granularity: 'words', insertedWords: 5, deletedWords: 1 });
    expect(diff.coarse).toBe(false);
  });

  it('is coarse when a block’s word diff exceeds the bounds, that block shown old then new', () => {
    const diff = diffSection(narrative('Monitoring is quarterly by age band and region.'), narrative('Monitoring is monthly by age band and region.'), { ...only, maxEditLength: 1 });
    const field = diff.fields.find((candidate) => candidate.key === 'markdown');
    expect(field?.text?.granularity).toBe('lines');
    expect(field?.blocks?.map((block) => block.status)).toEqual(['rewritten']);
    expect(diff.coarse).toBe(true);
  });

  it('keeps an unchanged Markdown text as a value, as before', () => {
    const diff = diffSection(narrative('Same text.', 'Scope'), narrative('Same text.', 'Scope of use'), only);
    expect(diff.fields.find((field) => field.key === 'markdown')).toEqual({ key: 'markdown', label: 'Text', status: 'unchanged', before: 'Same text.', after: 'Same text.', text: null });
  });
});
