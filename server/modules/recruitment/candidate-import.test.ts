import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { demoOccupationUri, demoSkillUri, disco08Uri } from '../reference';
import { call, countRows, createCandidateCast, seedCandidateReference, testCprKey, welder, type CandidateCast } from './candidate-test-fixtures';
import type { CandidateImport } from '../../../common/recruitment-candidates';
import { decryptCpr, deriveCprKeys, hashCpr } from './cpr';

let t: TestApp;
let c: CandidateCast;
const keys = deriveCprKeys(Buffer.from(testCprKey, 'base64'));

beforeAll(async () => {
  t = await createTestApp({ SAMSPIL_CPR_KEY: testCprKey });
  await seedCandidateReference(t.db);
  await t.db.execute(sql`insert into occupations (uri, scheme, code, isco_group, concept_type, preferred_label, labels)
    values (${disco08Uri('721220')}, 'disco08', '721220', '7212', 'occupation', 'Svejser (DISCO)', '{}'::jsonb)`);
  c = await createCandidateCast(t.db);
});
afterAll(async () => t?.close());

const svejser = demoOccupationUri('svejser');
const header = 'id;navn;cpr;email;telefon;erhverv;kompetencer;certifikater;uddannelse;sprog;postnummer;maks_km;ledig_fra;timer;målgruppe';
const skills = `${demoSkillUri('tig-svejsning')}|${demoSkillUri('mig-mag-svejsning')}`;
const csv = (...rows: string[]) => [header, ...rows].join('\r\n');
const upload = (actor: CandidateCast['a'], content: string, fileName = 'kandidater.csv') =>
  injectAs(t.app, actor, { method: 'POST', url: '/api/v1/candidates/imports', payload: { fileName, content } });
const candidatesOf = async (organisationId: string) => (await t.db.execute(sql`
  select external_ref, name, cpr_encrypted, cpr_hash, occupations, skills, certificates, ref, available_from::text as available_from, hours_per_week::float8 as hours
  from candidates where organisation_id = ${organisationId} order by external_ref`)).rows as Record<string, unknown>[];

