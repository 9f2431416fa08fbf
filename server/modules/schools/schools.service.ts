import type { z } from 'zod';
import type {
  classCreateSchema, classListQuerySchema, classUpdateSchema, schoolCreateSchema, schoolListQuerySchema, schoolUpdateSchema,
} from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { conflict, notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import { inTransaction, type Context } from './db';
import { presentClass, presentSchool } from './schools.presenter';
import * as repo from './schools.repo';

type SchoolCreate = z.output<typeof schoolCreateSchema>;
type SchoolUpdate = z.output<typeof schoolUpdateSchema>;
type ClassCreate = z.output<typeof classCreateSchema>;
type ClassUpdate = z.output<typeof classUpdateSchema>;

const noSchool = () => notFound('Skolen findes ikke.');
const noClass = () => notFound('Klassen findes ikke.');

async function checkMunicipality(db: Db, code: number | undefined): Promise<void> {
  if (code === undefined) return;
  if (!(await repo.knownMunicipalities(db, [code])).has(code)) {
    throw new ProblemError(422, 'unknown_municipality', `Ukendt kommunekode: ${code}.`, { errors: [{ path: 'municipalityCode', message: `Ukendt kommunekode: ${code}.` }] });
  }
}

export async function listSchools(db: Db, actor: Actor, q: z.output<typeof schoolListQuerySchema>) {
  const page = await repo.listSchools(db, { partnershipId: actor.partnershipId, municipality: q.municipality, q: q.q }, q.limit, q.offset);
  return { items: page.items.map(presentSchool), total: page.total, limit: q.limit, offset: q.offset };
}

export async function getSchool(db: Db, actor: Actor, id: string) {
  const row = await repo.getSchool(db, actor.partnershipId, id);
  if (!row) throw noSchool();
  return presentSchool(row);
}

export async function createSchool(db: Db, ctx: Context, input: SchoolCreate) {
  await checkMunicipality(db, input.municipalityCode);
  const id = await inTransaction(db, async (tx) => {
    if (await repo.findSchoolByName(tx, ctx.actor.partnershipId, input.municipalityCode, input.name)) {
      throw conflict('school_exists', `Skolen ${input.name} findes allerede i kommunen.`);
    }
    const row = await repo.insertSchool(tx, { ...input, partnershipId: ctx.actor.partnershipId });
    await audit(tx, ctx, { action: 'school.create', entity: 'school', entityId: row.id, after: row });
    return row.id;
  });
  return getSchool(db, ctx.actor, id);
}

export async function updateSchool(db: Db, ctx: Context, id: string, input: SchoolUpdate) {
  await checkMunicipality(db, input.municipalityCode);
  await inTransaction(db, async (tx) => {
    const before = await repo.getSchool(tx, ctx.actor.partnershipId, id);
    if (!before) throw noSchool();
    const after = await repo.updateSchool(tx, id, input);
    await audit(tx, ctx, { action: 'school.update', entity: 'school', entityId: id, before, after });
  });
  return getSchool(db, ctx.actor, id);
}

export async function deleteSchool(db: Db, ctx: Context, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await repo.getSchool(tx, ctx.actor.partnershipId, id);
    if (!before) throw noSchool();
    if (!(await repo.deleteSchool(tx, id))) throw conflict('school_in_use', 'Skolen har klasser eller aftaler og kan ikke slettes.');
    await audit(tx, ctx, { action: 'school.delete', entity: 'school', entityId: id, before });
  });
}

export async function listClasses(db: Db, actor: Actor, q: z.output<typeof classListQuerySchema>) {
  const page = await repo.listClasses(db, { partnershipId: actor.partnershipId, ...q }, q.limit, q.offset);
  return { items: page.items.map(presentClass), total: page.total, limit: q.limit, offset: q.offset };
}

export async function getClass(db: Db, actor: Actor, id: string) {
  const row = await repo.getClass(db, actor.partnershipId, id);
  if (!row) throw noClass();
  return presentClass(row);
}

export async function createClass(db: Db, ctx: Context, schoolId: string, input: ClassCreate) {
  const id = await inTransaction(db, async (tx) => {
    if (!(await repo.getSchool(tx, ctx.actor.partnershipId, schoolId))) throw noSchool();
    if (await repo.findClass(tx, schoolId, input.schoolYear, input.grade, input.letter)) {
      throw conflict('class_exists', `Klassen ${input.grade}.${input.letter} findes allerede på skolen i ${input.schoolYear}.`);
    }
    const row = await repo.insertClass(tx, { ...input, schoolId });
    await audit(tx, ctx, { action: 'school_class.create', entity: 'school_class', entityId: row.id, after: row });
    return row.id;
  });
  return getClass(db, ctx.actor, id);
}

export async function updateClass(db: Db, ctx: Context, id: string, input: ClassUpdate) {
  await inTransaction(db, async (tx) => {
    const before = await repo.getClass(tx, ctx.actor.partnershipId, id);
    if (!before) throw noClass();
    const after = await repo.updateClass(tx, id, input);
    await audit(tx, ctx, { action: 'school_class.update', entity: 'school_class', entityId: id, before, after });
  });
  return getClass(db, ctx.actor, id);
}

export async function deleteClass(db: Db, ctx: Context, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await repo.getClass(tx, ctx.actor.partnershipId, id);
    if (!before) throw noClass();
    if (!(await repo.deleteClass(tx, id))) throw conflict('class_in_use', 'Klassen indgår i en fordeling og kan ikke slettes.');
    await audit(tx, ctx, { action: 'school_class.delete', entity: 'school_class', entityId: id, before });
  });
}
