import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** One line under the heading: what the section lists and in which order. */
  description?: string;
  children: ReactNode;
}

/** One block of the dashboard: a landmark named by its heading, so it can be reached from a screen reader's list. */
export function DashboardSection({ title, description, children }: Props) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div>
        <h2 id={`${id}-heading`} className="text-xl font-bold">
          {title}
        </h2>
        {description && <p className="text-slate-700">{description}</p>}
      </div>
      {children}
    </section>
  );
}

/** What an empty section says instead of an empty table. */
export function EmptyState({ children }: { children: string }) {
  return <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">{children}</p>;
}

export const tableFrame = 'relative overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm';
export const th = 'px-4 py-3 text-left text-sm font-semibold text-slate-700';
export const td = 'px-4 py-3 align-top';