describe(`candidate CSV import (${testEngine})`, () => {
  it('dry-runs every row with Danish errors, refuses apply while rows have errors, and changes nothing', async () => {
    const file = csv(
      `A1;Anna Andersen;010180-1111;anna@example.dk;;${svejser};${skills};Svejsecertifikat MIG/MAG|truck_b;erhvervsuddannelse;da:flydende|en:godt;6000;40;01-12-2026;37;dagpenge`,
      `A2;Bo Berg;311390-2222;;;${svejser};;;;;6000;;;;`,
      `A3;Carl Carlsen;;;;urn:samspil:occupation:astronaut;urn:samspil:skill:nope;dykkercertifikat;;;9999;;31-02-2026;mange;`,
      `A1;Dorte Dupleks;;;;721220;;;;;7100;;;;`,
      `A5;Eva Eriksen;0202021234;;;721220;;;;;7000;10;2027-01-15;30,5;kontanthjaelp`,
    );
    const before = await countRows(t.db, 'candidates');
    const dry = await call<CandidateImport>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates/imports', payload: { fileName: 'jobcenter.csv', content: file } });
    expect(dry).toMatchObject({ fileName: 'jobcenter.csv', status: 'validated', rowCount: 5, validRows: 2, errorRows: 3, appliedAt: null });
    expect(dry.columns).toMatchObject({ id: 'externalRef', navn: 'name', cpr: 'cpr', målgruppe: 'targetGroup', ledig_fra: 'availableFrom' });
    const messages = dry.errors.map((e) => `${e.row}|${e.column}|${e.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      '3|cpr|CPR-nummeret har ikke en gyldig fødselsdato.',
      '4|certifikater|Ukendt certifikat: dykkercertifikat.',
      '4|ledig_fra|Ugyldig dato «31-02-2026»: skriv ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.',
      '4|timer|Timer pr. uge skal være et tal, ikke «mange».',
      '5|id|Id A1 står også i række 2.',
    ]));
    expect(dry.errors.every((e) => e.row >= 2)).toBe(true);
    // Nothing but the import record is written by the dry run; its payload holds CPR encrypted only.
    expect(await countRows(t.db, 'candidates')).toBe(before);
    const [stored] = (await t.db.execute(sql`select payload::text as payload from candidate_imports where id = ${dry.id}`)).rows as { payload: string }[];
    expect(stored.payload).not.toContain('0101801111');
    expect(stored.payload).not.toContain('010180-1111');
    expect(stored.payload).toContain('v1:');

    const refused = await injectAs(t.app, c.a, { method: 'POST', url: `/api/v1/candidates/imports/${dry.id}/apply` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'import_has_errors' });
    expect(refused.json().detail).toContain('3 rækker har fejl, så intet er importeret');
    expect(await countRows(t.db, 'candidates')).toBe(before);
  });

  it('reports unknown occupation and skill codes and postal codes per row once the cells parse', async () => {
    const dry = await call<CandidateImport>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates/imports', payload: { content: csv(
      `U1;Ulla Ukendt;;;;urn:samspil:occupation:astronaut|${svejser};urn:samspil:skill:nope;;;;9999;;;;`,
    ) } });
    expect(dry.validRows).toBe(0);
    expect(dry.errors.map((e) => e.column)).toEqual(['erhverv', 'kompetencer', 'postnummer']);
    expect(dry.errors[0].message).toContain('Ukendt erhverv: urn:samspil:occupation:astronaut');
    expect(dry.errors[2].message).toBe('Postnummeret 9999 findes ikke.');
    const none = await injectAs(t.app, c.a, { method: 'POST', url: `/api/v1/candidates/imports/${dry.id}/apply?skipInvalid=true` });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('nothing_to_import');
  });

  it('applies the valid rows in one transaction with skipInvalid, then updates by the centre\'s id on a new file', async () => {
    const file = csv(
      `B1;Birte Bertelsen;010180-1111;birte@example.dk;+4511223344;${svejser};${skills};Svejsecertifikat MIG/MAG|truck_b;erhvervsuddannelse;da:flydende;6000;40;01-12-2026;37;dagpenge`,
      `B2;Bent Bentsen;0202021234;;;721220;;;;;7000;10;2027-01-15;30,5;kontanthjaelp`,
      `B3;Fejl Række;999999-9999;;;${svejser};;;;;6000;;;;`,
    );
    const dry = await call<CandidateImport>(t.app, c.b, 201, { method: 'POST', url: '/api/v1/candidates/imports', payload: { content: file } });
    expect(dry).toMatchObject({ validRows: 2, errorRows: 1 });
    // Another centre may not see or apply the import.
    expect((await injectAs(t.app, c.a, { method: 'GET', url: `/api/v1/candidates/imports/${dry.id}` })).statusCode).toBe(403);
    expect((await injectAs(t.app, c.a, { method: 'POST', url: `/api/v1/candidates/imports/${dry.id}/apply?skipInvalid=true` })).statusCode).toBe(403);
    const applied = await call<CandidateImport>(t.app, c.b, 200, { method: 'POST', url: `/api/v1/candidates/imports/${dry.id}/apply?skipInvalid=true` });
    expect(applied).toMatchObject({ status: 'applied', created: 2, updated: 0 });
    expect(applied.appliedAt).not.toBeNull();
    const rows = await candidatesOf(c.b.organisationId);
    expect(rows.map((r) => r.external_ref)).toEqual(['B1', 'B2']);
    expect(rows[0]).toMatchObject({ name: 'Birte Bertelsen', cpr_hash: hashCpr(keys, '0101801111'), certificates: ['svejs_mig_mag', 'truck_b'], available_from: '2026-12-01', hours: 37 });
    expect(decryptCpr(keys, rows[0].cpr_encrypted as string)).toBe('0101801111');
    expect(rows[1]).toMatchObject({ occupations: [disco08Uri('721220')], hours: 30.5, available_from: '2027-01-15' });
    const [record] = (await t.db.execute(sql`select payload, status from candidate_imports where id = ${dry.id}`)).rows;
    expect(record).toEqual({ payload: null, status: 'applied' });
    const [entry] = (await t.db.execute(sql`select after from audit_log where action = 'candidate.import' and entity_id = ${dry.id}`)).rows;
    expect(entry.after).toMatchObject({ created: 2, updated: 0, skipped: 1 });
    expect((await injectAs(t.app, c.b, { method: 'POST', url: `/api/v1/candidates/imports/${dry.id}/apply` })).json().code).toBe('import_applied');

    // The next export from the centre's system updates B1 (the ref stays) and adds B4; a file without a cpr column keeps CPR.
    const next = [
      'id;navn;erhverv;postnummer;maks_km',
      `B1;Birte Bertelsen-Hansen;${svejser};7100;25`,
      `B4;Ny Kandidat;${svejser};6000;`,
    ].join('\n');
    const second = await call<CandidateImport>(t.app, c.b, 201, { method: 'POST', url: '/api/v1/candidates/imports', payload: { content: next } });
    expect(second.errors).toEqual([]);
    const done = await call<CandidateImport>(t.app, c.b, 200, { method: 'POST', url: `/api/v1/candidates/imports/${second.id}/apply` });
    expect(done).toMatchObject({ created: 1, updated: 1 });
    const after = await candidatesOf(c.b.organisationId);
    expect(after.map((r) => r.external_ref)).toEqual(['B1', 'B2', 'B4']);
    expect(after[0]).toMatchObject({ name: 'Birte Bertelsen-Hansen', ref: rows[0].ref, cpr_hash: hashCpr(keys, '0101801111'), certificates: ['svejs_mig_mag', 'truck_b'] });
  });

  it('flags a CPR the centre already has under another id, and the same CPR twice in one file', async () => {
    await call(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, cpr: '070707-7777', externalRef: 'HAND-1' } });
    const dry = await call<CandidateImport>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates/imports', payload: { content: csv(
      `C1;Carla;070707-7777;;;${svejser};;;;;6000;;;;`,
      `C2;Conny;080808-8888;;;${svejser};;;;;6000;;;;`,
      `C3;Conny igen;0808088888;;;${svejser};;;;;6000;;;;`,
    ) } });
    expect(dry.errors.map((e) => `${e.row}|${e.message}`)).toEqual([
      '2|Personen er allerede registreret hos jobcentret under et andet id (HAND-1).',
      '4|Samme CPR-nummer står også i række 3.',
    ]);
  });

  it('takes a raw Windows-1252 CSV body with commas and English headers; refuses a file without the required columns', async () => {
    const text = `external_id,name,occupation,postal_code,available_from\r\nW1,Søren Ærø,${svejser},6000,2026-02-01\r\n`;
    const bytes = Buffer.from(text, 'latin1');
    const raw = await injectAs(t.app, c.a2, { method: 'POST', url: '/api/v1/candidates/imports?fileName=udtraek.csv', payload: bytes, headers: { 'content-type': 'text/csv' } });
    expect(raw.statusCode).toBe(201);
    const dry = raw.json() as CandidateImport;
    expect(dry).toMatchObject({ fileName: 'udtraek.csv', validRows: 1, errors: [] });
    await call(t.app, c.a2, 200, { method: 'POST', url: `/api/v1/candidates/imports/${dry.id}/apply` });
    const [row] = (await t.db.execute(sql`select name from candidates where external_ref = 'W1'`)).rows;
    expect(row.name).toBe('Søren Ærø');

    const missing = await upload(c.a, 'navn;cpr\r\nAnna;0101801111');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'missing_columns' });
    expect(missing.json().detail).toContain('id, erhverv, postnummer');
    expect((await upload(c.a, header)).json().code).toBe('no_rows');
    expect((await upload(c.business, csv(`Z1;Zara;;;;${svejser};;;;;6000;;;;`))).statusCode).toBe(403);
  });
});
