import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Placement, ReleasedCandidate } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { call, createWorld, insertCandidate, insertOrder, skill, type World } from './placements.test-fixtures';

let t: TestApp;
let w: World;
let order: { id: string; number: string };
let person: Awaited<ReturnType<typeof insertCandidate>>;
let personAtA: Awaited<ReturnType<typeof insertCandidate>>;
let placement: Placement;
const required = [skill('mig-mag-svejsning'), skill('tegningslaesning'), skill('svejsecertifikat')];

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  w = await createWorld(t.db);
  personAtA = await insertCandidate(t.db, w.a, { cprHash: 'same-person' });
  person = await insertCandidate(t.db, w.b, { cprHash: 'same-person' });
  order = await insertOrder(t.db, w.a, w.companyId, { requiredSkills: required });
});
afterAll(async () => t?.close());

type List<T> = { items: T[] };
const propose = (actor: TestActor, candidateId: string, orderId = order.id, status = 201) =>
  call<Placement>(t.app, actor, status, { method: 'POST', url: '/api/v1/placements', payload: { orderId, candidateId } });
const move = (actor: TestActor, id: string, status: string) => injectAs(t.app, actor, { method: 'POST', url: `/api/v1/placements/${id}/status`, payload: { status } });
const consent = (actor: TestActor, id: string, status = 201) => call<Placement>(t.app, actor, status, {
  method: 'POST', url: `/api/v1/placements/${id}/consent`,
  payload: { purpose: 'Formidling til svejserstilling', method: 'personligt', scope: ['identity', 'cv'] },
});
const problem = (response: { statusCode: number; json(): unknown }) => ({ status: response.statusCode, ...(response.json() as object) });

/** Everything a company user can ask about the order; none of it may name the candidate before consent and presentation. */
async function employerViews(actor: TestActor, orderId = order.id) {
  const released = await call<List<ReleasedCandidate>>(t.app, actor, 200, { method: 'GET', url: `/api/v1/orders/${orderId}/released` });
  const all = await call<List<ReleasedCandidate>>(t.app, actor, 200, { method: 'GET', url: '/api/v1/employer/candidates' });
  const placements = await call<List<Placement>>(t.app, actor, 200, { method: 'GET', url: `/api/v1/orders/${orderId}/placements` });
  return { released, all, placements, bodies: [released.raw.body, all.raw.body, placements.raw.body].join('\n') };
}
const noIdentity = (body: string, who: { name: string; cpr: string }) => {
  expect(body).not.toContain(who.name);
  expect(body).not.toContain(who.cpr);
  expect(body).not.toContain('example.dk');
};

