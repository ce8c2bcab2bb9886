import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { committeeEmergency, moveToTierOne, onSharedChain } from '../contract/support/kept-segregation-scenarios.ts';
import { cardFraudScorer, registryWorld } from './support/registry-world.ts';

// A chain move that ends an emergency approval takes the approval back in the MLflow registry the
// package came from, as a lapse does (docs/decisions/0193, S30): approval_status=lapsed and the
// deploy alias off, so deployments following either stop.

const defer = cleanUpAfterEach();

describe('chain move lapse write-back', () => {
  it('an emergency approval moves the alias to the version; a stricter tier ending it takes the alias off and tags it lapsed', async () => {
    const { server, target, dispatcher } = await registryWorld(defer);
    // As an MLflow delivery drafts it: the package's decisions are written back to Card Fraud Scorer 8.
    await target.store.insertRegistryIntake({ id: 'rin_lapse', connectorId: 'mlflow', registryModel: cardFraudScorer, registryVersion: '8', modelKey: 'pd-chain-lapse', versionLabel: '1.0', ownerId: null, template: '{}', runId: null, deliveryId: 'delivery-lapse', receivedAt: new Date().toISOString() });
    const owner = await signedIn(target, 'owner@example.com');
    const id = await onSharedChain(target, owner, 'pd-chain-lapse');
    expect((await committeeEmergency(target, id)).status).toBe(201);
    await dispatcher.tick();
    expect(server.tagsOf(cardFraudScorer, '8').approval_status).toBe('approved');
    expect(server.aliasesOf(cardFraudScorer)).toEqual({ champion: '8' });

    await moveToTierOne(target, owner, id);
    await dispatcher.tick();
    expect(server.tagsOf(cardFraudScorer, '8').approval_status).toBe('lapsed');
    expect(server.aliasesOf(cardFraudScorer)).toEqual({});
    const lapse = (await target.store.listRegistryWriteBacks(id)).find((w) => w.outcome === 'lapsed');
    expect(lapse).toMatchObject({ status: 'done' });
    expect((await target.store.listRegistryWriteBackAttempts([lapse?.id ?? ''])).flatMap((a) => a.calls)).toEqual(['set-tag approval_status=lapsed: ok', 'delete alias champion: ok']);
  });
});
