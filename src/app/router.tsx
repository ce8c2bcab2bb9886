import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { importInTurn } from '../lib/import-in-turn.ts';
import { LoadingPage } from './loading-page.tsx';
import { LoginRoute } from './login-route.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PublicShell } from './public-shell.tsx';
import { RootLayout } from './root-layout.tsx';
import { RootError, RouteError } from './route-error.tsx';
import { redirectIfSignedIn, requireSession } from './session-loaders.ts';

// The signed-in frame's module: every page inside it loads it.
const frame = () => import('./app-shell.tsx');

/**
 * The route table, built around one QueryClient so the loaders read the same cache the
 * pages do. The browser wraps it in a browser router; tests in a memory router.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      Component: RootLayout,
      ErrorBoundary: RootError,
      HydrateFallback: LoadingPage,
      children: [
        {
          Component: PublicShell,
          children: [
            { path: 'login', loader: redirectIfSignedIn(queryClient), Component: LoginRoute },
            {
              // A new installation's first administrator; the page says when setup is done already.
              path: 'setup',
              lazy: async () => ({ Component: (await import('../features/setup/components/setup-page.tsx')).SetupPage }),
            },
            {
              // Public: a mailed set-password link opens it, its token in the fragment (0181).
              path: 'set-password',
              lazy: async () => ({ Component: (await import('../features/set-password/components/set-password-page.tsx')).SetPasswordPage }),
            },
            {
              // Public, and complete once loaded: it checks an exported record with the network off.
              path: 'verify',
              lazy: async () => ({ Component: (await import('../features/verify/components/verify-page.tsx')).VerifyPage }),
            },
          ],
        },
        {
          loader: requireSession(queryClient),
          // The signed-in frame (and below, the inbox and the loaders' API modules) load
          // on first use, so the log-in page carries none of them.
          lazy: async () => ({ Component: (await frame()).AppShell }),
          children: [
            {
              // Failures of one page show inside the frame, so navigation and sign-out remain.
              ErrorBoundary: RouteError,
              children: [
                { index: true, lazy: async () => ({ Component: (await import('../features/inbox/components/inbox-page.tsx')).InboxPage }) },
                {
                  path: 'packages/:id',
                  loader: async (args) => (await import('./package-loader.ts')).prefetchPackage(queryClient)(args),
                  // Loaded when first visited: the log-in page and the inbox do not carry it.
                  lazy: async () => ({ Component: (await import('./package-route.tsx')).PackageRoute }),
                },
                {
                  path: 'packages/:id/diff',
                  // Three graphs that share the frame's chunk, evaluated in turn, a task each: at
                  // once, the first whole one took the frame's and the page's in one task (0228).
                  loader: async (args) => (await importInTurn([frame], () => import('../features/diff/prefetch-diff.ts'))).prefetchDiff(queryClient)(args),
                  // The diff view and jsdiff load only when someone compares versions.
                  lazy: async () => ({ Component: (await importInTurn([frame, () => import('../features/diff/prefetch-diff.ts')], () => import('../features/diff/components/diff-page.tsx'))).DiffPage }),
                },
                {
                  path: 'packages/:id/resubmit',
                  loader: async (args) => (await import('../features/resubmit/prefetch-resubmit.ts')).prefetchResubmit(queryClient)(args),
                  // The owner's editor: loaded only by those who revise a package.
                  lazy: async () => ({ Component: (await import('../features/resubmit/components/resubmit-page.tsx')).ResubmitPage }),
                },
                {
                  path: 'packages/:id/record',
                  lazy: async () => ({ Component: (await import('../features/record/components/record-page.tsx')).RecordPage }),
                },
                {
                  path: 'packages/:id/audit',
                  lazy: async () => ({ Component: (await import('../features/audit/components/package-audit-page.tsx')).PackageAuditPage }),
                },
                {
                  // The risk intake questionnaire: the owner (or model risk) assesses, the server scores.
                  path: 'packages/:id/risk-assessment',
                  lazy: async () => ({ Component: (await import('../features/risk-assessment/components/risk-assessment-page.tsx')).RiskAssessmentPage }),
                },
                {
                  path: 'packages/:id/findings',
                  lazy: async () => ({ Component: (await import('../features/findings/components/findings-page.tsx')).FindingsPage }),
                },
                {
                  // The findings register across the inventory (each caller sees the packages they may see).
                  path: 'findings',
                  lazy: async () => ({ Component: (await import('../features/findings/components/register-page.tsx')).FindingRegisterPage }),
                },
                {
                  path: 'audit',
                  loader: async (args) => (await import('./audit-loader.ts')).prefetchAuditView(queryClient)(args),
                  lazy: async () => ({ Component: (await import('../features/audit/components/audit-page.tsx')).AuditPage }),
                },
                {
                  path: 'dashboard',
                  lazy: async () => ({ Component: (await import('../features/dashboard/components/dashboard-page.tsx')).DashboardPage }),
                },
                {
                  path: 'notifications',
                  lazy: async () => ({ Component: (await import('../features/notifications/components/notifications-page.tsx')).NotificationsPage }),
                },
                {
                  // Everyone's password and sessions; where a temporary password is replaced.
                  path: 'account',
                  lazy: async () => ({ Component: (await import('../features/account/components/account-page.tsx')).AccountPage }),
                },
                {
                  // What is mailed to the signed-in person, per kind of notification.
                  path: 'account/notifications',
                  lazy: async () => ({ Component: (await import('../features/notification-preferences/components/notification-preferences-page.tsx')).NotificationPreferencesPage }),
                },
                {
                  path: 'account/passkeys',
                  lazy: async () => ({ Component: (await import('../features/signing/components/passkeys-page.tsx')).PasskeysPage }),
                },
                {
                  // A reviewer names who decides their steps while they are away.
                  path: 'account/delegations',
                  lazy: async () => ({ Component: (await import('../features/delegations/components/delegations-page.tsx')).DelegationsPage }),
                },
                {
                  // Model owners and administrators; the API refuses anyone else.
                  path: 'admin/tokens',
                  lazy: async () => ({ Component: (await import('../features/admin-tokens/components/api-tokens-page.tsx')).ApiTokensPage }),
                },
                {
                  // Administrators only; the API refuses anyone else.
                  path: 'admin/business-lines',
                  lazy: async () => ({ Component: (await import('../features/admin-business-lines/components/business-lines-page.tsx')).BusinessLinesPage }),
                },
                {
                  // Administrators only; the API refuses anyone else (docs/decisions/0182).
                  path: 'admin/catalogue-proposals',
                  lazy: async () => ({ Component: (await import('../features/admin-catalogue-proposals/components/catalogue-proposals-page.tsx')).CatalogueProposalsPage }),
                },
                {
                  // Administrators only; the API refuses anyone else.
                  path: 'admin/webhooks',
                  lazy: async () => ({ Component: (await import('../features/admin-webhooks/components/webhooks-page.tsx')).WebhooksPage }),
                },
                {
                  // Administrators only; the API refuses anyone else.
                  path: 'admin/users',
                  lazy: async () => ({ Component: (await import('../features/admin-users/components/users-page.tsx')).UsersPage }),
                },
                {
                  // Administrators only (registry connectors come from the configuration); the API refuses anyone else.
                  path: 'admin/registries',
                  lazy: async () => ({ Component: (await import('../features/admin-registries/components/registries-page.tsx')).RegistriesPage }),
                },
                {
                  // Model owners (and administrators): drafts that registry events made.
                  path: 'registry-drafts',
                  lazy: async () => ({ Component: (await import('../features/registry-drafts/components/registry-drafts-page.tsx')).RegistryDraftsPage }),
                },
                {
                  // Administrators only (read-only SAML configuration); the API refuses anyone else.
                  path: 'admin/sso',
                  lazy: async () => ({ Component: (await import('../features/admin-sso/components/sso-settings-page.tsx')).SsoSettingsPage }),
                },
                // (reading is open to anyone signed in; publishing is the server's to refuse).
                {
                  path: 'admin/templates',
                  lazy: async () => ({ Component: (await import('../features/admin-templates/components/templates-page.tsx')).TemplatesPage }),
                },
                {
                  // new template keys: a static segment, so it wins over :key ("new" is not a valid key).
                  path: 'admin/templates/new',
                  lazy: async () => ({ Component: (await import('../features/admin-templates/components/new-template-page.tsx')).NewTemplatePage }),
                },
                {
                  path: 'admin/templates/:key',
                  lazy: async () => ({ Component: (await import('../features/admin-templates/components/template-page.tsx')).TemplatePage }),
                },
                {
                  path: 'admin/templates/:key/new-version',
                  lazy: async () => ({ Component: (await import('../features/admin-templates/components/new-version-page.tsx')).NewVersionPage }),
                },
                {
                  path: 'admin/risk-tiering',
                  lazy: async () => ({ Component: (await import('../features/admin-risk-tiering/components/risk-tiering-page.tsx')).RiskTieringPage }),
                },
                {
                  path: 'admin/policies',
                  lazy: async () => ({ Component: (await import('../features/admin-policies/components/policies-page.tsx')).PoliciesPage }),
                },
                {
                  // A static segment, so it wins over :key ("new" is not a valid key).
                  path: 'admin/policies/new',
                  lazy: async () => ({ Component: (await import('../features/admin-policies/components/policy-form-page.tsx')).NewPolicyPage }),
                },
                {
                  path: 'admin/policies/:key',
                  lazy: async () => ({ Component: (await import('../features/admin-policies/components/policy-page.tsx')).PolicyPage }),
                },
                {
                  path: 'admin/policies/:key/new-version',
                  lazy: async () => ({ Component: (await import('../features/admin-policies/components/policy-form-page.tsx')).NewPolicyVersionPage }),
                },
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ];
}
