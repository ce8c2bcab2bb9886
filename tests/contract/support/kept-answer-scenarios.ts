import { expect } from 'vitest';
import { packageVersionSchema } from '#domain/contracts/packages.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { changeAsDirect } from './catalogue-proposals.ts';
import { base, inReview, stricter } from './policy-recheck-scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';

// Version answers kept whole (server/db/version-responses.ts on SQLite, api/packages/answer-bytes.ts
// on PostgreSQL and the mocks; docs/decisions/0199): an answer read again is the same answer, its
// content still matches its hash, and what changes beside the content shows at the next read.

export const keptAnswerScenarios: Scenario[] = [
  {
    name: 'version reads: read again, the same answer with content matching its hash; a re-check published for packages in review shows at the next read',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', base), 201);
      const id = await inReview(owner, 'mortgage-recheck');
      const path = `/api/packages/${id}/versions/1`;
      const read = async () => {
        const reply = await owner.get(path);
        expectStatus(reply, 200);
        return packageVersionSchema.parse(reply.body);
      };
      const first = await read();
      expect(await sha256Hex(canonicalize(first.content))).toBe(first.contentHash);
      for (let i = 0; i < 3; i++) expect(await read()).toEqual(first);
      expect(first.policy).toMatchObject({ policy: { version: 1 }, outcome: 'pass' });

      expectStatus(await changeAsDirect(target, '/api/policies', stricter(0.9, 1, true)), 201);
      const after = await read();
      expect(after.policy).toMatchObject({ policy: { version: 2 }, outcome: 'flagged' });
      expect({ ...after, policy: null }).toEqual({ ...first, policy: null });
    },
  },
];
