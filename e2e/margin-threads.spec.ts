// Threads in a right-hand margin (issue 22, defect 7 and the review surface): from 1280 px a
// thread sits beside its section's text, level with its highlighted passage; a click on the
// highlight (or Enter on its marker) goes to the thread and the thread's quote leads back;
// "Annotate selected passage" appears at the selection, not at the end of the section;
// replies wait behind "Reply…"; the one-line contents list marks the section the reader is
// in; the package opens on its document, its details one tab away. By mouse and by keyboard,
// at 1440, 1280 and 390 px, axe clean. On a server of the test's own: the threads opened here
// must not show up in the highlight counts of the other specs.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/isolated-server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { pressUntilFocused, tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';

const assistant = '/packages/pkg_support_assistant_llm';
const passage = 'served with vLLM on the Company';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Selects `text` in a section's body, as a reader dragging over it would, and answers where it is on screen. */
async function selectPassage(page: Page, sectionKey: string, text: string): Promise<Box> {
  return page.evaluate(
    ({ sectionKey, text }) => {
      const body = document.querySelector(`[data-section-body="${sectionKey}"]`);
      if (!body) throw new Error(`no body for ${sectionKey}`);
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        const rect = range.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }
      throw new Error(`"${text}" is not in ${sectionKey}`);
    },
    { sectionKey, text },
  );
}

/** Where the highlight of a quoted passage is on screen (CSS Custom Highlight ranges): its first line. */
async function highlightBox(page: Page, text: string): Promise<Box | null> {
  return page.evaluate((text) => {
    for (const name of ['thread-quote', 'thread-quote-current']) {
      for (const range of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
        if (range.toString() !== text) continue;
        const rect = range.getClientRects()[0];
        return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
      }
    }
    return null;
  }, text);
}

/** Where the current selection is on screen now: the page may have moved since it was made. */
async function selectionBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0) throw new Error('nothing is selected');
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

