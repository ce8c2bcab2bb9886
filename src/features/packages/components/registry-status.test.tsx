// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// The package page's registry section: shown only for a package an MLflow event drafted, with
// where each write-back stands (the rows planted as the intake and the outbox would write them).

const at = '2026-12-05T03:00:00.000Z';

describe('package page: model registry', () => {
  it('shows where the package came from and each write-back: written, and waiting for a registry that is down', async () => {
    await renderApp('/packages/pkg_retail_credit_pd?tab=details', {
      signedInAs: 'fair-lending@example.com',
      prepare: async (api) => {
        const store = api.deps.store;
        const pkg = await store.findPackage('pkg_retail_credit_pd');
        if (!pkg) throw new Error('demo package missing');
        await store.insertRegistryIntake({ id: 'rgd_1', connectorId: 'mlflow', registryModel: 'Retail Credit PD', registryVersion: '12', modelKey: pkg.modelKey, versionLabel: pkg.versionLabel, ownerId: pkg.ownerId, template: '{}', runId: null, deliveryId: 'd-1', receivedAt: at });
        const details = { packageId: pkg.id, version: 2, contentHash: 'a'.repeat(64), recordUrl: `/api/packages/${pkg.id}/record`, decidedAt: at };
        await store.insertRegistryWriteBack({ id: 'rwb_1', connectorId: 'mlflow', registryModel: 'Retail Credit PD', registryVersion: '12', packageId: pkg.id, outcome: 'rejected', details, status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, doneAt: null, createdAt: at });
        await store.updateRegistryWriteBack('rwb_1', { attempts: 2, status: 'pending', nextAttemptAt: '2026-12-05T03:05:00.000Z', lastError: 'MLflow answered 503 TEMPORARILY_UNAVAILABLE', doneAt: null });
      },
    });
    const section = await screen.findByRole('region', { name: 'Model registry' });
    expect(section).toHaveTextContent('Drafted from mlflow: Retail Credit PD version 12.');
    expect(section).toHaveTextContent('Rejection written back: waiting for the registry after 2 attempts');
    expect(section).toHaveTextContent('MLflow answered 503 TEMPORARILY_UNAVAILABLE');
    await expectNoAxeViolations();
  }, 30_000);

  it('says nothing for a package no registry drafted', async () => {
    // On the details tab, where the registry's part is shown when there is one.
    await renderApp('/packages/pkg_retail_credit_pd?tab=details', { signedInAs: 'fair-lending@example.com' });
    expect(await screen.findByRole('region', { name: 'Versions' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Model registry' })).not.toBeInTheDocument();
  });
});
