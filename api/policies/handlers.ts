import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { assertDirectCatalogueChange, changeTime } from '../kernel/catalogue-change.ts';
import { policiesRoutes as routes } from './routes.ts';
import { entriesOf, policyLocation } from './entries.ts';
import { checkPolicyPublication } from './publish-policy.ts';

// Governance policies are published, never edited (publish-policy.ts). Once two
// administrators exist, a publication is proposed and approved by another (docs/decisions/0182).

export const listPolicies = defineHandler(routes.listPolicies, async (ctx) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const rows = [...(await store.listPolicyVersions())].sort((a, b) => a.policy.key.localeCompare(b.policy.key) || b.policy.version - a.policy.version);
  return { status: 200, body: { items: await entriesOf(store, rows) } };
});

export const getPolicyVersion = defineHandler(routes.getPolicyVersion, async (ctx, { params }) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const row = await store.findPolicyVersion(params.key, params.version);
  if (!row) throw problems.notFound(`No governance policy "${params.key}" version ${params.version}.`);
  const [entry] = await entriesOf(store, [row]);
  if (!entry) throw new Error('The policy version just read is missing');
  return { status: 200, body: entry };
});

export const publishPolicy = defineHandler(routes.publishPolicy, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const when = changeTime(ctx);
  const entry = await ctx.deps.store.transaction(async (tx) => {
    await assertDirectCatalogueChange(tx);
    const checked = await checkPolicyPublication(tx, body, user.id, when);
    return checked.write();
  });
  return { status: 201, body: entry, headers: [['location', policyLocation(entry)]] };
});
