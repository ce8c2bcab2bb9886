import type { QueryClient } from '@tanstack/react-query';
import type { Thread } from '#domain/contracts/threads.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/**
 * Every thread action answers with the thread as it now stands: put it in the cached list
 * at once, then refetch the list and the package (its counts and status may have moved).
 */
export async function storeThread(queryClient: QueryClient, thread: Thread): Promise<void> {
  queryClient.setQueryData<Thread[]>(packageKeys.threads(thread.packageId), (threads = []) =>
    threads.some((t) => t.id === thread.id) ? threads.map((t) => (t.id === thread.id ? thread : t)) : [...threads, thread],
  );
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: packageKeys.threads(thread.packageId) }),
    queryClient.invalidateQueries({ queryKey: packageKeys.detail(thread.packageId), exact: true }),
    queryClient.invalidateQueries({ queryKey: packageKeys.lists() }),
  ]);
}
