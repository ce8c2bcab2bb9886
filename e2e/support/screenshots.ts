// Screenshots of a page at the widths the app is checked at, each also checked for sideways
// scrolling (a page that scrolls sideways at 390 px is broken on a phone).
import { expect, type Page } from '@playwright/test';

export async function shootAtWidths(page: Page, name: string, outputPath: (name: string) => string, fullPage: boolean): Promise<void> {
  for (const width of [1440, 1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} at ${width} px scrolls sideways`).toBe(true);
    await page.screenshot({ path: outputPath(`${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
