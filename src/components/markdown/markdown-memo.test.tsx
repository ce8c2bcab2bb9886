// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PackageMarkdown } from './markdown.tsx';

/** A rehype plugin that counts the texts it was run on: one per parse. */
function countingPlugin(counter: { runs: number }) {
  return () => () => {
    counter.runs += 1;
  };
}

describe('PackageMarkdown around an unchanged text', () => {
  it('does not parse it again when its parent re-renders with the same text (the diff view re-renders as sections arrive)', () => {
    const counter = { runs: 0 };
    const plugins = [countingPlugin(counter)];
    let bump: () => void = () => undefined;
    function Parent({ text }: { text: string }) {
      const [renders, setRenders] = useState(0);
      bump = () => setRenders((n) => n + 1);
      return (
        <div data-renders={renders}>
          <PackageMarkdown headingLevel={3} idPrefix="memo" rehypePlugins={plugins}>
            {text}
          </PackageMarkdown>
        </div>
      );
    }
    const view = render(<Parent text="A *first* text." />);
    expect(counter.runs).toBe(1);
    for (let i = 0; i < 3; i++) view.rerender(<Parent text="A *first* text." />);
    act(() => bump());
    expect(view.container.querySelector('[data-renders="1"]')).not.toBeNull();
    expect(counter.runs).toBe(1);
    view.rerender(<Parent text="A *second* text." />);
    expect(counter.runs).toBe(2);
    expect(view.container.querySelector('em')?.textContent).toBe('second');
  });
});