describe(`placements, consent and the employer view (${testEngine})`, () => {
  it('lets a centre propose only its own candidates, for open orders, once', async () => {
    const refused = await injectAs(t.app, w.a, { method: 'POST', url: '/api/v1/placements', payload: { orderId: order.id, candidateId: person.id } });
    expect(refused.statusCode).toBe(403);
    const draft = await insertOrder(t.db, w.a, w.companyId, { status: 'kladde' });
    expect(problem(await injectAs(t.app, w.b, { method: 'POST', url: '/api/v1/placements', payload: { orderId: draft.id, candidateId: person.id } })))
      .toMatchObject({ status: 422, code: 'order_not_open' });

    const proposed = await propose(w.b, person.id);
    placement = proposed;
    expect(placement).toMatchObject({
      orderId: order.id, candidateId: person.id, candidateRef: person.ref, organisationId: w.b.organisationId, status: 'udsøgt', consent: null,
      allowedTransitions: ['fravalgt_af_kandidat'],
    });
    expect(placement.matchScore).toBeGreaterThan(80);
    expect(placement.matchReasons.map((r) => r.text)).toContain('samme erhverv: Svejser');
    noIdentity(proposed.raw.body, person);

    expect(problem(await injectAs(t.app, w.b2, { method: 'POST', url: '/api/v1/placements', payload: { orderId: order.id, candidateId: person.id } })))
      .toMatchObject({ status: 409, code: 'placement_exists' });
  });

  it('moves the order to under behandling on its first placement and logs each step with the ref only', async () => {
    const [o] = (await t.db.execute(sql`select status from job_orders where id = ${order.id}`)).rows as { status: string }[];
    expect(o.status).toBe('under_behandling');
    const log = (await t.db.execute(sql`select kind, from_status, to_status, text from job_order_log where order_id = ${order.id} order by at, kind`)).rows as
      { kind: string; from_status: string | null; to_status: string | null; text: string }[];
    expect(log.map((l) => [l.kind, l.from_status, l.to_status])).toEqual(expect.arrayContaining([
      ['placement', null, 'udsøgt'], ['status', 'oprettet', 'under_behandling'],
    ]));
    expect(log.find((l) => l.kind === 'placement')?.text).toContain(person.ref);
    for (const l of log) expect(l.text).not.toContain(person.name);
  });

  it('shows the company nothing before consent and presentation', async () => {
    const views = await employerViews(w.employer);
    expect(views.released.items).toEqual([]);
    expect(views.all.items).toEqual([]);
    expect(views.placements.items).toEqual([]);
    noIdentity(views.bodies, person);
  });

  it('refuses illegal jumps and steps that need consent, in Danish', async () => {
    expect(problem(await move(w.b, placement.id, 'ansat'))).toMatchObject({
      status: 422, code: 'illegal_transition', detail: expect.stringContaining('Mulige næste trin: samtykke givet eller fravalgt af kandidaten'),
    });
    expect(problem(await move(w.b, placement.id, 'samtykke_givet'))).toMatchObject({
      status: 422, code: 'consent_required', detail: 'Kandidaten skal give samtykke, før identiteten kan gives videre til virksomheden.',
    });
    expect((await move(w.a, placement.id, 'fravalgt_af_kandidat')).statusCode).toBe(403);
  });

  it('records consent (what, to whom, why, how), then presents: the company sees identity and CV, audited', async () => {
    expect((await injectAs(t.app, w.a, { method: 'POST', url: `/api/v1/placements/${placement.id}/consent`, payload: { purpose: 'Formidling', method: 'telefon' } })).statusCode).toBe(403);
    const consented = await consent(w.b, placement.id);
    expect(consented).toMatchObject({ status: 'samtykke_givet', consent: { purpose: 'Formidling til svejserstilling', scope: ['identity', 'cv'], withdrawnAt: null } });
    expect(consented.allowedTransitions).toEqual(['præsenteret', 'fravalgt_af_kandidat']);
    const [stored] = (await t.db.execute(sql`select company_id, method from candidate_consents where id = ${consented.consent!.id}`)).rows as { company_id: string; method: string }[];
    expect(stored).toEqual({ company_id: w.companyId, method: 'personligt' });
    await consent(w.b, placement.id, 409);
    noIdentity((await employerViews(w.employer)).bodies, person);

    const presented = await move(w.b, placement.id, 'præsenteret');
    expect(presented.statusCode).toBe(200);
    const views = await employerViews(w.employer);
    expect(views.released.items).toHaveLength(1);
    expect(views.released.items[0]).toMatchObject({
      placementId: placement.id, orderId: order.id, status: 'præsenteret', ref: person.ref, name: person.name, cvText: expect.stringContaining('CV for'),
      occupations: [{ label: 'Svejser' }], certificates: [], centreName: expect.stringContaining('Testorganisation'),
    });
    expect(views.all.items.map((i) => i.placementId)).toEqual([placement.id]);
    expect(views.placements.items.map((i) => i.id)).toEqual([placement.id]);
    const audits = (await t.db.execute(sql`select reason, entity_id from audit_log where action = 'candidate.identity_read' and user_id = ${w.employer.userId}`)).rows as
      { reason: string; entity_id: string }[];
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.reason === 'formidling' && a.entity_id === person.id)).toBe(true);

    // Another company sees nothing, and may not ask about this order.
    const other = await call<List<ReleasedCandidate>>(t.app, w.otherEmployer, 200, { method: 'GET', url: '/api/v1/employer/candidates' });
    expect(other.items).toEqual([]);
    expect((await injectAs(t.app, w.otherEmployer, { method: 'GET', url: `/api/v1/orders/${order.id}/released` })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.a, { method: 'GET', url: '/api/v1/employer/candidates' })).statusCode).toBe(403);
  });

  it('lets staff of every centre see placements by ref, but only the owner move them', async () => {
    const list = await call<List<Placement>>(t.app, w.a, 200, { method: 'GET', url: `/api/v1/orders/${order.id}/placements` });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ candidateRef: person.ref, allowedTransitions: [] });
    noIdentity(list.raw.body, person);
    const own = await call<List<Placement>>(t.app, w.b2, 200, { method: 'GET', url: `/api/v1/orders/${order.id}/placements` });
    expect(own.items[0].allowedTransitions).toEqual(['samtale', 'ansat', 'afvist_af_virksomhed', 'fravalgt_af_kandidat']);
  });

  it('hides the candidate from the company again the moment consent is withdrawn', async () => {
    const consentId = placement.id && (await call<Placement>(t.app, w.b, 200, { method: 'GET', url: `/api/v1/placements/${placement.id}` })).consent!.id;
    expect((await injectAs(t.app, w.a, { method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` })).statusCode).toBe(403);
    const withdrawn = await call<Placement>(t.app, w.b, 200, { method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` });
    expect(withdrawn.consent?.withdrawnAt).not.toBeNull();
    const views = await employerViews(w.employer);
    expect(views.released.items).toEqual([]);
    expect(views.all.items).toEqual([]);
    expect(views.placements.items).toEqual([]);
    noIdentity(views.bodies, person);
    expect(problem(await injectAs(t.app, w.b, { method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` }))).toMatchObject({ status: 409, code: 'consent_withdrawn' });
  });

  it('refuses to present without a consent in force', async () => {
    const p = await propose(w.a, personAtA.id);
    const given = await consent(w.a, p.id);
    await call(t.app, w.a, 200, { method: 'POST', url: `/api/v1/consents/${given.consent!.id}/withdraw` });
    expect(problem(await move(w.a, p.id, 'præsenteret'))).toMatchObject({ status: 422, code: 'consent_required' });
  });

  it('hires a candidate through one order only', async () => {
    const worker = await insertCandidate(t.db, w.b);
    const second = await insertOrder(t.db, w.a, w.companyId, { requiredSkills: required });
    const first = await propose(w.b, worker.id);
    const other = await propose(w.b, worker.id, second.id);
    for (const p of [first, other]) {
      await consent(w.b, p.id);
      expect((await move(w.b, p.id, 'præsenteret')).statusCode).toBe(200);
    }
    const hired = await move(w.b, first.id, 'ansat');
    expect(hired.statusCode).toBe(200);
    expect(hired.json()).toMatchObject({ status: 'ansat', allowedTransitions: [] });
    expect(problem(await move(w.b, other.id, 'ansat'))).toMatchObject({
      status: 409, code: 'already_hired', orderNumber: order.number, detail: `Kandidat ${worker.ref} er allerede ansat via jobordre ${order.number}.`,
    });
    expect(problem(await move(w.b, first.id, 'samtale'))).toMatchObject({ status: 422, code: 'illegal_transition', detail: expect.stringContaining('Mulige næste trin: ingen') });
    const [row] = (await t.db.execute(sql`select hired_at is not null as hired, presented_at is not null as presented from placements where id = ${first.id}`)).rows as { hired: boolean; presented: boolean }[];
    expect(row).toEqual({ hired: true, presented: true });
    // The order had one opening: the hire closed it as filled, logged; the other order (also one opening) stays open.
    const closed = (await t.db.execute(sql`select status, closed_at is not null as closed from job_orders where id = ${order.id}`)).rows[0];
    expect(closed).toEqual({ status: 'afsluttet_behov_opfyldt', closed: true });
    const log = await call<{ items: { kind: string; text: string }[] }>(t.app, w.a, 200, { method: 'GET', url: `/api/v1/orders/${order.id}/log` });
    expect(log.items.map((e) => e.text)).toContain('Stillingen er besat: jobordren er afsluttet – behov opfyldt.');
    expect((await t.db.execute(sql`select status from job_orders where id = ${second.id}`)).rows[0]).toEqual({ status: 'under_behandling' });
  });

  it('keeps an order with openings left open after a hire, and closes it at the last one', async () => {
    const three = await insertOrder(t.db, w.a, w.companyId, { requiredSkills: required, openings: 2 });
    const hire = async () => {
      const person = await insertCandidate(t.db, w.b);
      const p = await propose(w.b, person.id, three.id);
      await consent(w.b, p.id);
      await move(w.b, p.id, 'præsenteret');
      expect((await move(w.b, p.id, 'ansat')).statusCode).toBe(200);
    };
    await hire();
    expect((await t.db.execute(sql`select status from job_orders where id = ${three.id}`)).rows[0]).toEqual({ status: 'under_behandling' });
    await hire();
    expect((await t.db.execute(sql`select status from job_orders where id = ${three.id}`)).rows[0]).toEqual({ status: 'afsluttet_behov_opfyldt' });
  });
});
