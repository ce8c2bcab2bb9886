// GET /api/audit/chain without the route table: the second integrity worker reads it, and the
// table would bring zod and every contract into that worker's script (docs/decisions/0201).
// Held to routes.streamAuditChain.path by a test.
export const auditChainPath = '/api/audit/chain';
