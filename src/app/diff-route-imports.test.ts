import { describe, expect, it } from 'vitest';
import { staticReach } from '#src/test/static-reach.ts';

// Opening the diff view evaluates the frame's chunk, then the loader's modules, then the
// page's, a task each (docs/decisions/0228); the longest is the frame's, with the contracts
// it brings. The diff route's own modules must not add the whole route table, or the
// contracts of pages the diff view does not show, to the tasks after it (as 0219 holds the
// package page's).

const diffRoute = ['src/features/diff/prefetch-diff.ts', 'src/features/diff/components/diff-page.tsx'];

describe('the modules evaluated to open the diff view', () => {
  const modules = staticReach(...diffRoute);

  it('take the routes they call from their capability’s module, not from the whole table', () => {
    expect(modules).toContain('api/packages/routes.ts');
    expect(modules).toContain('api/threads/routes.ts');
    expect(modules).not.toContain('api/routes.ts');
  });

  it('do not build the contracts of pages the diff view does not show', () => {
    for (const contract of ['domain/contracts/audit-events.ts', 'domain/contracts/audit.ts', 'domain/contracts/record.ts', 'domain/contracts/dashboard.ts', 'domain/contracts/template-admin.ts']) {
      expect(modules).not.toContain(contract);
    }
  });
});
