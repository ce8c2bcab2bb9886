import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { issuerName, oidcSettingsFrom } from './oidc-settings.ts';

const settingsOf = (env: Record<string, string>) => oidcSettingsFrom(loadConfig(env));

describe('OIDC settings', () => {
  it('are off without an issuer', () => {
    expect(settingsOf({})).toBeNull();
  });

  it('read every variable, with the defaults', () => {
    const on = settingsOf({ OIDC_ISSUER: 'https://login.example.com/tenant/v2.0', OIDC_CLIENT_ID: 'app', OIDC_ROLE_MAP: 'grp=model_risk' });
    expect(on).toMatchObject({ clientId: 'app', clientSecret: undefined, rolesClaim: 'roles', displayName: 'Single sign-on', scopes: 'openid email profile' });
    expect(on?.roleMap?.get('grp')).toEqual(['model_risk']);
    expect(on && issuerName(on)).toBe('https://login.example.com/tenant/v2.0');
    const local = settingsOf({ OIDC_ISSUER: 'http://localhost:8080', OIDC_CLIENT_ID: 'app' });
    expect(local && issuerName(local)).toBe('http://localhost:8080');
  });

  it('refuse a half or unsafe configuration at start', () => {
    expect(() => settingsOf({ OIDC_ISSUER: 'https://idp.example.com' })).toThrow(/OIDC_CLIENT_ID is not/);
    expect(() => settingsOf({ OIDC_CLIENT_ID: 'app' })).toThrow(/OIDC_ISSUER is not/);
    expect(() => settingsOf({ OIDC_ISSUER: 'http://idp.example.com', OIDC_CLIENT_ID: 'app' })).toThrow(/must use https/);
    expect(() => settingsOf({ OIDC_ISSUER: 'https://idp.example.com', OIDC_CLIENT_ID: 'app', OIDC_SCOPES: 'email profile' })).toThrow(/include openid/);
    expect(() => loadConfig({ OIDC_ROLE_MAP: 'grp=superuser' })).toThrow(/OIDC_ROLE_MAP.*superuser/);
    expect(() => loadConfig({ OIDC_ISSUER: 'ftp://idp.example.com' })).toThrow(/OIDC_ISSUER/);
  });
});
