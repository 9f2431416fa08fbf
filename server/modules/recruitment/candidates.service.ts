import type { z } from 'zod';
import {
  identityPurposeLabels, type CandidateIdentity, type candidateCreateSchema, type candidateListQuerySchema, type CandidateProfile,
  type candidateUpdateSchema, type identityPurposes,
} from '../../../common/recruitment';
import type { ProblemFieldError } from '../../../common/problem';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, forbidden, notFound, ProblemError } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { codeMessages, loadCodeBook, type CodeBook } from './candidate-codes';
import { newRefs } from './candidate-ref';
import { candidatesChanged } from './candidates.events';
import { auditShape, presentIdentity, presentListItem, presentProfile } from './candidates.presenter';
import * as repo from './candidates.repo';
import type { CandidateList } from '../../../common/recruitment-candidates';
import { CprDecryptError, decryptCpr, encryptCpr, formatCpr, hashCpr, maskCpr, type CprKeys } from './cpr';

/*
 * Candidates (kandidater): owned by one job centre, which alone reads identity (with a purpose, audited) and writes;
 * every job centre of the partnership reads the pseudonymous profile. CPR is encrypted at rest and never listed.
 */

export type Context = AuditContext & { actor: Actor };
type CreateInput = z.output<typeof candidateCreateSchema>;
type UpdateInput = z.output<typeof candidateUpdateSchema>;
type ListQuery = z.output<typeof candidateListQuerySchema>;
type Purpose = (typeof identityPurposes)[number];

export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

const unprocessable = (code: string, errors: ProblemFieldError[]) => new ProblemError(422, code, errors[0].message, { errors });

/** Refuses unknown occupations, skills and postal codes (422) before anything is written. */
function checkCodes(codes: CodeBook, input: { occupations?: string[]; skills?: string[]; postalCode?: string }): string[] | undefined {
  const unknownOccupations = (input.occupations ?? []).filter((t) => !codes.occupation(t));
  if (unknownOccupations.length) throw unprocessable('unknown_occupation', [{ path: 'occupations', message: codeMessages.occupation(unknownOccupations) }]);
  const unknownSkills = (input.skills ?? []).filter((s) => !codes.skill(s));
  if (unknownSkills.length) throw unprocessable('unknown_skill', [{ path: 'skills', message: codeMessages.skill(unknownSkills) }]);
  if (input.postalCode && !codes.postalCode(input.postalCode)) {
    throw unprocessable('unknown_postal_code', [{ path: 'postalCode', message: codeMessages.postalCode(input.postalCode) }]);
  }
  return input.occupations?.map((t) => codes.occupation(t) as string);
}

const codeBookFor = (db: Db, rows: { occupations: string[]; skills: string[]; postalCode: string | null }[]) => loadCodeBook(db, {
  occupations: rows.flatMap((r) => r.occupations), skills: rows.flatMap((r) => r.skills),
  postalCodes: rows.flatMap((r) => (r.postalCode ? [r.postalCode] : [])),
});

/** A candidate of the caller's partnership that the caller may read (job-centre users), else 404/403. */
async function readable(db: Db, actor: Actor, id: string): Promise<repo.CandidateRow> {
  const row = await repo.findCandidate(db, actor.partnershipId, id);
  if (!row) throw notFound('Kandidaten findes ikke.');
  if (!can(actor, 'candidate.read', { partnershipId: row.partnershipId })) throw forbidden();
  return row;
}

/** A candidate the caller's centre owns (identity, writes), else 403 with a Danish reason. */
async function owned(db: Db, actor: Actor, id: string, action: 'candidate.identity' | 'candidate.write'): Promise<repo.CandidateRow> {
  const row = await readable(db, actor, id);
  if (!can(actor, action, { partnershipId: row.partnershipId, organisationId: row.organisationId })) {
    throw forbidden('Kandidaten tilhører et andet jobcenter: kun dét jobcenter kan se identiteten og rette oplysningerne.');
  }
  return row;
}

export async function get(db: Db, actor: Actor, id: string): Promise<CandidateProfile> {
  const row = await readable(db, actor, id);
  return presentProfile(actor, row, await codeBookFor(db, [row]));
}

export async function list(db: Db, actor: Actor, query: ListQuery): Promise<CandidateList> {
  const own = query.scope === 'own';
  const { rows, total } = await repo.listCandidates(db, {
    partnershipId: actor.partnershipId, organisationId: own ? actor.organisationId : null, active: query.active, q: query.q, searchIdentity: own,
  }, query.limit, query.offset);
  const codes = await codeBookFor(db, rows);
  return { items: rows.map((r) => presentListItem(actor, r, codes, own)), total, limit: query.limit, offset: query.offset };
}

/** The identity fields of a create or update: CPR encrypted and hashed, everything else as given. */
function identityValues(keys: CprKeys, input: Partial<CreateInput>): Partial<repo.CandidateInsert> {
  const out: Partial<repo.CandidateInsert> = {};
  for (const k of ['name', 'email', 'phone', 'cvText', 'externalRef'] as const) {
    if (input[k] !== undefined) out[k] = input[k] === '' ? null : input[k];
  }
  if (input.cpr !== undefined) {
    out.cprEncrypted = input.cpr ? encryptCpr(keys, input.cpr) : null;
    out.cprHash = input.cpr ? hashCpr(keys, input.cpr) : null;
  }
  return out;
}

