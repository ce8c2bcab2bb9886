import type { CarriedThread } from '#domain/annotations/carry-over.ts';
import type { User } from '#domain/contracts/users.ts';
import { threadAbilities } from '../../thread-abilities.ts';
import { ThreadCard } from './thread-card.tsx';

interface Props {
  versionNumber: number;
  /** Unresolved threads of earlier versions on sections this version no longer has. */
  threads: readonly CarriedThread[];
  viewer: User | null;
  lockFor: (versionNumber: number) => string | null;
}

const titleId = 'removed-section-threads-title';

/**
 * After the last section: threads still open on sections an earlier version had and this one
 * dropped. They have no section to sit under, yet a reviewer must not lose sight of them.
 */
export function RemovedSectionThreads({ versionNumber, threads, viewer, lockFor }: Props) {
  if (threads.length === 0) return null;
  const owner = viewer?.roles.includes('model_owner') ?? false;
  const bySection = new Map<string, CarriedThread[]>();
  for (const entry of threads) bySection.set(entry.thread.sectionKey, [...(bySection.get(entry.thread.sectionKey) ?? []), entry]);
  return (
    <section aria-labelledby={titleId} className="space-y-4 rounded-md border border-orange-300 bg-white p-5 sm:p-6">
      <div>
        <h2 id={titleId} className="text-xl font-bold">
          Threads on removed sections
        </h2>
        <p className="text-slate-700">Earlier versions had these sections; version {versionNumber} does not. Their open threads are kept here.</p>
      </div>
      {[...bySection].map(([sectionKey, entries]) => (
        <div key={sectionKey} className="space-y-3">
          <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">Section “{sectionKey}”</p>
          {entries.map(({ thread, state, reason }) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              abilities={threadAbilities(thread, viewer, lockFor(thread.versionNumber))}
              lock={lockFor(thread.versionNumber)}
              quoteFound={undefined}
              isOwnerViewing={owner}
              carry={{ state, reason }}
            />
          ))}
        </div>
      ))}
    </section>
  );
}
