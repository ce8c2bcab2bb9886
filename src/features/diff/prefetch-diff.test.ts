// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createMockApi } from '#mocks/handlers.ts';
import { server, setupMockServer } from '#src/test/mock-server.ts';
import { packageKeys } from '#src/lib/package-keys.ts';
import { prefetchDiff } from './prefetch-diff.ts';

setupMockServer();

const credit = 'pkg_retail_credit_pd';

async function enter(url: string) {
  const api = createMockApi({ seed: true, signedInAs: 'fair-lending@example.com' });
  server.resetHandlers(...api.handlers);
  await api.ready;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const returned = prefetchDiff(queryClient)({ request: new Request(url), params: { id: credit }, context: undefined } as unknown as LoaderFunctionArgs);
  return { queryClient, returned };
}

describe('the diff route loader', () => {
  it('returns at once and fetches the package, then the two versions the page will compare, the threads and the findings', async () => {
    const { queryClient, returned } = await enter(`http://localhost:3000/packages/${credit}/diff?from=1&to=2`);
    expect(returned).toBeNull();
    await expect.poll(() => queryClient.getQueryData(packageKeys.version(credit, 2)), { timeout: 10_000 }).toBeDefined();
    expect(queryClient.getQueryData(packageKeys.version(credit, 1))).toBeDefined();
    await expect.poll(() => queryClient.getQueryData(packageKeys.threads(credit))).toBeDefined();
    await expect.poll(() => queryClient.getQueryData(packageKeys.findings(credit))).toBeDefined();
  });

});
