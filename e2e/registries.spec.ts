// Model registries end to end: an EventBridge "SageMaker Model Package State Change" event,
// delivered as an API destination delivers it (the connection's secret header), makes a draft
// that its owner finds on their drafts page; a forged one is refused. The administrator sees
// the configured connectors and tests the SageMaker connection with a real read call (the SDK
// against the e2e server's SageMaker endpoint). Keyboard and axe on both pages, and
// screenshots at three widths.
import { e2eRegistry, sageMakerStateChange } from '#tests/support/e2e-registry.ts';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { goToAccountPage, goToAdminPageByKeyboard } from './support/header.ts';

const widths = [390, 1280, 1440] as const;

test('a SageMaker event makes a draft the owner sees; the administrator tests the connection', async ({ page, request }, testInfo) => {
  const group = `e2e-fraud-${Date.now().toString(36)}`;
  const intake = `/api/registries/${e2eRegistry.connector}/sagemaker/events`;
  const event = sageMakerStateChange(group, 3);

  const forged = await request.post(intake, { data: event, headers: { 'x-registry-event-secret': 'not-the-secret-at-all' } });
  expect(forged.status()).toBe(401);
  const delivered = await request.post(intake, { data: event, headers: { 'x-registry-event-secret': e2eRegistry.sageMakerSecret } });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toMatchObject({ result: 'created' });
  // EventBridge delivers at least once.
  expect(await (await request.post(intake, { data: event, headers: { 'x-registry-event-secret': e2eRegistry.sageMakerSecret } })).json()).toMatchObject({ result: 'duplicate' });

  await loginAs(page, 'owner@example.com');
  await goToAccountPage(page, 'Registry drafts');
  await expect(page.getByRole('heading', { level: 1, name: 'Registry drafts' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: group });
  await expect(row).toContainText(`sagemaker: ${group} version 3`);
  await expect(row).toContainText('Priya Natarajan');
  // Keyboard: the download button takes focus and Enter saves the pre-filled content.
  const download = row.getByRole('button', { name: `Download JSON for ${group} 3` });
  await download.focus();
  const saved = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await saved;
  expect(file.suggestedFilename()).toBe(`${group}-3-draft.json`);
  // Saved where the test says: the browser is shared over a connection (e2e/support/browser-server.ts), where a download has no local path.
  const draftPath = testInfo.outputPath(`${group}-3-draft.json`);
  await file.saveAs(draftPath);
  const content = JSON.parse(await (await import('node:fs/promises')).readFile(draftPath, 'utf8')) as { sections: { key: string; metrics?: { name: string; value: number; threshold: null }[] }[] };
  expect(content.sections.find((s) => s.key === 'evaluation')?.metrics).toEqual([expect.objectContaining({ name: 'auc', value: 0.91, threshold: null }), expect.objectContaining({ name: 'recall', value: 0.74, threshold: null })]);
  await expectNoAxeViolations(page);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`registry-drafts-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.context().clearCookies();
  await loginAs(page, 'admin@example.com');
  await goToAdminPageByKeyboard(page, 'Model registries');
  await expect(page.getByRole('heading', { level: 1, name: 'Model registries' })).toBeVisible();
  const card = page.getByRole('region', { name: /sagemaker \(SageMaker Model Registry\)/ });
  await expect(card).toContainText(`/api/registries/${e2eRegistry.connector}/sagemaker/events`);
  await expect(card).toContainText('x-registry-event-secret header');
  await expect(card).not.toContainText(e2eRegistry.sageMakerSecret);
  const testButton = card.getByRole('button', { name: 'Test connection' });
  await testButton.focus();
  await page.keyboard.press('Enter');
  // The polled group holds nothing yet: the read call answered all the same.
  await expect(card.getByRole('status')).toContainText('Connection works. Connected: SageMaker answered; no model packages listed yet.', { timeout: 15_000 });
  await expect(card.getByRole('status')).toContainText('ListModelPackages (MaxResults=1, group e2e-card-fraud');
  await expectNoAxeViolations(page);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`admin-registries-${width}.png`), fullPage: true });
  }
});
