import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmLocaleData } from './warm-locale-data.ts';

describe('warmLocaleData', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('makes react-aria’s locale call in a later task, never in the one that evaluates the page', () => {
    vi.useFakeTimers();
    const supported = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf');
    warmLocaleData();
    expect(supported).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(supported).toHaveBeenCalledWith([navigator.language]);
  });

  it('lets a locale tag that Intl refuses pass, as react-aria falls back on its own', () => {
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation(() => {
      throw new RangeError('Incorrect locale information provided');
    });
    const tasks: (() => void)[] = [];
    warmLocaleData((task) => tasks.push(task));
    expect(tasks).toHaveLength(1);
    expect(() => tasks[0]?.()).not.toThrow();
  });
});
