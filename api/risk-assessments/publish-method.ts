import { methodFromRequest, type PublishTieringMethodRequest, type TieringMethod } from '#domain/contracts/risk-assessment.ts';
import { problems } from '../kernel/problems.ts';
import type { StoreTx } from '../store/store.ts';
import type { ChangeTime, CheckedChange } from '../kernel/catalogue-change.ts';

// An administrator publishes the next tiering method version (decision record 0137). The
// version follows the one the administrator saw; versions are never changed, and the primary
// key lets one of two concurrent publications of the same number through (the other is 409).

export async function currentMethod(tx: Pick<StoreTx, 'currentTieringMethod'>): Promise<TieringMethod> {
  const row = await tx.currentTieringMethod();
  if (!row) throw new Error('No risk tiering method is published (migration 031 seeds one)');
  return row.method;
}

export async function checkMethodPublication(tx: StoreTx, body: PublishTieringMethodRequest, actorId: string, when: ChangeTime): Promise<CheckedChange<TieringMethod>> {
  const current = await currentMethod(tx);
  if (body.replacesVersion !== current.version) {
    throw problems.conflict(`Version ${body.replacesVersion} is no longer the current tiering method (it is ${current.version}); reload and start from the current version.`);
  }
  const method = methodFromRequest(body, current.key, current.version + 1);
  return {
    subject: `tiering method ${method.key}`,
    async write() {
      const { at } = when;
      if (!(await tx.insertTieringMethod({ method, publishedAt: at }))) throw problems.conflict(`Another administrator has just published version ${method.version}; reload and start from it.`);
      await tx.appendAudit({
        event: { action: 'risk.method_published', subject: `tiering method ${method.key}`, before: { version: current.version }, after: { key: method.key, version: method.version, name: method.name, kind: method.kind } },
        actorId,
        at,
      });
      return method;
    },
  };
}
