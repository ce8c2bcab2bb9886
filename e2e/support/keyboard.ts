// Keyboard-only journeys: reach a control with Tab alone, the way a keyboard user would,
// and fail with a clear message if it cannot be reached.
import { expect, type Locator, type Page } from '@playwright/test';

export async function tabTo(page: Page, target: Locator, { maxPresses = 80, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reachable within ${maxPresses} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}
