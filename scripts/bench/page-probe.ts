// Code that runs inside the benchmarked page. Playwright sends these functions to the browser
// as source text, so they must not use anything from their surrounding module. Times are
// performance.now(): milliseconds since the navigation started.

export interface OpenProbe {
  /** When the first section, with its body rendered, was put into the document. */
  sectionInserted?: number;
  /** The first task the main thread ran after the frame that shows that section: from then on a click is handled. */
  interactive?: number;
  /** Whether the first section's heading had a layout box in that frame. */
  headingVisible?: boolean;
  /** The latest largest-contentful-paint candidate. */
  lcp?: number;
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    benchProbe?: OpenProbe;
  }
}

/** Installed before any of the app's scripts run (page.addInitScript). */
export function installOpenProbe(): void {
  const probe: OpenProbe = { longTasks: [] };
  window.benchProbe = probe;
  // Entries are delivered after the fact, so observing from the start misses nothing.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });

  // Polling from Playwright would add its own delay; a MutationObserver sees the insertion
  // in the same task. The rAF runs just before the frame that shows the section is painted,
  // and a task queued from it runs once that frame is done and the thread is free: input
  // arriving then is handled.
  const sections = new MutationObserver(() => {
    // The first section with its body rendered (sections further down may still be
    // placeholders, rendered slice by slice).
    const section = document.querySelector('section[id^="section-"] [data-section-body]:not([data-pending])')?.closest('section');
    if (!section) return;
    sections.disconnect();
    probe.sectionInserted = performance.now();
    requestAnimationFrame(() => {
      probe.headingVisible = (section.querySelector('h2')?.getBoundingClientRect().height ?? 0) > 0;
      setTimeout(() => {
        probe.interactive = performance.now();
      }, 0);
    });
  });
  sections.observe(document, { childList: true, subtree: true });
}

/** Scrolls each section into view in turn, two frames apiece; returns when it started. */
export async function moveThroughSections(): Promise<{ start: number; count: number }> {
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  const all = document.querySelectorAll('section[id^="section-"]');
  for (const section of all) {
    section.scrollIntoView();
    await frame();
    await frame();
  }
  return { start, count: all.length };
}
