import { describe, expect, it } from 'vitest';
import { adminRegistriesSchema, gateVerdictSchema } from '#domain/contracts/registries.ts';
import { packageRollbackSchema, rollbackStateSchema } from '#domain/contracts/rollbacks.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { cardFraudScorer as name, registryWorld, sendTo } from './support/registry-world.ts';
import { deliverMlflowEvent } from '../contract/support/mlflow-deliveries.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';

// A rollback (docs/decisions/0135) end to end over a genuinely signed approval: the approval in
// force of card-fraud-detection (version 8, drafted from MLflow) is withdrawn by the committee;
// the demo's approved 7.1.0 is back in force; the deployment gate refuses 8 from the signed
// record; the registry is told 8 lapsed.

const defer = cleanUpAfterEach();
const reason = 'Chargeback rate doubled in week one; back to the previous approved version.';

describe('rollback of a signed approval', () => {
  it('restores the previous approved version, closes the gate on the rolled-back one and writes "lapsed" back to its registry', async () => {
    const { target, dispatcher } = await registryWorld(defer);

    await deliverMlflowEvent(target, { name, version: '8' });
    const approved = await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    const committee = await signedIn(target, 'committee@example.com');
    const gate = async () => gateVerdictSchema.parse((await committee.get('/api/gate?model=card-fraud-detection&version=8&scope=channel%3Dcard_not_present')).body);
    expect(await gate()).toMatchObject({ pass: true });

    // The demo's 7.1.0 is an older approval of the same model: not in force, so not to be rolled back.
    const older = rollbackStateSchema.parse((await committee.get('/api/packages/pkg_card_fraud_detection/rollback')).body);
    expect(older.refusal).toBe('7.1.0 is not the approval in force (8 is): only that one can be rolled back.');
    expect(rollbackStateSchema.parse((await committee.get(`/api/packages/${approved.id}/rollback`)).body).wouldRestore).toEqual({ packageId: 'pkg_card_fraud_detection', versionLabel: '7.1.0' });

    const reply = await committee.post(`/api/packages/${approved.id}/rollback`, { role: 'committee', reason });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(packageRollbackSchema.parse(reply.body)).toMatchObject({ packageId: approved.id, role: 'committee', reason, restored: { packageId: 'pkg_card_fraud_detection', versionLabel: '7.1.0' } });

    const verdict = await gate();
    expect(verdict.pass).toBe(false);
    expect(verdict.line).toMatch(/^ROLLED BACK: the approval of card-fraud-detection 8 was withdrawn on \d{4}-\d{2}-\d{2} by Robert Castellano$/);
    // The record carries the rollback as an audit entry, under the record's signature.
    const record = approvalRecordSchema.parse((await committee.get(`/api/packages/${approved.id}/record`)).body);
    expect(record.audit.entries.filter((e) => e.action === 'package.rolled_back')).toMatchObject([{ actorName: 'Robert Castellano', after: { reason } }]);
    // 7.1.0 is now the approval in force: it is the one a further rollback would withdraw.
    expect(rollbackStateSchema.parse((await committee.get('/api/packages/pkg_card_fraud_detection/rollback')).body)).toEqual({ rollback: null, refusal: null, wouldRestore: null });

    const admin = await signedIn(target, 'admin@example.com');
    await dispatcher.tick();
    const writeBacks = adminRegistriesSchema.parse((await admin.get('/api/admin/registries')).body).recentWriteBacks;
    expect(writeBacks.map((w) => [w.packageId, w.outcome, w.status])).toEqual(expect.arrayContaining([[approved.id, 'lapsed', 'done']]));
  });
});
