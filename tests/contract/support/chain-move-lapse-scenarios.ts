import { expect } from 'vitest';
import { packageRegistrySchema } from '#domain/contracts/registries.ts';
import { registeredWebhookSchema, webhookDeliveryListSchema } from '#domain/webhooks/contract.ts';
import type { Client, Target } from './client.ts';
import { committeeEmergency, moveToTierOne, onSharedChain } from './kept-segregation-scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { declaredTierThree, tieringAnalyst, tierOne, tierThree } from './tier-chain-scenarios.ts';

// A chain move that ends an approval tells the registry the package came from and the webhook
// subscribers, as a lapse does (docs/decisions/0193, S30; finding 2026-12-06d MEDIUM-1): an
// emergency approval signed under the chain left no longer stands, so the registry's "approved"
// is taken back ("lapsed") and `package.approval_ended` is delivered. A move that ends no approval
// sends nothing. Against the mocks, SQLite and PostgreSQL.

/** As if an MLflow delivery had drafted the package: its decisions are written back to "PD scorer" version `registryVersion`. */
async function fromRegistry(target: Target, modelKey: string, registryVersion: string): Promise<void> {
  const inserted = await target.store.insertRegistryIntake({ id: `rin_${modelKey}`, connectorId: 'mlflow', registryModel: 'PD scorer', registryVersion, modelKey, versionLabel: '1.0', ownerId: null, template: '{}', runId: null, deliveryId: `delivery-${modelKey}`, receivedAt: new Date().toISOString() });
  expect(inserted).toBe(true);
}

const writeBacksOf = async (client: Client, id: string) => packageRegistrySchema.parse((await client.get(`/api/packages/${id}/registry`)).body).writeBacks.map((w) => [w.outcome, w.registryVersion]);

export const chainMoveLapseScenarios: Scenario[] = [
  {
    name: 'chain move lapse (0193 S30): an emergency approval ended by a stricter tier writes "lapsed" back to the registry and delivers package.approval_ended, also to a hook subscribed only to the approval; a move ending no approval sends nothing',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const registered = await admin.post('/api/webhooks', { url: 'https://hooks.example.com/deployments', events: ['package.emergency_approved'] });
      // Subscribed to the approval only, as a deployment hook registered before the end event existed: it is told the end too.
      expectStatus(registered, 201);
      const { endpoint } = registeredWebhookSchema.parse(registered.body);
      const deliveries = async () => webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${endpoint.id}/deliveries`)).body).items.map((d) => d.eventType);

      const owner = await signedIn(target, 'owner@example.com');
      await fromRegistry(target, 'pd-chain-lapse', '4');
      const id = await onSharedChain(target, owner, 'pd-chain-lapse');
      expectStatus(await committeeEmergency(target, id), 201);
      expect(await writeBacksOf(owner, id)).toEqual([['approved', '4']]);
      expect(await deliveries()).toEqual(['package.emergency_approved']);

      await moveToTierOne(target, owner, id);
      // Deployments must stop: the registry is told, in the move's transaction.
      expect(await writeBacksOf(owner, id)).toEqual([
        ['approved', '4'],
        ['lapsed', '4'],
      ]);
      const [lapse] = (await target.store.listRegistryWriteBacks(id)).filter((w) => w.outcome === 'lapsed');
      expect(lapse).toMatchObject({ status: 'pending', details: { packageId: id, version: 1, reason: expect.stringMatching(/^Risk assessment 2 set risk tier 1: the package moved from lending-shared-tier-3 version 1 \(tier 3\) to consumer-credit version 1/) as unknown } });
      expect((await deliveries()).sort()).toEqual(['package.approval_ended', 'package.emergency_approved']);
      const stored = (await target.store.listWebhookDeliveries(endpoint.id, 10)).find((d) => d.eventType === 'package.approval_ended');
      expect(JSON.parse(stored?.payload ?? '{}')).toMatchObject({
        type: 'package.approval_ended',
        data: { packageId: id, modelKey: 'pd-chain-lapse', version: 1, versionLabel: '1.0', actor: { id: expect.any(String) as unknown }, approvalEnded: { from: 'emergency_approved', to: 'in_review', reason: expect.stringContaining('consumer-credit') as unknown } },
      });

      // A package in review moved the same way had no approval to end: nothing is sent.
      await fromRegistry(target, 'pd-chain-no-lapse', '5');
      const other = await declaredTierThree(owner, 'pd-chain-no-lapse');
      const analyst = await signedIn(target, tieringAnalyst);
      expectStatus(await analyst.post(`/api/packages/${other}/risk-assessments`, { answers: tierThree }), 201);
      expectStatus(await analyst.post(`/api/packages/${other}/risk-assessments`, { answers: tierOne }), 201);
      expect(await writeBacksOf(owner, other)).toEqual([]);
      expect((await target.store.listWebhookDeliveries(endpoint.id, 10)).filter((d) => d.payload.includes(other))).toEqual([]);
    },
  },
];