function profileValues(input: Partial<CreateInput>, occupations: string[] | undefined): Partial<repo.CandidateInsert> {
  const out: Partial<repo.CandidateInsert> = {};
  if (occupations) out.occupations = occupations;
  for (const k of ['skills', 'certificates', 'educationLevel', 'languages', 'postalCode', 'maxCommuteKm', 'availableFrom', 'hoursPerWeek', 'targetGroup'] as const) {
    if (input[k] !== undefined) (out as Record<string, unknown>)[k] = input[k];
  }
  if (out.skills) out.skills = [...new Set(out.skills)];
  return out;
}

async function refuseDuplicates(db: Db, organisationId: string, values: Partial<repo.CandidateInsert>, exceptId?: string): Promise<void> {
  if (values.cprHash) {
    const same = await repo.findByCprHash(db, organisationId, values.cprHash, exceptId);
    if (same) throw conflict('duplicate_candidate', `Personen er allerede registreret hos jobcentret som kandidat ${same.ref}.`);
  }
  if (values.externalRef) {
    const byRef = await repo.candidatesByExternalRefs(db, organisationId, [values.externalRef]);
    const other = byRef.get(values.externalRef);
    if (other && other !== exceptId) throw conflict('duplicate_external_ref', `Jobcentrets id ${values.externalRef} bruges allerede af en anden kandidat.`);
  }
}

/** Registers a candidate at the caller's own job centre. */
export async function create(db: Db, keys: CprKeys, context: Context, input: CreateInput): Promise<CandidateProfile> {
  const { actor } = context;
  const occupations = checkCodes(await codeBookFor(db, [{ ...input }]), input);
  const values: repo.CandidateInsert = {
    ...identityValues(keys, input), ...profileValues(input, occupations),
    partnershipId: actor.partnershipId, organisationId: actor.organisationId, ref: (await newRefs(db, 1))[0],
    occupations: occupations ?? [], name: input.name,
  };
  await refuseDuplicates(db, actor.organisationId, values);
  const id = await inTransaction(db, async (tx) => {
    const [row] = await repo.insertCandidates(tx, [values]);
    await audit(tx, context, { action: 'candidate.create', entity: 'candidate', entityId: row.id, after: auditShape({ ...values, ref: row.ref }) });
    return row.id;
  });
  candidatesChanged(actor.partnershipId, [id]);
  return get(db, actor, id);
}

/** Changes a candidate of the caller's centre; any change counts as activity (retention's clock restarts). */
export async function update(db: Db, keys: CprKeys, context: Context, id: string, input: UpdateInput): Promise<CandidateProfile> {
  const { actor } = context;
  const row = await owned(db, actor, id, 'candidate.write');
  if (row.anonymisedAt) throw conflict('candidate_anonymised', 'Kandidaten er anonymiseret og kan ikke rettes.');
  const occupations = checkCodes(await codeBookFor(db, [{ occupations: input.occupations ?? [], skills: input.skills ?? [], postalCode: input.postalCode ?? null }]), input);
  const values: Partial<repo.CandidateInsert> = { ...identityValues(keys, input), ...profileValues(input, occupations) };
  if (input.active !== undefined) values.active = input.active;
  await refuseDuplicates(db, row.organisationId, values, row.id);
  await inTransaction(db, async (tx) => {
    await repo.updateCandidate(tx, row.id, { ...values, lastActivityAt: new Date() });
    const changed = Object.keys(values).filter((k) => !['cprEncrypted'].includes(k));
    await audit(tx, context, {
      action: 'candidate.update', entity: 'candidate', entityId: row.id,
      before: { ...auditShape(row), changed }, after: auditShape({ ...row, ...values } as repo.CandidateRow),
    });
  });
  candidatesChanged(row.partnershipId, [row.id]);
  return get(db, actor, id);
}

/** Takes a candidate off the shortlists (inactive); identity stays until retention anonymises it. */
export async function deactivate(db: Db, context: Context, id: string): Promise<CandidateProfile> {
  const row = await owned(db, context.actor, id, 'candidate.write');
  if (row.active) {
    await inTransaction(db, async (tx) => {
      await repo.updateCandidate(tx, row.id, { active: false, lastActivityAt: new Date() });
      await audit(tx, context, { action: 'candidate.deactivate', entity: 'candidate', entityId: row.id, before: { active: true }, after: { active: false } });
    });
    candidatesChanged(row.partnershipId, [row.id]);
  }
  return get(db, context.actor, id);
}

/**
 * The candidate's identity for the owning centre, read for a stated purpose. Every read is audited with its purpose
 * (never the values); the CPR number is masked unless `reveal` asks for it, which the audit entry records too.
 */
export async function identity(db: Db, keys: CprKeys, context: Context, id: string, purpose: Purpose, revealCpr: boolean): Promise<CandidateIdentity> {
  const row = await owned(db, context.actor, id, 'candidate.identity');
  let cpr: string | null = null;
  if (row.cprEncrypted) {
    try {
      const plain = decryptCpr(keys, row.cprEncrypted);
      cpr = revealCpr ? formatCpr(plain) : maskCpr(plain);
    } catch (error) {
      if (!(error instanceof CprDecryptError)) throw error;
      throw new ProblemError(500, 'cpr_unreadable', 'CPR-nummeret kan ikke læses med installationens nøgle (SAMSPIL_CPR_KEY). Kontakt driften.');
    }
  }
  await audit(db, context, {
    action: 'candidate.identity_read', entity: 'candidate', entityId: row.id, reason: purpose,
    after: { purpose, purposeText: identityPurposeLabels[purpose], ref: row.ref, cprRevealed: revealCpr && cpr !== null },
  });
  return presentIdentity(row, cpr);
}
