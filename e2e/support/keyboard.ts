// Keyboard-only journeys: reach a control with Tab alone, the way a keyboard user would,
// and fail with a clear message if it cannot be reached.
import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';

export async function tabTo(page: Page, target: Locator, { maxPresses = 80, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reachable within ${maxPresses} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

/** Presses a shortcut key (j: next section, n: next thread) until `target` has focus, the way a keyboard user moves through a package. */
export async function pressUntilFocused(page: Page, key: string, target: Locator, { maxPresses = 30 } = {}): Promise<void> {
  for (let i = 0; i < maxPresses && !(await target.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press(key);
  await expect(target, `not reached within ${maxPresses} presses of ${key}`).toBeFocused();
}

/** The owner answers a thread by keyboard: n to the thread, Tab to "Reply…", Enter (the answer box takes the focus), type, Tab to Send, Enter. */
export async function answerThreadByKeyboard(page: Page, thread: Locator, answer: string): Promise<void> {
  await expect(thread).toBeVisible();
  await pressUntilFocused(page, 'n', thread);
  await tabTo(page, thread.getByRole('button', { name: 'Reply…' }));
  await page.keyboard.press('Enter');
  await expect(thread.getByRole('textbox', { name: 'Your answer' })).toBeFocused();
  await page.keyboard.type(answer);
  await page.keyboard.press('Tab');
  await expect(thread.getByRole('button', { name: 'Send answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(thread).toContainText('↩ Answered');
}

/**
 * Opens a focused file input's chooser with Space. Chromium sometimes drops the first key press
 * that would open a native dialog while the page is still settling, so a press that opened
 * nothing within five seconds is repeated (three presses at most), always with the input focused.
 */
export async function openFileChooserByKeyboard(page: Page, input: Locator): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    await expect(input).toBeFocused();
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Space');
    try {
      return await chooser;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
