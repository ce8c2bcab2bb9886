import type { ReactNode } from 'react';
import type { SamlSettingsView } from '#domain/contracts/sso.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useSsoSettings } from '../api/get-sso-settings.ts';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[16rem_1fr] sm:gap-4">
      <dt className="font-semibold">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const Code = ({ children }: { children: ReactNode }) => <code className="rounded bg-slate-100 px-1 font-mono text-sm break-all">{children}</code>;

function SamlSettings({ saml }: { saml: SamlSettingsView }) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="sp-heading" className="space-y-2">
        <h2 id="sp-heading" className="text-xl font-bold">
          For your IdP administrator
        </h2>
        <dl className="divide-y divide-slate-200">
          <Row term="SP metadata URL">
            <a className="underline" href={saml.metadataUrl}>
              {saml.metadataUrl}
            </a>
          </Row>
          <Row term="Entity ID (audience)">
            <Code>{saml.spEntityId}</Code>
          </Row>
          <Row term="Assertion consumer service (HTTP-POST)">
            <Code>{saml.acsUrl}</Code>
          </Row>
          <Row term="SP certificate (SHA-256)">{saml.spCertificateFingerprint ? <Code>{saml.spCertificateFingerprint}</Code> : 'None: requests are not signed and encrypted assertions cannot be read.'}</Row>
        </dl>
      </section>
      <section aria-labelledby="idp-heading" className="space-y-2">
        <h2 id="idp-heading" className="text-xl font-bold">
          Identity provider
        </h2>
        <dl className="divide-y divide-slate-200">
          <Row term="Entity ID (issuer)">
            <Code>{saml.idpEntityId}</Code>
          </Row>
          <Row term="Single sign-on URL (HTTP-Redirect)">
            <Code>{saml.idpSsoUrl}</Code>
          </Row>
          <Row term="Metadata read from">
            <Code>{saml.metadataSource}</Code>
          </Row>
          <Row term="Signing certificates (SHA-256)">
            <ul className="space-y-1">
              {saml.idpCertificateFingerprints.map((fingerprint) => (
                <li key={fingerprint}>
                  <Code>{fingerprint}</Code>
                </li>
              ))}
            </ul>
          </Row>
        </dl>
      </section>
      <section aria-labelledby="rules-heading" className="space-y-2">
        <h2 id="rules-heading" className="text-xl font-bold">
          What is required and how it is read
        </h2>
        <dl className="divide-y divide-slate-200">
          <Row term="Button text">Sign in with {saml.displayName}</Row>
          <Row term="Signed assertions required">{saml.wantAssertionsSigned ? 'Yes' : 'No (the whole response must be signed)'}</Row>
          <Row term="Signed responses required">{saml.wantResponseSigned ? 'Yes' : 'No'}</Row>
          <Row term="Clock skew allowed">{saml.clockSkewSeconds} seconds</Row>
          <Row term="Email attribute">
            <Code>{saml.attributes.email}</Code>
          </Row>
          <Row term="Display name attribute">
            <Code>{saml.attributes.displayName}</Code>
          </Row>
          <Row term="Roles attribute">
            <Code>{saml.attributes.roles}</Code>
          </Row>
          <Row term="Role map">
            {saml.roleMap ? (
              <ul className="space-y-1">
                {saml.roleMap.map((entry) => (
                  <li key={entry.value}>
                    <Code>{entry.value}</Code> → {entry.roles.join(', ')}
                  </li>
                ))}
              </ul>
            ) : (
              'None: single sign-on grants no role until a map is set.'
            )}
          </Row>
        </dl>
      </section>
    </div>
  );
}

/** Administration: SAML single sign-on as the environment configures it. Nothing here is editable. */
export function SsoSettingsPage() {
  usePageTitle('Single sign-on');
  const settings = useSsoSettings();
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeading>Single sign-on (SAML)</PageHeading>
      <p>This configuration is read from the server’s environment (the SAML_* variables) at start-up and cannot be changed here. Keys are never shown.</p>
      {settings.isPending && <LoadingNotice>Loading the configuration…</LoadingNotice>}
      {settings.isError && <ErrorNotice title="The configuration could not be loaded." error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />}
      {settings.data && (settings.data.saml ? <SamlSettings saml={settings.data.saml} /> : <p>SAML single sign-on is off: set SAML_IDP_METADATA_FILE or SAML_IDP_METADATA_URL and SAML_SP_ENTITY_ID to turn it on.</p>)}
    </div>
  );
}
