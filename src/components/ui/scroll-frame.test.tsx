// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScrollFrame } from './scroll-frame.tsx';

/** A ResizeObserver whose callbacks the test delivers, as the browser does after a layout. */
class FakeResizeObserver {
  static made: FakeResizeObserver[] = [];
  observed: Element[] = [];
  readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
    FakeResizeObserver.made.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  deliver() {
    this.callback([], this as unknown as ResizeObserver);
  }
}

// Widths as layout would give them; every read is counted (a read in the commit is a forced layout).
let widths = { scroll: 300, client: 300 };
let reads = 0;
beforeEach(() => {
  FakeResizeObserver.made = [];
  reads = 0;
  widths = { scroll: 300, client: 300 };
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(() => (reads++, widths.scroll));
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => (reads++, widths.client));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const frame = () => screen.getByText('wide').parentElement as HTMLElement;
const deliver = () => FakeResizeObserver.made.forEach((observer) => observer.deliver());

describe('ScrollFrame', () => {
  it('reads no size while rendering: only in its resize observer, after the browser laid it out', () => {
    widths = { scroll: 900, client: 300 };
    render(
      <ScrollFrame label="Metrics">
        <table>
          <tbody>
            <tr>
              <td>wide</td>
            </tr>
          </tbody>
        </table>
      </ScrollFrame>,
    );
    expect(reads).toBe(0);
    expect(FakeResizeObserver.made).toHaveLength(1);
    deliver();
    expect(reads).toBeGreaterThan(0);
  });

  it('is a named Tab stop while its content overflows, and no stop while it fits', () => {
    const { rerender } = render(
      <ScrollFrame label="Metrics">
        <p>wide</p>
      </ScrollFrame>,
    );
    deliver();
    expect(frame()).not.toHaveAttribute('tabindex');
    expect(screen.queryByRole('group')).toBeNull();

    widths = { scroll: 900, client: 300 };
    deliver();
    expect(frame()).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('group', { name: 'Metrics (scrolls sideways)' })).toBe(frame());

    // A re-render of the frame keeps what the observer set: React does not own these attributes.
    rerender(
      <ScrollFrame label="Metrics by group">
        <p>wide</p>
      </ScrollFrame>,
    );
    expect(screen.getByRole('group', { name: 'Metrics by group (scrolls sideways)' })).toBe(frame());

    widths = { scroll: 300, client: 300 };
    deliver();
    expect(frame()).not.toHaveAttribute('tabindex');
    expect(frame()).not.toHaveAttribute('aria-label');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('watches the frame and what it holds, and stops when it goes', () => {
    const { unmount } = render(
      <ScrollFrame label="Metrics">
        <p>wide</p>
      </ScrollFrame>,
    );
    const [observer] = FakeResizeObserver.made;
    expect(observer?.observed).toEqual([frame(), screen.getByText('wide')]);
    unmount();
    expect(observer?.observed).toEqual([]);
  });
});
