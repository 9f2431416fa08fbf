import * as oidc from 'openid-client';
import type { OrganisationKind, Role } from '../../../../common/roles';
import type { Db } from '../../../db/client';
import { audit } from '../../../http/audit';
import { notFound } from '../../../http/errors';
import type { DiscoveryCache } from './oidc-client';
import { safeReturnTo } from './return-to';
import * as repo from './sso.repo';
import { SsoFailure } from './sso.errors';
import { mapIdentityToUser, type VerifiedIdentity } from './user-mapping';

/** A flow older than this is refused: the person has to start again. */
export const flowLifetimeMs = 10 * 60 * 1000;
const scope = 'openid email profile';

export interface SsoDeps {
  db: Db;
  discovery: DiscoveryCache;
  redirectUri: string;
  now(): Date;
}

export async function listProviders(db: Db, email: string | undefined) {
  if (email === undefined || email.trim() === '') return repo.listSsoOrganisations(db, null);
  const at = email.lastIndexOf('@');
  const domain = at >= 0 ? email.slice(at + 1).trim().toLowerCase() : '';
  return domain ? repo.listSsoOrganisations(db, domain) : [];
}

async function configFor(deps: SsoDeps, org: repo.SsoOrganisationRow): Promise<oidc.Configuration> {
  try {
    return await deps.discovery.get({ issuer: org.ssoIssuer, clientId: org.ssoClientId, clientSecret: org.ssoClientSecret });
  } catch (error) {
    throw new SsoFailure('provider_error', `discovery_failed: ${(error as Error).message}`.slice(0, 300), org.id);
  }
}

/** Creates the flow (PKCE verifier, state, nonce) and returns the provider's authorization URL. */
export async function startFlow(deps: SsoDeps, organisationId: string, returnTo: string | undefined) {
  const org = await repo.findSsoOrganisation(deps.db, organisationId);
  if (!org) throw notFound('Organisationen findes ikke eller bruger ikke single sign-on.');
  const config = await configFor(deps, org);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = deps.now();
  await repo.deleteFlowsOlderThan(deps.db, new Date(now.getTime() - flowLifetimeMs));
  await repo.insertFlow(deps.db, {
    state, organisationId: org.id, codeVerifier, nonce, returnTo: safeReturnTo(returnTo), createdAt: now,
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: deps.redirectUri,
    scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, state };
}

async function verifiedIdentity(config: oidc.Configuration, tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>): Promise<VerifiedIdentity> {
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  let email = typeof claims.email === 'string' ? claims.email : null;
  let verified = claims.email_verified;
  // Providers that follow OIDC Core 5.4 strictly put scope claims only in userinfo.
  if (!email && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = typeof info.email === 'string' ? info.email : null;
    verified = info.email_verified;
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: email ? email.trim().toLowerCase() : null,
    emailVerified: verified === false || verified === 'false' ? false : verified === true || verified === 'true' ? true : null,
  };
}

export interface CallbackInput {
  /** The callback's query string exactly as received (without '?'). */
  query: string;
  state: string | undefined;
  error: string | undefined;
  /** The state this browser was given at start (cookie): binds the flow to the browser that began it. */
  browserState: string | undefined;
  ip: string;
}

/** Redeems a flow: validates the provider's answer, maps the person to a user, records the login. */
export async function completeFlow(deps: SsoDeps, input: CallbackInput): Promise<{ userId: string; returnTo: string }> {
  if (!input.state) throw new SsoFailure(input.error ? 'provider_error' : 'state', input.error ? `idp_error: ${input.error}` : 'missing_state');
  const flow = await repo.takeFlow(deps.db, input.state);
  if (!flow) throw new SsoFailure('state', 'unknown_state');
  if (deps.now().getTime() - flow.createdAt.getTime() > flowLifetimeMs) throw new SsoFailure('state', 'expired', flow.organisationId);
  if (input.browserState !== input.state) throw new SsoFailure('state', 'other_browser', flow.organisationId);
  if (input.error) throw new SsoFailure('provider_error', `idp_error: ${input.error}`.slice(0, 300), flow.organisationId);

  const org = await repo.findSsoOrganisation(deps.db, flow.organisationId);
  if (!org) throw new SsoFailure('provider_error', 'sso_no_longer_enabled', flow.organisationId);
  const config = await configFor(deps, org);
  let identity: VerifiedIdentity;
  try {
    const currentUrl = new URL(`${deps.redirectUri}?${input.query}`);
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
    });
    identity = await verifiedIdentity(config, tokens);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new SsoFailure('provider_error', `${typeof code === 'string' ? code : 'token'}: ${(error as Error).message}`.slice(0, 300), org.id);
  }

  const { user, link } = await mapIdentityToUser(deps.db, org.id, identity);
  const actor = {
    id: user.id, organisationId: user.organisationId, partnershipId: user.partnershipId,
    organisationKind: user.organisationKind as OrganisationKind, roles: user.roles as Role[],
  };
  const activate = user.status === 'invited';
  await deps.db.transaction(async (tx) => {
    await repo.recordSsoLogin(tx, user.id, {
      ...(link ? { oidcIssuer: identity.issuer, oidcSubject: identity.subject } : {}), activate, at: deps.now(),
    });
    await audit(tx, { actor, ip: input.ip },
      ...(link || activate ? [{
        action: link ? 'user.sso_linked' : 'user.activated', entity: 'user', entityId: user.id,
        before: { status: user.status, oidcIssuer: user.oidcIssuer, oidcSubject: user.oidcSubject },
        after: { status: activate ? 'active' : user.status, oidcIssuer: identity.issuer, oidcSubject: identity.subject },
        reason: link ? 'Første login med single sign-on' : null,
      }] : []),
      { action: 'auth.sso_login', entity: 'user', entityId: user.id, after: { organisationId: org.id, issuer: identity.issuer } });
  });
  return { userId: user.id, returnTo: safeReturnTo(flow.returnTo) };
}

/** Every refused attempt is audited, with the precise reason the browser is not told. */
export async function recordFailure(db: Db, failure: SsoFailure, ip: string): Promise<void> {
  await audit(db, { actor: null, ip }, {
    action: 'auth.sso_failed',
    entity: 'organisation',
    entityId: failure.organisationId,
    after: { code: failure.code, email: failure.email },
    reason: failure.reason,
  });
}
