import { describe, expect, it } from 'vitest';
import { routes } from '#api/routes.ts';
import { auditChainPath } from './audit-chain-path.ts';

describe('the chain path the integrity workers read', () => {
  it('is the route table’s', () => {
    expect(auditChainPath).toBe(routes.streamAuditChain.path);
  });
});
