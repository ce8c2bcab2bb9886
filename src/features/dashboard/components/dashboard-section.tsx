import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '#src/components/ui/data-table.tsx';

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

interface ModelCell {
  packageId: string;
  modelName: string;
  /** Under the name: which version of the model. */
  version: ReactNode;
}

/** The first column of a dashboard table: the model, a link to its package, and which version. */
export function modelColumn<Row>(of: (row: Row) => ModelCell): Column<Row> {
  return {
    header: 'Model',
    headerClassName: 'min-w-48',
    className: 'font-semibold',
    cell: (row) => {
      const { packageId, modelName, version } = of(row);
      return (
        <>
          <Link to={`/packages/${encodeURIComponent(packageId)}`}>{modelName}</Link>
          <span className="block font-mono text-sm font-normal text-slate-600">{version}</span>
        </>
      );
    },
  };
}
