// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { useContentHash } from './use-content-hash.ts';

function wrapper() {
  const client = new QueryClient();
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('useContentHash', () => {
  it('hashes the content on screen when a version is read again with other content under the same number', async () => {
    // The attack: the server answers version 2 once, then (the dialog open) with other content.
    // The dialog shows the second; a hash kept by package and number would sign the first.
    const shown: PackageContent = retailCreditPdV2;
    const swapped: PackageContent = { ...retailCreditPdV2, sections: retailCreditPdV2.sections.slice(0, -1) };
    const first = await contentHash(shown);
    const { result, rerender } = renderHook(({ content }) => useContentHash('pkg_retail_credit_pd', 2, content), { wrapper: wrapper(), initialProps: { content: shown } });
    await waitFor(() => expect(result.current.data).toBe(first));
    rerender({ content: swapped });
    const expected = await contentHash(swapped);
    expect(expected).not.toBe(first);
    await waitFor(() => expect(result.current.data).toBe(expected));
  });

  it('keeps the hash of the same content object without computing it again', async () => {
    const { result, rerender } = renderHook(({ content }) => useContentHash('pkg_retail_credit_pd', 2, content), { wrapper: wrapper(), initialProps: { content: retailCreditPdV2 } });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const first = result.current.dataUpdatedAt;
    rerender({ content: retailCreditPdV2 });
    expect(result.current.dataUpdatedAt).toBe(first);
  });
});
