// Obligations end to end (issue 19, docs/decisions/0111), on a server of its own whose clock
// moves: model risk approves the clinical package with conditions and, in the sign dialog, states
// a condition as an obligation owed by the owner (a scope that does not parse is refused next to
// its field first). The obligation shows on the package; the clock moves past its due date; the
// lapse sweep marks it lapsed, the package, the inbox and the committee dashboard say "Conditions
// lapsed", and a local webhook receiver gets `obligation.lapsed`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { test as isolated, expect } from './support/isolated-server.ts';
import { loginAs } from './support/login.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';
const day = 86_400_000;
const clinical = 'pkg_clinical_deterioration_risk';
const shots = process.env.OBLIGATION_SHOTS_DIR;

interface World {
  receiverUrl: string;
  /** The bodies the receiver got, parsed. */
  received: { type: string; data: { packageId: string; obligation?: { id: string; dueOn: string } } }[];
  moveClock(offsetMs: number): void;
  clockFile: string;
}

const readBody = async (request: IncomingMessage) => {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
};

const test = isolated.extend<{ world: World }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: the receiver needs none.
  world: async ({}, use) => {
    const received: World['received'] = [];
    const receiver: Server = createServer((request, response) => {
      void readBody(request).then((text) => {
        received.push(JSON.parse(text) as World['received'][number]);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    const folder = mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-clock-'));
    const clockFile = path.join(folder, 'clock-offset-ms');
    writeFileSync(clockFile, '0');
    try {
      await use({ receiverUrl: `http://127.0.0.1:${port}/hooks`, received, clockFile, moveClock: (offsetMs) => writeFileSync(clockFile, String(offsetMs)) });
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    }
  },
  isolatedServerEnv: async ({ world }, use) => {
    await use({ E2E_CLOCK_FILE: world.clockFile, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, localhost', WEBHOOK_DISPATCH_INTERVAL_MS: '300' });
  },
});

async function openAs(page: Page, email: string, to: string): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, email, password);
  await page.goto(to);
}

/** The document's wide tables measure themselves (ScrollFrame) after layout: let them before axe looks. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expectNoAxeViolations(page);
}

async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (!shots) return;
  for (const width of [390, 1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await focus?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a conditional approval’s obligation passes its due date: conditions lapsed on the package, inbox and dashboard, and a webhook fires', async ({ page, isolatedServer, world }) => {
  test.setTimeout(180_000);
  const admin = await signInActor(isolatedServer.baseURL, 'admin@example.com', password);
  await admin.post('/api/webhooks', { url: world.receiverUrl, description: 'Obligations receiver', events: ['obligation.lapsed'] });

  await openAs(page, 'model-risk@example.com', `/packages/${clinical}`);
  const decision = page.getByRole('region', { name: /^Your decision on / });
  await decision.getByRole('button', { name: 'Approve with conditions', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign: Approved with conditions' });
  await dialog.getByLabel('Scope the approval is limited to').fill('Adult inpatient wards only');
  await dialog.getByLabel('Re-review date').fill(new Date(Date.now() + 180 * day).toISOString().slice(0, 10));
  await dialog.getByLabel('Reason').fill('Adequate for adult wards; paediatric use not validated.');

  // By keyboard: add an obligation, type its condition, due date and a scope that does not parse.
  await dialog.getByRole('button', { name: 'Add an obligation' }).focus();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Obligation 1: condition').fill('Paediatric wards stay on the incumbent early-warning score');
  await expect(dialog.getByLabel('Owner')).not.toHaveValue('');
  const dueOn = new Date(Date.now() + 2 * day).toISOString().slice(0, 10);
  await dialog.getByLabel('Due date').fill(dueOn);
  await dialog.getByLabel(/^Scope statement/).fill('{"dimension": "ward", "alow": ["adult"]}');
  await dialog.getByLabel('Your password').fill(password);
  await dialog.getByRole('button', { name: 'Sign: Approved with conditions' }).click();
  const scopeField = dialog.getByLabel(/^Scope statement/);
  await expect(scopeField).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('The scope does not parse');
  await expectNoAxeViolations(page);
  await shoot(page, 'sign-dialog-scope-error');
  await scopeField.fill('{"dimension": "ward", "allow": ["adult_inpatient"]}');
  await dialog.getByRole('button', { name: 'Sign: Approved with conditions' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  const panel = page.getByRole('region', { name: 'Conditions and obligations' });
  await expect(panel).toContainText('Paediatric wards stay on the incumbent early-warning score');
  await expect(panel).toContainText('{"dimension":"ward","allow":["adult_inpatient"]}');
  await expect(panel).toContainText('Open');
  await settled(page);

  // Three days on: the sweep (every second in e2e) lapses it and queues the webhook.
  world.moveClock(3 * day);
  await expect.poll(() => world.received.map((r) => r.type), { timeout: 30_000 }).toContain('obligation.lapsed');
  const [event] = world.received;
  expect(event?.data).toMatchObject({ packageId: clinical, obligation: { dueOn } });

  // Sessions ended with the clock's move: sign in again.
  await openAs(page, 'owner@example.com', `/packages/${clinical}`);
  const band = page.getByRole('definition').filter({ hasText: 'Conditions lapsed' });
  await expect(band).toBeVisible();
  await expect(page.getByRole('region', { name: 'Conditions and obligations' })).toContainText('Lapsed');
  await expect(page.getByRole('region', { name: 'Conditions and obligations' }).getByRole('button', { name: 'Record fulfilment' })).toBeVisible();
  await settled(page);
  await shoot(page, 'package-conditions-lapsed');
  await shoot(page, 'package-obligations-panel', page.getByRole('region', { name: 'Conditions and obligations' }));

  await page.goto('/?tab=all');
  await expect(page.getByRole('row').filter({ hasText: 'Clinical Deterioration Risk' }).first()).toContainText('Conditions lapsed');
  await expectNoAxeViolations(page);

  await openAs(page, 'committee@example.com', '/dashboard');
  const section = page.getByRole('region', { name: /^Conditions lapsed \(1\)/ });
  await expect(section).toContainText('Clinical Deterioration Risk');
  await expectNoAxeViolations(page);
  await shoot(page, 'dashboard-conditions-lapsed', section);

  // The section's link opens the whole list in the inventory (decision record 0159): the same package.
  await page.setViewportSize({ width: 1280, height: 900 });
  await section.getByRole('link', { name: 'Open the approvals with lapsed conditions in the inventory' }).click();
  await expect(page).toHaveURL('/?tab=all&governance=conditions_lapsed');
  const rows = page.getByRole('table').getByRole('rowheader');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Clinical Deterioration Risk');
  await expectNoAxeViolations(page);
});
