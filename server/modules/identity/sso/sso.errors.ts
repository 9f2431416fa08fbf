/** The reasons the login page can explain (`/login?sso=fejl&grund=<code>`); stable, translated by the web app. */
export const ssoFailureCodes = ['unknown_user', 'deactivated', 'state', 'provider_error'] as const;
export type SsoFailureCode = (typeof ssoFailureCodes)[number];

/**
 * A single sign-on attempt that must not create a session. `reason` is finer-grained than `code`
 * and goes only to the audit log: the browser learns no more than the code.
 */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoFailureCode,
    readonly reason: string,
    readonly organisationId: string | null = null,
    readonly email: string | null = null,
  ) {
    super(`${code}: ${reason}`);
  }
}
