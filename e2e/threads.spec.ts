// Clarification threads end to end, in Chromium against the real server: a reviewer
// selects a passage of the training-data section and asks for clarification; the owner
// finds it under "Clarifications for me" and answers; the reviewer resolves it; all of it
// survives a reload. Then the same journey by keyboard alone. axe is clean on the way.
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { answerThreadByKeyboard, tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';

const highlightCount = (page: Page) => page.evaluate(() => CSS.highlights.get('thread-quote')?.size ?? 0);

test('a reviewer asks about a selected passage, the owner answers, the reviewer resolves', async ({ page }) => {
  // Five axe passes over the long clinical package page take most of the time (5 to 7 s each).
  test.setTimeout(90_000);
  await loginAs(page, 'model-risk@example.com');
  await page.goto('/packages/pkg_clinical_deterioration_risk');
  const training = page.getByRole('region', { name: 'Training data provenance' });

  // A real selection: double-clicking a word selects it.
  await training.getByText(/IRB determination 2023-0417-QI/).dblclick({ position: { x: 4, y: 6 } });
  const selected = await page.evaluate(() => document.getSelection()?.toString().trim());
  expect(selected).toBeTruthy();
  await training.getByRole('button', { name: 'Annotate selected passage' }).click();
  // Threads are found by their question, unique per run: the spec can run again on one server.
  const question = `Which committee signed the quality-improvement determination (${Date.now().toString(36)})?`;
  const form = training.getByRole('form', { name: 'Annotate “Training data provenance”' });
  await expect(form.getByRole('textbox', { name: /Quoted passage/ })).toHaveValue(selected ?? '');
  await expectNoAxeViolations(page);
  await form.getByRole('textbox', { name: 'Your question' }).fill(question);
  await form.getByRole('button', { name: 'Ask for clarification' }).click();
  const thread = training.getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(thread).toBeFocused();
  await expect(thread).toContainText('● Open');
  await expect(thread.getByRole('blockquote')).toHaveText(`“${selected}”`);
  await expect.poll(() => highlightCount(page)).toBe(1);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('listitem').filter({ hasText: 'Training data provenance' })).toContainText(/● \d+ open threads?/);
  const threadLink = await thread.getByRole('link', { name: 'Link to this thread (clarification request)' }).getAttribute('href');
  await expectNoAxeViolations(page);

  // The owner.
  await page.context().clearCookies();
  await loginAs(page, 'owner@example.com');
  await page.getByRole('link', { name: /^Clarifications for me/ }).click();
  await page.getByRole('link', { name: /^Clinical Deterioration Risk/ }).click();
  await expect(page.getByText(/A reviewer asked for a clarification: answer it in its thread|Reviewers asked for/)).toBeVisible();
  const ownersView = page.getByRole('region', { name: 'Training data provenance' }).getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await ownersView.getByRole('button', { name: 'Reply…' }).click();
  await ownersView.getByRole('textbox', { name: 'Your answer' }).fill('The Data Governance Council (DGC-2023-041); it is reviewed yearly, next in March.');
  await ownersView.getByRole('button', { name: 'Send answer' }).click();
  await expect(ownersView).toContainText('↩ Answered');
  await expectNoAxeViolations(page);

  // The reviewer again, from the pasted thread link.
  await page.context().clearCookies();
  await loginAs(page, 'model-risk@example.com');
  await page.goto(threadLink ?? '');
  const again = page.getByRole('region', { name: 'Training data provenance' }).getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(again).toBeFocused();
  await expect(again).toContainText('The Data Governance Council (DGC-2023-041)');
  await again.getByRole('button', { name: 'Resolve thread' }).click();
  await expect(again).toContainText('✓ Resolved');

  await page.reload();
  const reloaded = page.getByRole('region', { name: 'Training data provenance' }).getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(reloaded).toContainText('✓ Resolved');
  await expect(reloaded).toContainText('Resolved by Elena Vasquez');
  await expect(reloaded).toContainText('The Data Governance Council (DGC-2023-041)');
  await expect.poll(() => highlightCount(page)).toBe(0);
  await expectNoAxeViolations(page);
});

test('the same journey by keyboard alone', async ({ page }) => {
  // Three sign-ins and an axe pass over a long package page.
  test.setTimeout(60_000);
  await loginAs(page, 'fair-lending@example.com');
  await page.goto('/packages/pkg_retail_credit_pd');
  await expect(page.getByRole('region', { name: 'Identification' })).toBeVisible();

  // j moves section by section; a opens the annotation form of the section in focus.
  const training = page.getByRole('region', { name: 'Training data provenance' });
  for (let i = 0; i < 4; i++) await page.keyboard.press('j');
  await expect(training).toBeFocused();
  await expect(page).toHaveURL(/#section-training_data$/);
  await page.keyboard.press('a');
  const form = training.getByRole('form', { name: 'Annotate “Training data provenance”' });
  await expect(form.getByRole('radio', { name: /^Clarification request/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: /Quoted passage/ })).toBeFocused();
  await page.keyboard.type('Joint applications are represented by the primary applicant');
  await page.keyboard.press('Tab');
  const question = `Which bureau attributes were excluded as proxies for protected classes (${Date.now().toString(36)})?`;
  await page.keyboard.type(question);
  await tabTo(page, form.getByRole('button', { name: 'Ask for clarification' }));
  await page.keyboard.press('Enter');
  const thread = training.getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(thread).toBeFocused();

  // The owner, from the inbox, by Tab alone.
  await page.context().clearCookies();
  await loginAs(page, 'owner@example.com');
  await tabTo(page, page.getByRole('link', { name: /^Clarifications for me/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: /^Retail Credit PD/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Retail Credit PD 4.2.0' })).toBeVisible();
  // n goes from thread to thread; the open one is in the training-data section.
  const ownersView = page.getByRole('region', { name: 'Training data provenance' }).getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await answerThreadByKeyboard(page, ownersView, 'Age, ZIP-derived geography and marital status were excluded; see the proxy analysis.');

  // The reviewer resolves it.
  await page.context().clearCookies();
  await loginAs(page, 'fair-lending@example.com');
  await page.goto('/packages/pkg_retail_credit_pd');
  const reviewersView = page.getByRole('region', { name: 'Training data provenance' }).getByRole('article', { name: /^Clarification request/ }).filter({ hasText: question });
  await expect(reviewersView).toContainText('Age, ZIP-derived geography');
  for (let i = 0; i < 30 && !(await reviewersView.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('n');
  await tabTo(page, reviewersView.getByRole('button', { name: 'Resolve thread' }));
  await page.keyboard.press('Enter');
  await expect(reviewersView).toContainText('✓ Resolved');
  await expect(reviewersView).toBeFocused();

  // The shortcuts are listed in a dialog that Escape closes.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});
