import { describe, expect, it } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import { diffPackages } from '#domain/diff/package-diff.ts';
import { defaultDiffBounds } from '#domain/diff/types.ts';
import { postedSection } from './posted-diff.ts';

const bounds = { ...defaultDiffBounds, timeoutMs: 60_000, markdownBlocks: true };
const full = diffPackages(retailCreditPdV1, retailCreditPdV2, bounds).sections;
const posted = full.map(postedSection);

describe('a compared section as the diff workers post it to the page', () => {
  it('keeps everything of a Markdown field shown as blocks but its texts and word spans', () => {
    const shown = full.flatMap((section) => section.fields).filter((field) => field.blocks !== undefined && field.text !== null);
    // The demo's revision changes Markdown: the test would prove nothing otherwise.
    expect(shown.length).toBeGreaterThan(0);
    const postedFields = posted.flatMap((section) => section.fields);
    for (const field of shown) {
      const copy = postedFields.find((candidate) => candidate.blocks === field.blocks);
      expect(copy).toEqual({ ...field, before: null, after: null, text: { ...field.text, spans: [] } });
      expect(field.text?.spans.length).toBeGreaterThan(0);
    }
  });

  it('leaves every other field, row and count as compared', () => {
    for (const [index, section] of full.entries()) {
      const copy = posted[index];
      expect({ ...copy, fields: [] }).toEqual({ ...section, fields: [] });
      section.fields.forEach((field, at) => {
        if (field.blocks === undefined || field.text === null) expect(copy?.fields[at]).toBe(field);
      });
    }
    // Row fields are texts, not Markdown: the view renders their spans.
    expect(posted.flatMap((section) => section.rows.flatMap((row) => row.fields)).filter((field) => field.text !== null && field.text.spans.length === 0 && field.status !== 'unchanged')).toEqual([]);
  });

  it('is smaller to copy', () => {
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(posted)).toBeLessThan(size(full) * 0.8);
  });
});
