// Screenshots of a page at the widths the app is checked at, each also checked for sideways
// scrolling (a page that scrolls sideways at 390 px is broken on a phone).
import { expect, type Locator, type Page } from '@playwright/test';

export async function shootAtWidths(page: Page, name: string, outputPath: (name: string) => string, fullPage: boolean): Promise<void> {
  for (const width of [1440, 1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} at ${width} px scrolls sideways`).toBe(true);
    await page.screenshot({ path: outputPath(`${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * At a phone's width (or `width`), what `scope` shows fits it: the page does not scroll
 * sideways, and no table in it is left in a frame that does (a ScrollFrame), measured. For
 * content laid out to fit (decision 0170), not for wide data tables meant to scroll.
 */
export async function expectFitsWidth(page: Page, scope: Locator, width = 390): Promise<void> {
  await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
  // Measured after the layout has settled (a few frames), not by the frame's name, which
  // follows a resize observer and could still be the wide layout's.
  const clipped = await scope.evaluate(async (root) => {
    for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    return [...root.querySelectorAll('.overflow-x-auto')].filter((frame) => frame.scrollWidth > frame.clientWidth + 1).map((frame) => frame.getAttribute('aria-label') ?? frame.textContent.slice(0, 60));
  });
  expect(clipped, `tables that scroll sideways at ${width} px`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `the page scrolls sideways at ${width} px`).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
}
