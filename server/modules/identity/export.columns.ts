import type { ExportLanguage } from '../../../common/export';
import { headersIn, type ExportColumn } from '../../http/export';
import type { AuditRow } from './audit-log.repo';
import type { OrganisationRow } from './organisations.repo';
import type { OutboxRow } from './outbox.repo';
import type { UserRow } from './users.repo';

/** Columns of the administration lists' exports (users, organisations, outbox, audit log). */

type Pair = readonly [da: string, en: string];
const pick = (lang: ExportLanguage, pair: Pair | undefined, fallback: string) => (pair ? pair[lang === 'en' ? 1 : 0] : fallback);
const yesNo = (lang: ExportLanguage, v: boolean) => (v ? ['Ja', 'Yes'] : ['Nej', 'No'])[lang === 'en' ? 1 : 0];

const roles: Record<string, Pair> = {
  admin: ['Administrator', 'Administrator'], manager: ['Leder', 'Manager'], secretariat: ['Sekretariat', 'Secretariat'],
  business_consultant: ['Virksomhedskonsulent', 'Business consultant'], jobcentre_consultant: ['Jobcenterkonsulent', 'Job centre consultant'],
  provider: ['Udbyder', 'Provider'], school_coordinator: ['Skolekoordinator', 'School coordinator'],
  company_user: ['Virksomhedsbruger', 'Company user'], analyst: ['Analytiker', 'Analyst'],
};
const userStatuses: Record<string, Pair> = { invited: ['Inviteret', 'Invited'], active: ['Aktiv', 'Active'], deactivated: ['Deaktiveret', 'Deactivated'] };
const kinds: Record<string, Pair> = {
  business_office: ['Erhvervskontor', 'Business office'], jobcentre: ['Jobcenter', 'Job centre'], business_hub: ['Erhvervshus', 'Business hub'],
  academy: ['Akademi', 'Academy'], education: ['Uddannelsesinstitution', 'Education institution'], school: ['Skole', 'School'],
  a_kasse: ['A-kasse', 'Unemployment fund'], provider: ['Udbyder', 'Provider'], secretariat: ['Sekretariat', 'Secretariat'],
  company: ['Virksomhed', 'Company'],
};

export function userColumns(lang: ExportLanguage): ExportColumn<UserRow>[] {
  const h = headersIn(lang, {
    name: ['Navn', 'Name'], email: ['E-mail', 'E-mail'], organisation: ['Organisation', 'Organisation'], roles: ['Roller', 'Roles'],
    status: ['Status', 'Status'], lastLogin: ['Seneste login', 'Last sign-in'], locked: ['Låst til', 'Locked until'], created: ['Oprettet', 'Created'],
  });
  return [
    { key: 'name', header: h.name, value: (r) => r.name },
    { key: 'email', header: h.email, value: (r) => r.email },
    { key: 'organisation', header: h.organisation, value: (r) => r.organisationName },
    { key: 'roles', header: h.roles, value: (r) => r.roles.map((role) => pick(lang, roles[role], role)).join(', ') },
    { key: 'status', header: h.status, value: (r) => pick(lang, userStatuses[r.status], r.status) },
    { key: 'lastLogin', header: h.lastLogin, value: (r) => r.lastLoginAt, kind: 'datetime' },
    { key: 'locked', header: h.locked, value: (r) => (r.lockedUntil && r.lockedUntil > new Date() ? r.lockedUntil : null), kind: 'datetime' },
    { key: 'created', header: h.created, value: (r) => r.createdAt, kind: 'datetime' },
  ];
}

/** The SSO client secret is never a column. */
export function organisationColumns(lang: ExportLanguage): ExportColumn<OrganisationRow>[] {
  const h = headersIn(lang, {
    name: ['Navn', 'Name'], kind: ['Type', 'Kind'], municipalityCode: ['Kommunekode', 'Municipality code'], municipality: ['Kommune', 'Municipality'],
    users: ['Brugere', 'Users'], sso: ['SSO', 'SSO'], issuer: ['SSO-udsteder', 'SSO issuer'], domains: ['E-maildomæner', 'E-mail domains'],
    status: ['Status', 'Status'],
  });
  return [
    { key: 'name', header: h.name, value: (r) => r.name },
    { key: 'kind', header: h.kind, value: (r) => pick(lang, kinds[r.kind], r.kind) },
    { key: 'municipalityCode', header: h.municipalityCode, value: (r) => r.municipalityCode, kind: 'number' },
    { key: 'municipality', header: h.municipality, value: (r) => r.municipalityName },
    { key: 'users', header: h.users, value: (r) => r.userCount, kind: 'number' },
    { key: 'sso', header: h.sso, value: (r) => yesNo(lang, r.ssoEnabled) },
    { key: 'issuer', header: h.issuer, value: (r) => r.ssoIssuer },
    { key: 'domains', header: h.domains, value: (r) => r.emailDomains.join(', ') },
    { key: 'status', header: h.status, value: (r) => pick(lang, r.deactivatedAt ? ['Inaktiv', 'Inactive'] : ['Aktiv', 'Active'], '') },
  ];
}

/**
 * The message body is not exported: invitation and password-reset e-mails carry sign-in links, which
 * must not travel on in a spreadsheet (the outbox page shows a body to the administrator one at a time).
 */
export function outboxColumns(lang: ExportLanguage): ExportColumn<OutboxRow>[] {
  const h = headersIn(lang, {
    created: ['Oprettet', 'Created'], to: ['Modtager', 'To'], subject: ['Emne', 'Subject'], kind: ['Type', 'Kind'],
    sent: ['Sendt', 'Sent'], error: ['Fejl', 'Error'],
  });
  return [
    { key: 'created', header: h.created, value: (r) => r.createdAt, kind: 'datetime' },
    { key: 'to', header: h.to, value: (r) => r.toAddress },
    { key: 'subject', header: h.subject, value: (r) => r.subject },
    { key: 'kind', header: h.kind, value: (r) => r.kind },
    { key: 'sent', header: h.sent, value: (r) => r.sentAt, kind: 'datetime' },
    { key: 'error', header: h.error, value: (r) => r.lastError },
  ];
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export function auditColumns(lang: ExportLanguage): ExportColumn<AuditRow>[] {
  const h = headersIn(lang, {
    id: ['Nr.', 'No.'], at: ['Tidspunkt', 'Time'], user: ['Bruger', 'User'], action: ['Handling', 'Action'], entity: ['Objekt', 'Entity'],
    entityId: ['Objekt-id', 'Entity id'], before: ['Før', 'Before'], after: ['Efter', 'After'], reason: ['Begrundelse', 'Reason'],
  });
  return [
    { key: 'id', header: h.id, value: (r) => r.id, kind: 'number' },
    { key: 'at', header: h.at, value: (r) => r.at, kind: 'datetime' },
    { key: 'user', header: h.user, value: (r) => r.userName },
    { key: 'action', header: h.action, value: (r) => r.action },
    { key: 'entity', header: h.entity, value: (r) => r.entity },
    { key: 'entityId', header: h.entityId, value: (r) => r.entityId, kind: 'text' },
    { key: 'before', header: h.before, value: (r) => json(r.before), kind: 'text' },
    { key: 'after', header: h.after, value: (r) => json(r.after), kind: 'text' },
    { key: 'reason', header: h.reason, value: (r) => r.reason },
  ];
}
