import type { z } from 'zod';
import type { ssoProviderSchema } from '../../../../common/identity';

/** Only what the login page needs: never the issuer's client credentials. */
export function presentSsoProvider(row: { id: string; name: string; ssoLabel: string | null }): z.infer<typeof ssoProviderSchema> {
  return { organisationId: row.id, organisationName: row.name, label: row.ssoLabel?.trim() || row.name };
}
