// The evidence a regulator takes away: a reviewer opens the approval record of a card fraud
// package approved with conditions (signed through the API by password, as the sign dialog
// signs; the demo's own decisions are demonstration data, never VALID), sees every signature VALID,
// downloads the signed JSON and the server's published keys, and checks it on /verify with
// the browser offline: consistent but unpinned without a key, VALID with the keys pasted,
// INVALID with the reason once one character is changed. The record prints
// without the app's frame; both pages pass axe and work from the keyboard.
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { openFileChooserByKeyboard, tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { approveCardFraudCopy } from '#tests/support/signed-approval.ts';

const cardFraud = 'pkg_card_fraud_detection';
const password = process.env.DEMO_PASSWORD ?? 'demo-password';

test('a reviewer downloads the signed record and verifies it offline; a one-character change is caught', async ({ page, context, baseURL }) => {
  const { id, versionLabel } = await approveCardFraudCopy({ origin: baseURL ?? '', password, versionLabel: `7.2.0-rc.${Date.now().toString(36)}` });
  await loginAs(page, 'model-risk@example.com');
  await page.goto(`/packages/${id}/record`);
  await expect(page.getByRole('heading', { level: 1, name: `Approval record: Card Fraud Detection (real-time authorization score) ${versionLabel}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^VALID — all \d+ checks passed in this browser$/ })).toBeVisible();

  const decisions = page.getByRole('region', { name: /^Decisions and signatures/ });
  const blocks = decisions.getByRole('article');
  await expect(blocks).toHaveCount(3);
  for (const block of await blocks.all()) {
    await expect(block.getByRole('definition').filter({ hasText: /VALID/ })).toHaveText('✓ VALID');
    await expect(block).toContainText(/Date and time\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  }
  await expect(blocks.nth(1)).toContainText('ScopeCard-not-present transactions only');
  await expect(page.getByRole('region', { name: /^Audit entries/ })).toContainText(/Included in tree head of size \d+/);
  await expectNoAxeViolations(page);

  // On paper: no app frame and no buttons, every signature block still there.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download record (JSON)' })).toBeHidden();
  await expect(blocks).toHaveCount(3);
  for (const block of await blocks.all()) await expect(block).toBeVisible();
  expect(await blocks.first().evaluate((element) => getComputedStyle(element).breakInside)).toBe('avoid');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // Download with the keyboard alone.
  const download = page.getByRole('button', { name: 'Download record (JSON)' });
  await tabTo(page, download);
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const saved = await downloading;
  expect(saved.suggestedFilename()).toBe(`approval-record-card-fraud-detection-${versionLabel}-v1.json`);
  const recordPath = test.info().outputPath('record.json');
  await saved.saveAs(recordPath);
  const text = readFileSync(recordPath, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ type: 'model-approval-record/1', package: { id } });

  // The signed PDF (docs/decisions/0119), from the keyboard too: the server draws and signs it.
  const pdfLink = page.getByRole('link', { name: 'Download signed PDF' });
  await tabTo(page, pdfLink);
  const pdfDownloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const pdf = await pdfDownloading;
  expect(pdf.suggestedFilename()).toBe(`approval-record-card-fraud-detection-${versionLabel}-v1.pdf`);
  const pdfPath = test.info().outputPath('record.pdf');
  await pdf.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');

  const tamperedPath = test.info().outputPath('record-tampered.json');
  const at = text.indexOf('Card-not-present transactions only');
  expect(at).toBeGreaterThan(0);
  writeFileSync(tamperedPath, `${text.slice(0, at)}X${text.slice(at + 1)}`);

  // The auditor takes the server's public keys from the deployment, apart from the record.
  const published = await (await page.request.get('/api/keys')).text();
  expect(JSON.parse(published)).toMatchObject({ keys: [{ algorithm: 'Ed25519' }] });

  // The verify page, loaded once; from here on the browser has no network at all.
  await page.goto('/verify');
  await expect(page.getByRole('heading', { level: 1, name: 'Verify an approval record' })).toBeVisible();
  await context.setOffline(true);
  try {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    // The file input from the keyboard: Tab to it, open it with Space.
    const choose = page.getByLabel('Choose a record file');
    await tabTo(page, choose);
    await (await openFileChooserByKeyboard(page, choose)).setFiles(recordPath);
    // No key pinned: every check passes, yet the file alone cannot show who signed it.
    const unpinned = page.getByRole('heading', { level: 2, name: /^CONSISTENT BUT UNPINNED, not evidence of who signed — record\.json: all \d+ checks passed$/ });
    await expect(unpinned).toBeVisible();
    await expect(unpinned).toBeFocused();
    await expectNoAxeViolations(page);

    await page.getByLabel(/Trusted server key or fingerprint/).fill(published);
    await choose.setInputFiles(recordPath);
    const verdict = page.getByRole('heading', { level: 2, name: /^VALID — record\.json: all \d+ checks passed$/ });
    await expect(verdict).toBeVisible();
    await expect(verdict).toBeFocused();
    const report = page.getByRole('region', { name: /^VALID/ });
    await expect(report).toContainText('Card Fraud Detection (real-time authorization score)');
    await expect(report).toContainText(/Exported\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by Elena Vasquez/);
    await expect(report.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Failed:' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await choose.setInputFiles(tamperedPath);
    await expect(page.getByRole('heading', { level: 2, name: /^INVALID — record-tampered\.json: \d+ of \d+ checks failed$/ })).toBeVisible();
    const failed = page.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'Failed:' });
    await expect(failed.first()).toContainText('Server signature over the record');
    await expect(failed.first()).toContainText('the record was changed after the server signed it');
    await expectNoAxeViolations(page);
    expect(requests, 'the verify page must not touch the network').toEqual([]);
  } finally {
    await context.setOffline(false);
  }
});

test('the record of an unknown package says so, and a deep link to a record survives a reload; the demo record is not evidence', async ({ page }) => {
  await loginAs(page, 'committee@example.com');
  await page.goto('/packages/pkg_does_not_exist/record');
  await expect(page.getByRole('heading', { level: 1, name: 'No such package' })).toBeVisible();

  await page.goto(`/packages/${cardFraud}/record`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^DEMONSTRATION DATA, not evidence — 3 of \d+ checks failed$/ })).toBeVisible();
  await expect(page.getByText(/✓ VALID/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expect(page).toHaveTitle('Approval record: Card Fraud Detection (real-time authorization score) 7.1.0 · Model Approval');
});
