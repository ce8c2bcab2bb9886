// The approval record on paper: printed to PDF by Chromium, every sheet carries a running
// header (which record, model and version) and footer (when exported, by whom, "Page X of Y"),
// checked in the PDF's own text (pdftotext, poppler-utils) so a sheet separated from the others
// still says what it belongs to.
import { execFileSync } from 'node:child_process';
import { test, expect } from './support/test.ts';
import { loginAs } from './support/login.ts';

const retail = 'pkg_retail_credit_pd';

test('each printed page of a record names the record, model and version, and says page X of Y', async ({ page, browserName }) => {
  test.skip(browserName !== 'chromium', 'page.pdf() prints in Chromium only');
  await loginAs(page, 'committee@example.com');
  await page.goto(`/packages/${retail}/record`);
  await expect(page.getByRole('heading', { level: 1, name: /^Approval record: Retail Credit PD / })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Audit entries/ })).toBeVisible({ timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });

  const pdfPath = test.info().outputPath('record.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const sheets = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((text) => text.trim() !== '');
  expect(sheets.length, 'the record runs over several sheets').toBeGreaterThan(1);
  sheets.forEach((sheet, index) => {
    expect(sheet, `sheet ${index + 1}`).toMatch(new RegExp(`Approval record ${retail} · Retail Credit PD \\S+ · version \\d+`));
    expect(sheet, `sheet ${index + 1}`).toContain(`Page ${index + 1} of ${sheets.length}`);
    expect(sheet, `sheet ${index + 1}`).toMatch(/Exported \d{4}-\d\d-\d\dT[\d:.]+Z by Robert Castellano/);
  });
});
