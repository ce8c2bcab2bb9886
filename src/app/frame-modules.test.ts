import { describe, expect, it, vi } from 'vitest';
import { afterFrame, loaderAfterFrame } from './frame-modules.ts';

// What ran, in order: each mocked module notes when it is evaluated, and queues a task that
// notes itself, so a yield between two imports shows as that task coming between them.
const order = vi.hoisted(() => [] as string[]);
vi.mock('#api/routes.ts', () => {
  order.push('contracts');
  setTimeout(() => order.push('a later task'), 0);
  return {};
});
vi.mock('./app-shell.tsx', () => {
  order.push('frame');
  return { AppShell: () => null };
});

describe('the signed-in frame, evaluated in parts', () => {
  it('evaluates the contracts, then in a later task the frame, and only then the page', async () => {
    const page = vi.fn(() => {
      order.push('page');
      return Promise.resolve({ Component: () => null });
    });
    const loader = vi.fn(() => {
      order.push('loader');
      return null;
    });
    const lazy = afterFrame(page);
    const load = loaderAfterFrame(loader);
    const loaded = Promise.all([lazy(), load({ params: {}, request: new Request('http://localhost/packages/p1'), context: undefined } as never)]);
    expect(page).not.toHaveBeenCalled();
    expect(loader).not.toHaveBeenCalled();
    await loaded;
    expect(order.slice(0, 3)).toEqual(['contracts', 'a later task', 'frame']);
    expect(order.slice(3).sort()).toEqual(['loader', 'page']);
  });

  it('loads the frame once for every page that waits for it', async () => {
    const before = order.filter((step) => step === 'frame').length;
    await Promise.all([afterFrame(() => Promise.resolve(1))(), afterFrame(() => Promise.resolve(2))()]);
    expect(order.filter((step) => step === 'frame').length).toBe(before);
  });
});
