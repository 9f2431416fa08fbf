/**
 * Single sign-on with OpenID Connect for organisations that bring their own identity provider
 * (MitID Erhverv through a broker, Entra ID, …): authorization code flow with PKCE, configured per
 * organisation (organisations.sso_*). Public surface: the route registration, and the issuer rule
 * (https, or http on this machine for tests) so the organisation admin can refuse what login would.
 */
export { registerSsoRoutes } from './sso.routes';
export { checkIssuer, IssuerNotAllowedError } from './oidc-client';
