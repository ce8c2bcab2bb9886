import { templatesRoutes as routes } from './routes.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { assertDirectCatalogueChange, changeTime } from '../kernel/catalogue-change.ts';
import { entries, templateLocation } from './entries.ts';
import { checkTemplatePublication } from './publish-template.ts';

// Workflow templates are published, never edited (publish-template.ts). Once two
// administrators exist, a publication is proposed and approved by another (docs/decisions/0182).

export const listTemplates = defineHandler(routes.listTemplates, async (ctx) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const templates = [...(await store.listTemplates())].sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
  return { status: 200, body: { items: await entries(store, templates) } };
});

export const getTemplateVersion = defineHandler(routes.getTemplateVersion, async (ctx, { params }) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const template = await store.findTemplate(params.key, params.version);
  if (!template) throw problems.notFound(`No workflow template "${params.key}" version ${params.version}.`);
  const [entry] = await entries(store, [template]);
  return { status: 200, body: entry };
});

export const createTemplateVersion = defineHandler(routes.createTemplateVersion, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const when = changeTime(ctx);
  const entry = await ctx.deps.store.transaction(async (tx) => {
    await assertDirectCatalogueChange(tx);
    const checked = await checkTemplatePublication(tx, body, user.id, when);
    return checked.write();
  });
  return { status: 201, body: entry, headers: [['location', templateLocation(entry)]] };
});
