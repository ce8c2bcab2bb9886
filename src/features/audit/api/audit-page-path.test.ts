import { describe, expect, it } from 'vitest';
import { routes } from '#api/routes.ts';
import { auditListPath, auditPagePath } from './audit-page-path.ts';

describe('auditPagePath', () => {
  it('is the route table path of GET /api/audit', () => {
    expect(auditListPath).toBe(routes.listAudit.path);
  });

  it('puts the filters first, then the cursor and the size', () => {
    expect(auditPagePath(new URLSearchParams({ action: 'session.login_succeeded' }), 41, 200)).toBe('/api/audit?action=session.login_succeeded&beforeSeq=41&limit=200');
  });
});
