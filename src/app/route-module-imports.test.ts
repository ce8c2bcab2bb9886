import { describe, expect, it } from 'vitest';
import { staticReach } from '#src/test/static-reach.ts';

// Opening a package evaluates the frame and the modules the route's loader, page and content
// view import (docs/decisions/0219); opening the diff view evaluates the frame's chunk, then
// the loader's modules, then the page's, a task each (0228). Through the one route table that
// was every capability's routes and contracts (the audit events' union, the record, the
// dashboard...), Zod schemas built as their modules ran: the pages' longest task. Their modules
// name their capability's routes instead, and build no contracts of pages they do not show.

const routes = [
  { page: 'a package', entries: ['src/app/app-shell.tsx', 'src/app/package-loader.ts', 'src/app/package-route.tsx', 'src/features/review/components/package-content.tsx'] },
  { page: 'the diff view', entries: ['src/features/diff/prefetch-diff.ts', 'src/features/diff/components/diff-page.tsx'] },
];

const otherPagesContracts = ['domain/contracts/audit-events.ts', 'domain/contracts/audit.ts', 'domain/contracts/record.ts', 'domain/contracts/dashboard.ts', 'domain/contracts/template-admin.ts'];

describe.each(routes)('the modules evaluated to open $page', ({ entries }) => {
  const modules = staticReach(...entries);

  it('take the routes they call from their capability’s module, not from the whole table', () => {
    expect(modules).toContain('api/packages/routes.ts');
    expect(modules).toContain('api/threads/routes.ts');
    expect(modules).not.toContain('api/routes.ts');
  });

  it('do not build the contracts of pages they do not show', () => {
    for (const contract of otherPagesContracts) expect(modules).not.toContain(contract);
  });
});
