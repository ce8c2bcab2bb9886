// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackageTabs } from './package-tabs.tsx';

function Harness({ onRender }: { onRender?: () => void }) {
  const [selected, setSelected] = useState<'document' | 'details'>('document');
  onRender?.();
  return (
    <PackageTabs
      label="Package"
      selected={selected}
      onSelect={setSelected}
      tabs={[
        { key: 'document', label: 'Document', keepMounted: true, content: <a href="#s1">Section 1</a> },
        { key: 'details', label: 'Details and versions', content: <p>Versions</p> },
      ]}
    />
  );
}

describe('the package page tabs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('follow the tabs pattern: one Tab stop, arrows wrap and select, Home and End, panels named by their tab', async () => {
    const user = userEvent.setup();
    const view = render(<Harness />);
    const list = within(view.container).getByRole('tablist', { name: 'Package' });
    const [document, details] = within(list).getAllByRole('tab');
    if (!document || !details) throw new Error('two tabs');
    expect(document).toHaveAttribute('aria-selected', 'true');
    expect(details).toHaveAttribute('tabindex', '-1');
    expect(within(view.container).getByRole('tabpanel', { name: 'Document' })).toHaveTextContent('Section 1');

    await user.tab();
    expect(document).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(details).toHaveFocus();
    expect(details).toHaveAttribute('aria-selected', 'true');
    expect(within(view.container).getByRole('tabpanel', { name: 'Details and versions' })).toHaveTextContent('Versions');
    // The document stays in the page, hidden and out of reach, so its state survives.
    const kept = view.container.querySelector(`#${CSS.escape(document.getAttribute('aria-controls') ?? '')}`);
    expect(kept).toHaveAttribute('hidden');
    expect(kept).toHaveAttribute('inert');
    await user.keyboard('{ArrowRight}');
    expect(document).toHaveFocus();
    expect(document).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(details).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(document).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(details).toHaveAttribute('aria-selected', 'true');
  });

  it('does not walk the panel checking visibility after the document changes (decision 0187)', async () => {
    const check = vi.fn(() => true);
    const style = vi.spyOn(window, 'getComputedStyle');
    Object.defineProperty(HTMLElement.prototype, 'checkVisibility', { configurable: true, value: check });
    try {
      const view = render(<Harness />);
      const panel = within(view.container).getByRole('tabpanel', { name: 'Document' });
      style.mockClear();
      panel.append(Object.assign(window.document.createElement('button'), { textContent: 'More' }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      // React Aria's TabPanel asked one or the other of every element up to the first tabbable.
      expect(check).not.toHaveBeenCalled();
      expect(style).not.toHaveBeenCalled();
    } finally {
      delete (HTMLElement.prototype as { checkVisibility?: unknown }).checkVisibility;
    }
  });
});
