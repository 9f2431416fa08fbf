import { describe, expect, it } from 'vitest';
import { roles, type OrganisationKind, type Role } from '../../common/roles';
import { actions, can, permissionsOf, type Action, type Actor } from './policy';

/*
 * The grants, written out by hand on purpose: a change to policy.ts that is not also made here
 * fails this test, so nobody widens or narrows a permission by accident.
 * Columns: ad=admin, se=secretariat, ma=manager, bc=business_consultant, jc=jobcentre_consultant,
 * pr=provider, sc=school_coordinator, cu=company_user, an=analyst.
 */
const columns: readonly Role[] = [
  'admin', 'secretariat', 'manager', 'business_consultant', 'jobcentre_consultant', 'provider', 'school_coordinator', 'company_user', 'analyst',
];
type Row = readonly [0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1];

const matrix: Record<Action, Row> = {
  //                       ad se ma bc jc pr sc cu an
  'reference.read':       [1, 1, 1, 1, 1, 1, 1, 1, 1],
  'reference.import':     [1, 0, 0, 0, 0, 0, 0, 0, 0],
  'company.read':         [1, 1, 1, 1, 1, 1, 1, 0, 1],
  'company.create':       [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'company.update':       [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'company.import':       [1, 1, 0, 0, 0, 0, 0, 0, 0],
  'organisation.read':    [1, 1, 0, 0, 0, 0, 0, 0, 0],
  'organisation.manage':  [1, 0, 0, 0, 0, 0, 0, 0, 0],
  'user.read':            [1, 1, 0, 0, 0, 0, 0, 0, 0],
  'user.invite':          [1, 0, 0, 0, 0, 0, 0, 0, 0],
  'user.update':          [1, 0, 0, 0, 0, 0, 0, 0, 0],
  'user.deactivate':      [1, 0, 0, 0, 0, 0, 0, 0, 0],
  'outbox.read':          [1, 0, 0, 0, 0, 0, 0, 0, 0],
  'audit.read':           [1, 0, 0, 0, 0, 0, 0, 0, 0],
  'profile.update':       [1, 1, 1, 1, 1, 1, 1, 1, 1],
  'contact.read':         [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'contact.write':        [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'interaction.read':     [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'interaction.write':    [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'task.read':            [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'task.write':           [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'engagement.read':      [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'tier.read':            [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'tier.manage':          [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'responsible.manage':   [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'worklist.read':        [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'calendar.read':        [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'portfolio.bulk_assign':[1, 1, 1, 0, 0, 0, 0, 0, 0],
  'target.manage':        [1, 1, 1, 0, 0, 0, 0, 0, 0],
  'coverage.read':        [1, 1, 1, 1, 1, 0, 0, 0, 1],
  'coverage.companies':   [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'coverage.read_all':    [1, 1, 0, 0, 0, 0, 0, 0, 1],
  'duplicate.read':       [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'company.merge':        [1, 1, 0, 0, 0, 0, 0, 0, 0],
  'contact.merge':        [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'data.export':          [1, 1, 1, 1, 1, 1, 1, 0, 1],
  'engagement.import':    [1, 1, 1, 0, 0, 0, 0, 0, 0],
  'offer.read':           [1, 1, 1, 1, 1, 1, 1, 0, 1],
  'offer.manage':         [1, 1, 0, 0, 0, 1, 0, 0, 0],
  'assessment.read':      [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'assessment.write':     [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'offer.match':          [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'referral.create':      [1, 1, 1, 1, 1, 0, 0, 0, 0],
  'referral.read':        [1, 1, 1, 1, 1, 1, 0, 0, 0],
  'referral.handle':      [1, 0, 0, 0, 0, 1, 0, 0, 0],
  'referral.kpi':         [1, 1, 1, 1, 1, 0, 0, 0, 1],
  'referral.export':      [1, 1, 0, 0, 0, 0, 0, 0, 1],
  'referral.remind':      [1, 1, 0, 0, 0, 0, 0, 0, 0],
  'order.read':           [1, 1, 1, 1, 1, 0, 0, 1, 0],
  'order.write':          [1, 0, 1, 0, 1, 0, 0, 1, 0],
  'order.match':          [0, 0, 1, 0, 1, 0, 0, 0, 0],
  'candidate.read':       [0, 0, 1, 0, 1, 0, 0, 0, 0],
  'candidate.identity':   [0, 0, 1, 0, 1, 0, 0, 0, 0],
  'candidate.write':      [0, 0, 1, 0, 1, 0, 0, 0, 0],
  'candidate.import':     [0, 0, 1, 0, 1, 0, 0, 0, 0],
  'placement.write':      [0, 0, 1, 0, 1, 0, 0, 0, 0],
  'consent.write':        [0, 0, 1, 0, 1, 0, 0, 0, 0],
  'candidate.released':   [0, 0, 0, 0, 0, 0, 0, 1, 0],
  'recruitment.kpi':      [1, 1, 1, 1, 1, 0, 0, 0, 1],
  'company_user.invite':  [1, 0, 1, 1, 1, 0, 0, 0, 0],
  'recruitment.retention':[1, 0, 0, 0, 0, 0, 0, 0, 0],
  'school.read':          [1, 1, 1, 1, 1, 0, 1, 0, 0],
  'school.write':         [1, 1, 0, 0, 0, 0, 1, 0, 0],
  'host_offer.read':      [1, 1, 1, 1, 1, 0, 1, 1, 0],
  'host_offer.write':     [1, 1, 1, 1, 0, 0, 1, 1, 0],
  'allocation.run':       [1, 1, 0, 0, 0, 0, 1, 0, 0],
  'allocation.publish':   [1, 1, 0, 0, 0, 0, 1, 0, 0],
  'agreement.read':       [1, 1, 1, 1, 1, 0, 1, 0, 1],
  'agreement.write':      [1, 1, 0, 1, 0, 0, 1, 0, 0],
  'evaluation.read':      [1, 1, 0, 0, 0, 0, 1, 0, 1],
};

/** Actions where another organisation's resource is denied even to a role that has the action. */
const organisationOwned: readonly Action[] = [
  'interaction.write', 'task.write', 'tier.manage', 'responsible.manage', 'portfolio.bulk_assign', 'target.manage', 'engagement.import',
  'offer.manage', 'assessment.write', 'referral.handle',
  'order.write', 'candidate.identity', 'candidate.write', 'candidate.import', 'placement.write', 'consent.write',
];
/** Roles that may still act on another organisation's copy (the secretariat curates every provider's offers). */
const curators: Partial<Record<Action, readonly Role[]>> = { 'offer.manage': ['admin', 'secretariat'] };

const partnershipA = '00000000-0000-4000-8000-00000000000a';
const partnershipB = '00000000-0000-4000-8000-00000000000b';

/** The organisation kind each role's user has in the matrix (jobseeker data needs a job centre; managers lead one). */
const kindOf: Partial<Record<Role, OrganisationKind>> = {
  jobcentre_consultant: 'jobcentre', manager: 'jobcentre', provider: 'provider', school_coordinator: 'school', company_user: 'company',
};
const ownCompany = '00000000-0000-4000-8000-0000000000c1';

function actorWith(roleList: Role[]): Actor {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    organisationId: '00000000-0000-4000-8000-000000000002',
    organisationKind: roleList.length === 1 ? kindOf[roleList[0]] ?? 'secretariat' : 'secretariat',
    partnershipId: partnershipA,
    roles: roleList,
    companyId: roleList.includes('company_user') ? ownCompany : null,
  };
}

describe('policy matrix', () => {
  it('covers every action and every role', () => {
    expect(Object.keys(matrix).sort()).toEqual([...actions].sort());
    expect([...columns].sort()).toEqual([...roles].sort());
  });

  const cells = actions.flatMap((action) => columns.map((role, i) => ({ action, role, allowed: matrix[action][i] === 1 })));

  it.each(cells)('$role → $action = $allowed', ({ action, role, allowed }) => {
    const actor = actorWith([role]);
    expect(can(actor, action)).toBe(allowed);
    // Inside the actor's own partnership the answer is the same.
    expect(can(actor, action, { partnershipId: partnershipA })).toBe(allowed);
    // Another partnership's resource is always denied, whatever the role.
    expect(can(actor, action, { partnershipId: partnershipB })).toBe(false);
  });

  it('lets only the owning organisation change its engagement records', () => {
    const own = '00000000-0000-4000-8000-000000000002';
    const other = '00000000-0000-4000-8000-000000000003';
    for (const action of actions) {
      for (const [i, role] of columns.entries()) {
        const actor = actorWith([role]);
        const granted = matrix[action][i] === 1;
        expect(can(actor, action, { organisationId: own })).toBe(granted);
        const curator = curators[action]?.includes(role) ?? false;
        // Company users are scoped by company, not organisation (their orders are held by a job centre).
        const byCompany = role === 'company_user';
        expect(can(actor, action, { organisationId: other })).toBe(granted && (!organisationOwned.includes(action) || curator || byCompany));
      }
    }
  });

  it('keeps jobseeker data inside job-centre organisations, whatever the role', () => {
    for (const action of ['order.match', 'candidate.read', 'candidate.identity', 'candidate.write', 'placement.write', 'consent.write'] as const) {
      expect(can({ ...actorWith(['manager']), organisationKind: 'business_office' }, action)).toBe(false);
      expect(can({ ...actorWith(['jobcentre_consultant']), organisationKind: 'jobcentre' }, action)).toBe(true);
    }
  });

  it('lets a company user act only for its own company', () => {
    const companyUser = actorWith(['company_user']);
    for (const action of ['order.read', 'order.write', 'candidate.released'] as const) {
      expect(can(companyUser, action, { companyId: ownCompany })).toBe(true);
      expect(can(companyUser, action, { companyId: '00000000-0000-4000-8000-0000000000c2' })).toBe(false);
      expect(can({ ...companyUser, companyId: null }, action, { companyId: ownCompany })).toBe(false);
    }
    // The company's own orders are held by a job centre: the organisation rule does not shut the company out.
    expect(can(companyUser, 'order.write', { companyId: ownCompany, organisationId: '00000000-0000-4000-8000-000000000009' })).toBe(true);
    // Staff are not limited by companyId.
    expect(can(actorWith(['jobcentre_consultant']), 'order.write', { companyId: '00000000-0000-4000-8000-0000000000c2' })).toBe(true);
  });

  it('denies a signed-out caller everything', () => {
    for (const action of actions) {
      expect(can(null, action)).toBe(false);
      expect(can(null, action, { partnershipId: partnershipA })).toBe(false);
    }
  });

  it('denies a user with no roles everything', () => {
    for (const action of actions) expect(can(actorWith([]), action)).toBe(false);
  });

  it('grants the union of several roles', () => {
    const actor = actorWith(['provider', 'analyst']);
    for (const action of actions) {
      const expected = matrix[action][columns.indexOf('provider')] === 1 || matrix[action][columns.indexOf('analyst')] === 1;
      expect(can(actor, action)).toBe(expected);
    }
  });

  it('lists exactly the granted actions as permissions', () => {
    for (const [i, role] of columns.entries()) {
      const expected = actions.filter((action) => matrix[action][i] === 1);
      expect(permissionsOf(actorWith([role]))).toEqual(expected);
    }
  });
});
