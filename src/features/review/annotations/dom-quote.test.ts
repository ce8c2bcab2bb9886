// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findQuoteRange, selectorFromRange } from './dom-quote.ts';

function mount(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('findQuoteRange', () => {
  it('finds a passage across inline markup and folded white space', () => {
    const root = mount('<p>The model was trained on <strong>bureau   data</strong>\nfrom 2019.</p>');
    const range = findQuoteRange(root, { exact: 'trained on bureau data from', prefix: '', suffix: '' });
    expect(range?.toString()).toBe('trained on bureau   data\nfrom');
  });

  it('separates table cells as the stored text does, and skips ignored parts', () => {
    const root = mount('<table><tr><td>AUC</td><td>0.81</td></tr></table><div data-quote-ignore>AUC 0.81 again</div>');
    expect(findQuoteRange(root, { exact: 'AUC 0.81', prefix: '', suffix: '' })?.toString()).toBe('AUC0.81');
    expect(findQuoteRange(root, { exact: 'again', prefix: '', suffix: '' })).toBeNull();
  });

  it('picks the repeat whose prefix fits', () => {
    const root = mount('<p>first: data drift.</p><p>second: data drift.</p>');
    const range = findQuoteRange(root, { exact: 'data drift', prefix: 'second:', suffix: '' });
    expect(range?.startContainer.textContent).toBe('second: data drift.');
  });

  it('answers null for a passage that is not there', () => {
    expect(findQuoteRange(mount('<p>text</p>'), { exact: 'absent', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('selectorFromRange', () => {
  it('takes the selected text with some context either side', () => {
    const root = mount('<p>Applications from 2019 to 2023, excluding thin files.</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 18);
    range.setEnd(text, 30);
    expect(selectorFromRange(root, range)).toEqual({ exact: '2019 to 2023', prefix: 'Applications from', suffix: ', excluding thin files.' });
  });

  it('ignores a selection outside the root or an empty one', () => {
    const root = mount('<p>inside</p>');
    const outside = document.createElement('p');
    outside.textContent = 'outside';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(selectorFromRange(root, range)).toBeNull();
    const empty = document.createRange();
    empty.setStart(root, 0);
    expect(selectorFromRange(root, empty)).toBeNull();
  });
});
