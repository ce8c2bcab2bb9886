import type { RecordVersion } from '#domain/contracts/record.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { threadKindLabels, type Thread } from '#domain/contracts/threads.ts';
import { formatUtc } from '#src/lib/format.ts';

const statusLabels: Record<Thread['status'], string> = { open: 'Open', answered: 'Answered', resolved: 'Resolved' };

/** Every annotation and clarification thread, with each message as it stands (retractions said, not hidden). */
export function ThreadList({ threads, versions }: { threads: readonly Thread[]; versions: readonly RecordVersion[] }) {
  if (threads.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">No threads were opened on this package.</p>;
  const titleOf = (thread: Thread) => versions.find((v) => v.number === thread.versionNumber)?.content.sections.find((s) => s.key === thread.sectionKey)?.title ?? thread.sectionKey;
  return (
    <ul className="space-y-4">
      {threads.map((thread) => (
        <li key={thread.id} className="record-thread space-y-2 rounded-md border border-slate-200 bg-white p-4">
          <h3 className="font-bold">
            {threadKindLabels[thread.kind]}
            {thread.severity && ` (${thread.severity})`} on {titleOf(thread)}{' '}
            <span className="font-normal text-slate-700">
              — version {thread.versionNumber}, {statusLabels[thread.status]}
              {thread.resolvedBy && thread.resolvedAt && ` by ${thread.resolvedBy.displayName} on ${formatUtc(thread.resolvedAt)}`}
            </span>
          </h3>
          {thread.anchor && <blockquote className="border-l-4 border-slate-300 pl-3 italic text-slate-700">“{thread.anchor.exact}”</blockquote>}
          <ol className="space-y-2">
            {thread.messages.map((message) => (
              <li key={message.id}>
                <p className="text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">{message.author.displayName}</span> ({roleLabels[message.authorRole]}),{' '}
                  <time dateTime={message.createdAt}>{formatUtc(message.createdAt)}</time>
                  {message.editedAt && `, edited ${formatUtc(message.editedAt)}`}
                </p>
                {message.retractedAt ? (
                  <p className="italic text-slate-700">Retracted on {formatUtc(message.retractedAt)}; the text stays in the audit trail.</p>
                ) : (
                  <p className="whitespace-pre-wrap">{message.body}</p>
                )}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
