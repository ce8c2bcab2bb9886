// Hostile text renders inert. The owner submits (through the API) a package whose every
// narrative carries script, iframe, <img onerror>, SVG, javascript: and data: links, and
// HTML entities; a reviewer annotates it and rejects it with the same payloads in the
// thread, the reason and the concern; the owner answers and resubmits. In Chromium, on the
// package page, the earlier version, the diff, the record and the package's audit trail:
// the payloads show as text, no dialog opens, no payload script runs, and the DOM holds no
// element, attribute or link the payload asked for.
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { loginAs } from './support/login.ts';
import { signDecision, signInActor, type ApiActor } from '#scripts/lib/api-actor.ts';
import { submitPackageResponseSchema } from '#api/packages/routes.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { clinicalRiskV1 } from '#demo/index.ts';
import { changeCatalogue } from '#scripts/lib/catalogue-change.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

// Each would set window.__pwned or open a dialog if it ever ran.
const htmlPayloads = [
  '<script>window.__pwned = "script"; alert("script")</script>',
  '<img src="x" onerror="window.__pwned = \'img\'; alert(\'img\')">',
  '<iframe src="javascript:window.parent.__pwned = \'iframe\'" srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  '<svg onload="window.__pwned = \'svg\'"><script>window.__pwned = "svg-script"</script><animate onbegin="window.__pwned = \'animate\'" attributeName="x" dur="1s"/></svg>',
  '<a href="javascript:window.__pwned = \'anchor\'">raw anchor</a>',
  '<details open ontoggle="window.__pwned = \'details\'"><summary>s</summary></details>',
  '<object data="javascript:window.__pwned = 1"></object><embed src="javascript:window.__pwned = 1">',
  '<form action="javascript:window.__pwned = 1"><button>go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = \'mxss\'">',
  '&lt;script&gt;window.__pwned = "entity"&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; &amp;lt;b&amp;gt;',
];
const markdownPayloads = [
  '[click for details](javascript:window.__pwned=\'link\')',
  '[Mixed case](JaVaScRiPt:window.__pwned=1)',
  '[encoded](&#106;avascript:window.__pwned=1)',
  '[data page](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)',
  '![tracking pixel](https://tracker.example/pixel.gif)',
  '![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)',
  '<https://ok.example/plain-autolink>',
];
const hostileMarkdown = [...htmlPayloads, ...markdownPayloads].join('\n\n');
const hostileText = htmlPayloads.join(' ');

/** The payload as it must appear: as literal text. */
const visibleScriptText = 'window.__pwned = "script"';

const roleEmails: Record<string, string> = {
  data_governance: 'data-governance@example.com',
  model_risk: 'model-risk@example.com',
  fair_lending: 'fair-lending@example.com',
  privacy: 'privacy@example.com',
  security: 'security@example.com',
  committee: 'committee@example.com',
};

function hostileContent(modelKey: string, versionLabel: string, extra = ''): PackageContent {
  return {
    ...clinicalRiskV1,
    sections: clinicalRiskV1.sections.map((section) => {
      if (section.kind === 'identification') return { ...section, modelKey, versionLabel };
      if (section.kind === 'narrative') return { ...section, markdown: `${section.markdown}\n\n${hostileMarkdown}${extra}` };
      return section;
    }),
  };
}

async function submitHostilePackage(origin: string): Promise<{ id: string }> {
  const run = Date.now().toString(36);
  const modelKey = `hostile-${run}`;
  const owner = await signInActor(origin, 'owner@example.com', password);
  const submitted = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey, versionLabel: '1.0', content: hostileContent(modelKey, '1.0') }));
  const id = submitted.package.id;
  const detail = await owner.get<PackageDetail>(`/api/packages/${id}`);
  const step = detail.currentStep;
  if (!step) throw new Error('the package has no active step');
  const reviewer: ApiActor = await signInActor(origin, roleEmails[step.role] ?? 'committee@example.com', password);
  const sectionKey = clinicalRiskV1.sections.find((section) => section.kind === 'narrative')?.key ?? 'intended_use';

  const thread = await reviewer.post<{ id: string }>(`/api/packages/${id}/threads`, { versionNumber: 1, sectionKey, kind: 'comment', body: `Reviewer: ${hostileText}` });
  await owner.post(`/api/packages/${id}/threads/${thread.id}/messages`, { body: `Owner: ${hostileText}` });
  const rejection = await signDecision(reviewer, {
    packageId: id,
    stepKey: step.key,
    decision: 'reject',
    reason: `Reason: ${hostileText}`,
    concerns: [{ sectionKey, concern: `Concern: ${hostileText}`, requiredChange: `Change: ${hostileText}` }],
    password,
  });
  await owner.post(`/api/packages/${id}/versions`, {
    content: hostileContent(modelKey, '1.0', '\n\nRevised: <iframe src="https://evil.example"></iframe>'),
    answers: [{ target: { kind: 'concern', decisionId: rejection.id, index: 0 }, answer: `Answer: ${hostileText}`, sectionKeys: [sectionKey] }],
  });
  return { id };
}

interface DomFindings {
  pwned: unknown;
  dangerousElements: string[];
  eventAttributes: string[];
  payloadAttributes: string[];
  scriptLinks: string[];
  loadedImages: string[];
}