/** The gap between two boxes on screen, 0 when they touch or overlap. */
function distance(a: Box, b: Box): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** A model risk reviewer opens the support assistant package at the given width. */
async function openAssistant(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await loginAs(page, 'model-risk@example.com');
  await page.goto(assistant);
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('at 1440 px a thread sits beside its passage; the highlight and the thread lead to each other', async ({ page }) => {
  test.setTimeout(90_000);
  await openAssistant(page, 1440, 900);
  const design = page.getByRole('region', { name: 'Design and methodology' });
  const text = design.locator('[data-section-text]');
  await expect(design).toBeVisible();

  // The button is at the selection, not at the end of a long section.
  await selectPassage(page, 'design_methodology', passage);
  const annotate = design.getByRole('button', { name: 'Annotate selected passage' });
  await expect(annotate).toBeVisible();
  // Polled, and against where the selection is now: the threads column and late content may
  // still move the text after the selection was made, and the button follows it.
  await expect
    .poll(async () => distance(await box(annotate), await selectionBox(page)), { message: 'the button is within 100 px of the selection' })
    .toBeLessThan(100);
  expect((await box(text)).height, 'the section is much taller than that').toBeGreaterThan(600);
  await annotate.click();

  const form = design.getByRole('form', { name: 'Annotate “Design and methodology”' });
  await expect(form.getByRole('textbox', { name: /Quoted passage/ })).toHaveValue(passage);
  const question = `Which vLLM version, and is it pinned (${Date.now().toString(36)})?`;
  await form.getByRole('textbox', { name: 'Your question' }).fill(question);
  await form.getByRole('button', { name: 'Ask for clarification' }).click();
  const thread = design.getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(thread).toBeFocused();

  // Beside the text, level with its highlight.
  await expect.poll(() => highlightBox(page, passage)).not.toBeNull();
  await expect
    .poll(async () => {
      const highlight = await highlightBox(page, passage);
      return highlight ? Math.abs((await box(thread)).y - highlight.y) : Infinity;
    }, { message: 'the thread is level with its highlight' })
    .toBeLessThan(40);
  const textBox = await box(text);
  expect((await box(thread)).x, 'the thread is right of the section text').toBeGreaterThanOrEqual(textBox.x + textBox.width - 1);

  // Replies wait behind "Reply…".
  await expect(thread.getByRole('textbox')).toHaveCount(0);
  await thread.getByRole('button', { name: 'Reply…' }).click();
  await expect(thread.getByRole('textbox', { name: 'Reply' })).toBeFocused();
  await thread.getByRole('button', { name: 'Cancel' }).click();
  await expect(thread.getByRole('textbox')).toHaveCount(0);
  await expect(thread.getByRole('button', { name: 'Reply…' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('margin-1440.png') });
  await expectNoAxeViolations(page);

  // A click on the highlight goes to its thread.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.getSelection()?.removeAllRanges();
  });
  const highlight = await highlightBox(page, passage);
  if (!highlight) throw new Error('no highlight');
  await page.mouse.click(highlight.x + highlight.width / 2, highlight.y + highlight.height / 2);
  await expect(thread).toBeFocused();
  await expect(page).toHaveURL(/#thread-thr_/);

  // The thread's quote leads back to the passage.
  await page.evaluate(() => window.scrollTo(0, 0));
  await thread.getByRole('button', { name: 'Show in the text' }).click();
  await expect(design.getByRole('link', { name: `Go to the thread on “${passage}”` })).toBeFocused();
  const back = await highlightBox(page, passage);
  expect(back && back.y > 0 && back.y < 900, 'the passage is on screen').toBe(true);
});

test('by keyboard alone: a selected passage, its thread, the marker back to it, Reply…', async ({ page }) => {
  test.setTimeout(90_000);
  await openAssistant(page, 1280, 720);
  const design = page.getByRole('region', { name: 'Design and methodology' });
  await pressUntilFocused(page, 'j', design);

  // A keyboard user selects with caret browsing (F7, then Shift+arrows); Playwright cannot
  // drive caret browsing, so the selection is made as it would end up.
  await selectPassage(page, 'design_methodology', passage);
  const annotate = design.getByRole('button', { name: 'Annotate selected passage' });
  await tabTo(page, annotate);
  await page.keyboard.press('Enter');
  const form = design.getByRole('form', { name: 'Annotate “Design and methodology”' });
  await expect(form.getByRole('radio', { name: /^Clarification request/ })).toBeFocused();
  await expect(form.getByRole('textbox', { name: /Quoted passage/ })).toHaveValue(passage);
  await tabTo(page, form.getByRole('textbox', { name: 'Your question' }));
  const question = `Is the LoRA adapter versioned with the model (${Date.now().toString(36)})?`;
  await page.keyboard.type(question);
  await tabTo(page, form.getByRole('button', { name: 'Ask for clarification' }));
  await page.keyboard.press('Enter');
  const thread = design.getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(thread).toBeFocused();

  // Back to the passage's marker, and Enter on it goes to the thread again.
  const marker = design.getByRole('link', { name: `Go to the thread on “${passage}”` });
  await tabTo(page, marker, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(thread).toBeFocused();

  await tabTo(page, thread.getByRole('button', { name: 'Reply…' }));
  await page.keyboard.press('Enter');
  await expect(thread.getByRole('textbox', { name: 'Reply' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('margin-1280.png') });
  await expectNoAxeViolations(page);
});

test('the one-line contents list follows the reader; the package opens on its document, details one tab away', async ({ page }) => {
  await openAssistant(page, 1440, 900);
  const contents = page.getByRole('navigation', { name: 'Sections' });
  await expect(contents.getByRole('link', { name: 'Identification' })).toHaveAttribute('aria-current', 'location');
  expect((await box(contents)).height, 'one line').toBeLessThan(60);

  await page.getByRole('region', { name: 'Subgroup fairness' }).evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await expect(contents.getByRole('link', { name: 'Subgroup fairness' })).toHaveAttribute('aria-current', 'location');
  await expect(contents.getByRole('link', { name: 'Identification' })).not.toHaveAttribute('aria-current');
  await expect(contents).toBeInViewport();
  await expect(contents.getByRole('link', { name: 'Subgroup fairness' })).toBeInViewport();

  // The document first; the facts and versions on the other tab; the chain of steps on both.
  await page.evaluate(() => window.scrollTo(0, 0));
  const tabs = page.getByRole('tablist', { name: 'Package' });
  await expect(tabs.getByRole('tab', { name: 'Document' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Versions' })).toHaveCount(0);
  await tabs.getByRole('tab', { name: 'Details and versions' }).click();
  await expect(page).toHaveURL(/[?&]tab=details/);
  await expect(page.getByRole('region', { name: 'Versions' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Identification' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Review steps' })).toBeVisible();
  await expectNoAxeViolations(page);
  await tabs.getByRole('tab', { name: 'Document' }).click();
  await expect(page.getByRole('region', { name: 'Identification' })).toBeVisible();
});

test('at 390 px threads follow their section, the button still comes to the selection, and nothing scrolls sideways', async ({ page }) => {
  test.setTimeout(90_000);
  await openAssistant(page, 390, 844);
  const evaluation = page.getByRole('region', { name: 'Evaluation against policy thresholds' });
  const thread = evaluation.getByRole('article', { name: /^Clarification request/ });
  await thread.scrollIntoViewIfNeeded();
  const text = await box(evaluation.locator('[data-section-text]'));
  expect((await box(thread)).y, 'below the section text').toBeGreaterThanOrEqual(text.y + text.height - 1);
  await expect(thread.getByRole('textbox')).toHaveCount(0);
  expect(await noSidewaysScroll(page)).toBe(true);

  const design = page.getByRole('region', { name: 'Design and methodology' });
  await design.getByRole('heading', { name: 'Design and methodology' }).scrollIntoViewIfNeeded();
  await selectPassage(page, 'design_methodology', passage);
  const annotate = design.getByRole('button', { name: 'Annotate selected passage' });
  await expect(annotate).toBeVisible();
  await expect.poll(async () => distance(await box(annotate), await selectionBox(page))).toBeLessThan(100);
  expect(await noSidewaysScroll(page)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('margin-390.png') });
  await expectNoAxeViolations(page);
});
