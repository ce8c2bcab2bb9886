import { describe, expect, it } from 'vitest';
import { staticReach } from '#src/test/static-reach.ts';

// The second worker's script is fetched, parsed and run on the full check's critical path
// (docs/decisions/0201): with the route table and the app's problem reader it was 219 kB of
// zod and contracts, without them 16 kB. This follows the modules it runs (type-only imports
// are erased) and holds that none of them is zod or the route table.

describe('the second integrity worker’s script', () => {
  it('runs neither zod nor the route table, only what reading and checking the chain needs', () => {
    const modules = staticReach('src/features/audit/integrity/range.worker.ts');
    expect(modules).toContain('domain/audit/verify-chain.ts');
    expect(modules.filter((file) => file.startsWith('package:'))).toEqual([]);
    expect(modules).not.toContain('api/routes.ts');
    expect(modules).not.toContain('src/lib/api-problem.ts');
  });
});
