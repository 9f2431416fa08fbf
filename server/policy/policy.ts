import type { OrganisationKind, Role } from '../../common/roles';

/** Who is asking: the authenticated user as the policy sees them. */
export interface Actor {
  id: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  partnershipId: string;
  roles: readonly Role[];
  /** For a company organisation's users (employer view): the company they act for. */
  companyId?: string | null;
}

/** The thing acted on, as far as a decision needs it. */
export interface Resource {
  partnershipId?: string;
  organisationId?: string;
  /** The company a recruitment resource belongs to: a company user acts only for its own company. */
  companyId?: string;
}

export const actions = [
  'reference.read',
  'reference.import',
  'company.read',
  'company.create',
  'company.update',
  'company.import',
  'organisation.read',
  'organisation.manage',
  'user.read',
  'user.invite',
  'user.update',
  'user.deactivate',
  'outbox.read',
  'audit.read',
  'profile.update',
  'contact.read',
  'contact.write',
  'interaction.read',
  'interaction.write',
  'task.read',
  'task.write',
  'engagement.read',
  'tier.read',
  'tier.manage',
  'responsible.manage',
  'worklist.read',
  'calendar.read',
  'portfolio.bulk_assign',
  'target.manage',
  'coverage.read',
  'coverage.companies',
  'coverage.read_all',
  'duplicate.read',
  'company.merge',
  'contact.merge',
  'data.export',
  'engagement.import',
  'offer.read',
  'offer.manage',
  'assessment.read',
  'assessment.write',
  'offer.match',
  'referral.create',
  'referral.read',
  'referral.handle',
  'referral.kpi',
  'referral.export',
  'referral.remind',
  'order.read',
  'order.write',
  'order.match',
  'candidate.read',
  'candidate.identity',
  'candidate.write',
  'candidate.import',
  'placement.write',
  'consent.write',
  'candidate.released',
  'recruitment.kpi',
  'company_user.invite',
  'recruitment.retention',
  'school.read',
  'school.write',
  'host_offer.read',
  'host_offer.write',
  'allocation.run',
  'allocation.publish',
  'agreement.read',
  'agreement.write',
  'evaluation.read',
] as const;
export type Action = (typeof actions)[number];

const consultants: readonly Role[] = ['business_consultant', 'jobcentre_consultant'];
const engagementStaff: readonly Role[] = ['admin', 'secretariat', 'manager', ...consultants];
/** Those who steer an organisation's portfolio: targets, bulk assignment, imports. */
const leads: readonly Role[] = ['admin', 'secretariat', 'manager'];
const partnershipStaff: readonly Role[] = [
  'admin', 'secretariat', 'manager', 'business_consultant', 'jobcentre_consultant', 'provider', 'school_coordinator', 'analyst',
];

