import { describe, expect, it } from 'vitest';
import { staticReach } from '#src/test/static-reach.ts';

// Opening a package evaluates, in one task, the frame and the modules the route's loader,
// page and content view import (docs/decisions/0219). Through the one route table that was
// every capability's routes and contracts (the audit events' union, the record, the
// dashboard...), Zod schemas built as their modules ran: the page's longest task. Its
// modules name their capability's routes instead; this holds them to it.

const packagePage = ['src/app/app-shell.tsx', 'src/app/package-loader.ts', 'src/app/package-route.tsx', 'src/features/review/components/package-content.tsx'];

describe('the modules evaluated to open a package', () => {
  const modules = staticReach(...packagePage);

  it('take the routes they call from their capability’s module, not from the whole table', () => {
    expect(modules).toContain('api/packages/routes.ts');
    expect(modules).toContain('api/threads/routes.ts');
    expect(modules).not.toContain('api/routes.ts');
  });

  it('do not build the contracts of pages the package page does not show', () => {
    for (const contract of ['domain/contracts/audit-events.ts', 'domain/contracts/audit.ts', 'domain/contracts/record.ts', 'domain/contracts/dashboard.ts', 'domain/contracts/template-admin.ts']) {
      expect(modules).not.toContain(contract);
    }
  });
});
