import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff';

describe('auditDiff', () => {
  it('lists only changed fields, sorted', () => {
    expect(auditDiff({ status: 'active', name: 'A', roles: ['admin'] }, { status: 'deactivated', name: 'A', roles: ['analyst'] }))
      .toEqual([
        { field: 'roles', before: '["admin"]', after: '["analyst"]' },
        { field: 'status', before: 'active', after: 'deactivated' },
      ]);
  });
  it('shows a creation as all fields going from empty to a value', () => {
    expect(auditDiff(null, { name: 'Ny' })).toEqual([{ field: 'name', before: '', after: 'Ny' }]);
  });
  it('handles non-object values', () => {
    expect(auditDiff(1, 2)).toEqual([{ field: 'value', before: '1', after: '2' }]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
