import { z } from 'zod';

export const roles = [
  'admin', 'secretariat', 'manager', 'business_consultant', 'jobcentre_consultant', 'provider',
  'school_coordinator', 'company_user', 'analyst',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const organisationKinds = [
  'business_office', 'jobcentre', 'business_hub', 'academy', 'education', 'school', 'a_kasse',
  'provider', 'secretariat', 'company',
] as const;
export const organisationKindSchema = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const userStatuses = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof userStatuses)[number];