/** Everything a payload could have planted, looked for in the live DOM. */
async function inspect(page: Page): Promise<DomFindings> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const describe = (element: Element) => element.outerHTML.slice(0, 120);
    const activeAttributes = new Set(['href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'style', 'xlink:href', 'background', 'poster', 'srcset']);
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      // The app's own scripts have a src; nothing from a package may add frames, plugins or inline script.
      dangerousElements: [...document.querySelectorAll('script:not([src]), iframe, frame, object, embed, form[action^="javascript" i], math, details[ontoggle]')].map(describe),
      // React never writes inline handlers as attributes: any on* attribute came from a payload.
      eventAttributes: all.filter((element) => [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith('on'))).map(describe),
      // Payload text in a title or aria-label is inert; in an address or a style it is not.
      payloadAttributes: all
        .filter((element) => [...element.attributes].some((attribute) => activeAttributes.has(attribute.name.toLowerCase()) && /__pwned|evil\.example/.test(attribute.value)))
        .map(describe),
      scriptLinks: [...document.querySelectorAll('a[href], [src], [srcdoc]')]
        .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('srcdoc') ?? '')
        .filter((address) => /^\s*(javascript|data|vbscript):/i.test(address)),
      // Images in submitted Markdown are shown as links, never fetched (tracking pixels).
      loadedImages: [...document.querySelectorAll('img')].map((image) => image.getAttribute('src') ?? '').filter((address) => address.includes('tracker.example') || address.startsWith('data:')),
    };
  });
}

async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  // Give anything that could run (onerror of a broken image, onload) the time to run.
  await page.waitForTimeout(300);
  const findings = await inspect(page);
  expect(findings, where).toEqual({ pwned: undefined, dangerousElements: [], eventAttributes: [], payloadAttributes: [], scriptLinks: [], loadedImages: [] });
  expect(dialogs, `${where}: dialogs opened`).toEqual([]);
}

test('script, iframes, SVG, javascript: and data: links in narratives, threads, reasons and concerns render as inert text', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const pkg = await submitHostilePackage(baseURL ?? '');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await loginAs(page, 'committee@example.com');

  // The latest version: narratives, the carried-over thread, the answered concern.
  await page.goto(`/packages/${pkg.id}`);
  await expect(page.getByText(visibleScriptText, { exact: false }).first()).toBeVisible();
  await expect(page.getByText('(link removed: not a web or email address)').first()).toBeVisible();
  await expect(page.getByText('Image not shown: tracking pixel').first()).toBeVisible();
  await expectInert(page, dialogs, 'package page, version 2');

  // Version 1, where the thread and the rejection were made.
  await page.goto(`/packages/${pkg.id}?version=1`);
  await expect(page.getByText(/Reviewer: <script>/).first()).toBeVisible();
  await expect(page.getByText(/Owner: <script>/).first()).toBeVisible();
  await expectInert(page, dialogs, 'package page, version 1');

  await page.goto(`/packages/${pkg.id}/diff`);
  await expect(page.getByRole('heading', { level: 1, name: /^Compare versions/ })).toBeVisible();
  await expect(page.getByText(/Answer: <script>/).first()).toBeVisible();
  await expectInert(page, dialogs, 'diff');

  await page.goto(`/packages/${pkg.id}/record`);
  await expect(page.getByText(/Reason: <script>/).first()).toBeVisible();
  await expectInert(page, dialogs, 'record');

  await page.goto(`/packages/${pkg.id}/audit`);
  await expect(page.getByText(/<script>/).first()).toBeVisible();
  await expectInert(page, dialogs, 'package audit trail');
});

test('a webhook description and a template name carrying markup render as inert text on the admin pages', async ({ page, baseURL }) => {
  const run = Date.now().toString(36);
  const admin = await signInActor(baseURL ?? '', 'admin@example.com', password);
  await admin.post('/api/webhooks', { url: `https://hooks.example/${run}`, description: `Hook ${run}: ${htmlPayloads[1] ?? ''} ${htmlPayloads[3] ?? ''}`, events: ['package.approved'] });
  const deputy = await signInActor(baseURL ?? '', 'admin-deputy@example.com', password);
  await changeCatalogue(admin, deputy, { kind: 'add_business_line', change: { label: `Hostile markup lab ${run}` } });
  await changeCatalogue(admin, deputy, { kind: 'publish_template', change: {
    key: `hostile-${run}`,
    name: `Template ${run} <img src=x onerror="window.__pwned = 'template'"><script>window.__pwned = 1</script>`,
    riskTiers: [4],
    // A business line no other package has, so this template is never chosen for one.
    businessLines: [`Hostile markup lab ${run}`],
    staleApprovals: 'every_change',
    steps: [{ key: 'model_risk', name: '<iframe src="javascript:window.__pwned = 1"></iframe>', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation'] }],
  } });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await loginAs(page, 'admin@example.com');

  await page.goto('/admin/webhooks');
  await expect(page.getByText(`Hook ${run}: <img`, { exact: false }).first()).toBeVisible();
  await expectInert(page, dialogs, 'webhooks page');

  await page.goto('/admin/templates');
  await expect(page.getByText(`Template ${run} <img`, { exact: false }).first()).toBeVisible();
  await expectInert(page, dialogs, 'templates page');

  await page.goto(`/admin/templates/hostile-${run}`);
  await expect(page.getByText('<iframe src=', { exact: false }).first()).toBeVisible();
  await expectInert(page, dialogs, 'template page');
});
