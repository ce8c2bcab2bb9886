import { seedDemo } from '#demo/seed-demo.ts';
import { refreshSummaries } from '#api/package-access/summaries.ts';
import type { Store } from '#api/store/store.ts';
import { serverDeps } from '#server/deps.ts';

/** The demo data in `store` with every inbox summary computed, as a running deployment keeps them (decision record 0129). */
export async function seedDemoWithSummaries(store: Store): Promise<void> {
  const deps = serverDeps(store, { sessionTtlHours: 12 });
  await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
  await refreshSummaries(store, new Date());
}
