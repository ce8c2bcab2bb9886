import type { RegistryWriteBack } from '#domain/contracts/registries.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { usePackageRegistry } from '../api/get-package-registry.ts';

const outcomeLabels: Record<RegistryWriteBack['outcome'], string> = { approved: 'Approval', rejected: 'Rejection', lapsed: 'Lapse of the approval' };

function stateOf(w: RegistryWriteBack): string {
  if (w.status === 'done') return `written ${w.doneAt ? formatDateTime(w.doneAt) : ''}`.trim();
  if (w.status === 'superseded') return 'replaced by a later outcome before it was written';
  if (w.status === 'failed') return `failed: ${w.lastError ?? 'refused by the registry'}`;
  const next = w.nextAttemptAt ? `, next attempt ${formatDateTime(w.nextAttemptAt)}` : '';
  return w.attempts === 0 ? 'queued' : `waiting for the registry after ${w.attempts} attempt${w.attempts === 1 ? '' : 's'}${next}${w.lastError ? ` (${w.lastError})` : ''}`;
}

/** Where the package came from in a model registry, and where each write-back of its decisions stands. Nothing for packages no registry drafted. */
export function RegistryStatus({ packageId }: { packageId: string }) {
  const query = usePackageRegistry(packageId);
  const data = query.data;
  if (!data?.source) return null;
  const { source, writeBacks } = data;
  return (
    <section aria-labelledby="registry-heading" className="space-y-2">
      <h2 id="registry-heading" className="text-xl font-bold">
        Model registry
      </h2>
      <p className="text-sm">
        Drafted from {source.connector}: <span className="font-mono">{source.registryModel}</span> version <span className="font-mono">{source.registryVersion}</span>.
      </p>
      {writeBacks.length === 0 ? (
        <p className="text-sm">No decision to write back yet.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {writeBacks.map((w) => (
            <li key={w.id}>
              {outcomeLabels[w.outcome]} written back: {stateOf(w)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