/** The role rules: which roles may take an action at all. Scope rules follow in `can`. */
const grants: Record<Action, readonly Role[]> = {
  'reference.read': [...partnershipStaff, 'company_user'],
  'reference.import': ['admin'],
  'company.read': partnershipStaff,
  'company.create': engagementStaff,
  'company.update': engagementStaff,
  'company.import': ['admin', 'secretariat'],
  'organisation.read': ['admin', 'secretariat'],
  'organisation.manage': ['admin'],
  'user.read': ['admin', 'secretariat'],
  'user.invite': ['admin'],
  'user.update': ['admin'],
  'user.deactivate': ['admin'],
  'outbox.read': ['admin'],
  'audit.read': ['admin'],
  // Everyone signed in may change their own name and language.
  'profile.update': [...partnershipStaff, 'company_user'],
  // Company engagement: the people who work with companies. Analysts see aggregates only (none yet),
  // so no individual contacts, interactions or notes; providers, schools and companies not in this step.
  'contact.read': engagementStaff,
  'contact.write': engagementStaff,
  'interaction.read': engagementStaff,
  'interaction.write': engagementStaff,
  'task.read': engagementStaff,
  'task.write': engagementStaff,
  'engagement.read': engagementStaff,
  'tier.read': engagementStaff,
  'tier.manage': engagementStaff,
  'responsible.manage': engagementStaff,
  'worklist.read': engagementStaff,
  // The user's own iCal feed of due tasks (its token is the credential; the feed re-checks this grant).
  'calendar.read': engagementStaff,
  // Step 2: portfolios are steered by leads; coverage aggregates are for everyone who works with companies and
  // analysts (aggregates only: the company list behind a figure is not theirs).
  'portfolio.bulk_assign': leads,
  'target.manage': leads,
  'coverage.read': [...engagementStaff, 'analyst'],
  'coverage.companies': engagementStaff,
  // Coverage of another organisation of the partnership (?organisation=): the partnership's own staff and its analysts.
  'coverage.read_all': ['admin', 'secretariat', 'analyst'],
  'duplicate.read': engagementStaff,
  // A company merge touches every organisation's records: partnership-level roles only.
  'company.merge': ['admin', 'secretariat'],
  'contact.merge': engagementStaff,
  // Exports: everyone who may read lists; each export also needs the list's own read action.
  'data.export': [...engagementStaff, 'provider', 'school_coordinator', 'analyst'],
  'engagement.import': leads,
  // Business service (issue 4). Providers keep their own offers; the secretariat curates every offer.
  'offer.read': partnershipStaff,
  'offer.manage': ['admin', 'secretariat', 'provider'],
  // Whether another organisation may read an assessment (the company's consent) is decided by the service.
  'assessment.read': engagementStaff,
  'assessment.write': engagementStaff,
  'offer.match': engagementStaff,
  'referral.create': engagementStaff,
  // Providers read only referrals to their own organisation (filtered by the service).
  'referral.read': [...engagementStaff, 'provider'],
  'referral.handle': ['admin', 'provider'],
  'referral.kpi': [...engagementStaff, 'analyst'],
  'referral.export': ['admin', 'secretariat', 'analyst'],
  // Running the referral reminder job now (it also runs hourly by itself): partnership-level roles.
  'referral.remind': ['admin', 'secretariat'],
  // Recruitment (issue 5). Orders are seen by every job centre and the partnership's business staff; a company user
  // sees and writes only its own company's orders (scope below). Candidates are job-centre data: only users of a
  // job-centre organisation (jobcentreOnly) see profiles; identity and writes stay with the owning centre.
  'order.read': [...engagementStaff, 'company_user'],
  'order.write': ['admin', 'manager', 'jobcentre_consultant', 'company_user'],
  'order.match': ['manager', 'jobcentre_consultant'],
  'candidate.read': ['manager', 'jobcentre_consultant'],
  'candidate.identity': ['manager', 'jobcentre_consultant'],
  'candidate.write': ['manager', 'jobcentre_consultant'],
  'candidate.import': ['manager', 'jobcentre_consultant'],
  'placement.write': ['manager', 'jobcentre_consultant'],
  'consent.write': ['manager', 'jobcentre_consultant'],
  // The employer's view of candidates released to it by consent.
  'candidate.released': ['company_user'],
  'recruitment.kpi': [...engagementStaff, 'analyst'],
  // Consultants invite the companies they serve to the employer view.
  'company_user.invite': ['admin', 'manager', 'business_consultant', 'jobcentre_consultant'],
  // Running the candidate anonymisation job now (it also runs daily by itself).
  'recruitment.retention': ['admin'],
  // School–company collaboration (issue 6): class-level data only. School coordinators run the allocation; business
  // staff and company users (their own company) keep host offers; agreements are the partnership's register.
  'school.read': ['admin', 'secretariat', 'manager', 'business_consultant', 'jobcentre_consultant', 'school_coordinator'],
  'school.write': ['admin', 'secretariat', 'school_coordinator'],
  'host_offer.read': ['admin', 'secretariat', 'manager', 'business_consultant', 'jobcentre_consultant', 'school_coordinator', 'company_user'],
  'host_offer.write': ['admin', 'secretariat', 'manager', 'business_consultant', 'school_coordinator', 'company_user'],
  'allocation.run': ['admin', 'secretariat', 'school_coordinator'],
  'allocation.publish': ['admin', 'secretariat', 'school_coordinator'],
  'agreement.read': ['admin', 'secretariat', 'manager', 'business_consultant', 'jobcentre_consultant', 'school_coordinator', 'analyst'],
  'agreement.write': ['admin', 'secretariat', 'business_consultant', 'school_coordinator'],
  'evaluation.read': ['admin', 'secretariat', 'school_coordinator', 'analyst'],
};

/** Jobseeker data: only users of a job-centre organisation, whatever their role. */
const jobcentreOnly: ReadonlySet<Action> = new Set<Action>([
  'order.match', 'candidate.read', 'candidate.identity', 'candidate.write', 'candidate.import', 'placement.write', 'consent.write',
]);

/**
 * Roles that act on any organisation's copy of an organisation-owned thing within their partnership
 * (the secretariat curates every provider's offers).
 */
const curators: Partial<Record<Action, readonly Role[]>> = {
  'offer.manage': ['admin', 'secretariat'],
};

/** Actions on things an organisation owns: only its own users may take them. */
const organisationOwned: ReadonlySet<Action> = new Set<Action>([
  'interaction.write', 'task.write', 'tier.manage', 'responsible.manage', 'portfolio.bulk_assign', 'target.manage',
  'engagement.import', 'offer.manage', 'assessment.write', 'referral.handle',
  'order.write', 'candidate.identity', 'candidate.write', 'candidate.import', 'placement.write', 'consent.write',
]);

/**
 * The one place that decides who may do what. Every route asks it (directly or via `authorize`).
 * A partnership's users never act on another partnership's resources, and an organisation's things
 * (interactions, tasks, tiers, responsibles) are changed only by that organisation's users.
 */
export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
  if (!actor) return false;
  if (resource.partnershipId && resource.partnershipId !== actor.partnershipId) return false;
  if (jobcentreOnly.has(action) && actor.organisationKind !== 'jobcentre') return false;
  return actor.roles.some((role) => grants[action].includes(role) && inScope(actor, role, action, resource));
}

/** Whether one of the actor's roles reaches this resource: company users their own company, others their organisation's things. */
function inScope(actor: Actor, role: Role, action: Action, resource: Resource): boolean {
  if (role === 'company_user') {
    // A company user acts only for the company its organisation represents; lists without a company are filtered by the service.
    if (resource.companyId !== undefined) return !!actor.companyId && resource.companyId === actor.companyId;
    return true;
  }
  if (organisationOwned.has(action) && resource.organisationId && resource.organisationId !== actor.organisationId) {
    return curators[action]?.includes(role) ?? false;
  }
  return true;
}

/** Every action the actor may take somewhere; the web app uses it to show or hide menu items. */
export function permissionsOf(actor: Actor): Action[] {
  return actions.filter((action) => can(actor, action));
}
