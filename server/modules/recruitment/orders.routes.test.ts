import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderList, OrderLogEntry } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { demoOccupationUri, demoSkillUri } from '../reference';
import { call, createCompany, createOrder, createOrderWorld, orderBody, type OrderWorld } from './orders.test-fixtures';

let t: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createOrderWorld(t.db);
});
afterAll(async () => t?.close());

const get = <T>(actor: Parameters<typeof call>[1], url: string, status = 200) => call<T>(t.app, actor, status, { method: 'GET', url });
const move = (actor: Parameters<typeof call>[1], id: string, status: string, note?: string) =>
  injectAs(t.app, actor, { method: 'POST', url: `/api/v1/orders/${id}/status`, payload: { status, note } });

describe(`job orders (${testEngine})`, () => {
  it('creates a draft held by the consultant\'s own centre, numbered, labelled and logged', async () => {
    const order = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id));
    expect(order.number).toMatch(/^JO-\d{4}-\d{5}$/);
    expect(order).toMatchObject({
      status: 'kladde', openedAt: null, closedAt: null, createdVia: 'consultant', companyName: w.companyA.name, companyCvr: w.companyA.cvr,
      holdingOrganisationId: w.kolding.id, holdingOrganisationName: 'Jobcenter Kolding',
      occupation: { uri: demoOccupationUri('svejser'), label: 'Svejser', iscoGroup: '7212' },
      requiredSkills: [{ uri: demoSkillUri('mig-mag-svejsning'), label: 'MIG/MAG-svejsning' }],
      wantedSkills: [{ uri: demoSkillUri('tig-svejsning'), label: 'TIG-svejsning' }],
      workplacePostalCode: '7100', workplaceMunicipalityCode: 630, workplaceMunicipalityName: 'Vejle',
      placementCounts: {}, allowedTransitions: ['oprettet', 'annulleret'], canEdit: true,
    });
    const second = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id));
    expect(Number(second.number.slice(-5))).toBe(Number(order.number.slice(-5)) + 1);
    const log = await get<{ items: OrderLogEntry[] }>(w.vejleConsultant, `/api/v1/orders/${order.id}/log`);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ kind: 'created', toStatus: 'kladde', organisationName: 'Jobcenter Kolding' });
    expect(log.items[0].text).toMatch(new RegExp(`^Jobordren ${order.number} blev oprettet \\(Kladde\\) af Testbruger .*, Jobcenter Kolding\\. Ansvarligt jobcenter: Jobcenter Kolding\\.$`));
    const audited = (await t.db.execute(sql`select action, user_id from audit_log where entity = 'job_order' and entity_id = ${order.id}`)).rows;
    expect(audited).toEqual([{ action: 'order.create', user_id: w.koldingConsultant.userId }]);
  });

  it('picks the holding centre: a named centre, the company\'s municipality, else the first centre by name', async () => {
    const handed = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyB.id, { holdingOrganisationId: w.vejle.id, submit: true }));
    expect(handed).toMatchObject({ holdingOrganisationId: w.vejle.id, status: 'oprettet' });
    expect(handed.openedAt).not.toBeNull();
    // The secretariat's administrator: the centre of the company's municipality (A is in Vejle, B in Kolding).
    expect((await createOrder(t.app, w.admin, orderBody(w.companyA.id))).holdingOrganisationName).toBe('Jobcenter Vejle');
    expect((await createOrder(t.app, w.admin, orderBody(w.companyB.id, { workplacePostalCode: null }))).holdingOrganisationName).toBe('Jobcenter Kolding');
    const elsewhere = await createCompany(t.db, 'Billund Gear', 530, '7190');
    const fallback = await createOrder(t.app, w.admin, orderBody(elsewhere.id, { workplacePostalCode: null }));
    expect(fallback).toMatchObject({ holdingOrganisationName: 'Jobcenter Kolding', workplaceMunicipalityCode: 530, workplaceMunicipalityName: 'Billund' });
    const wrong = await injectAs(t.app, w.koldingConsultant, { method: 'POST', url: '/api/v1/orders', payload: orderBody(w.companyA.id, { holdingOrganisationId: w.businessConsultant.organisationId }) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'invalid_holding_centre' });
  });

  it('lets a company user create and read only its own company\'s orders', async () => {
    const own = await createOrder(t.app, w.employerA, orderBody(w.companyA.id, { submit: true }));
    expect(own).toMatchObject({ createdVia: 'employer', holdingOrganisationName: 'Jobcenter Vejle', status: 'oprettet', allowedTransitions: ['annulleret'], canEdit: true });
    const other = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyB.id, { submit: true }));
    const foreign = await injectAs(t.app, w.employerA, { method: 'POST', url: '/api/v1/orders', payload: orderBody(w.companyB.id) });
    expect(foreign.statusCode).toBe(403);
    const choosing = await injectAs(t.app, w.employerA, { method: 'POST', url: '/api/v1/orders', payload: orderBody(w.companyA.id, { holdingOrganisationId: w.kolding.id }) });
    expect(choosing.json()).toMatchObject({ code: 'field_not_allowed' });

    for (const url of ['/api/v1/orders?status=all', `/api/v1/orders?status=all&companyId=${w.companyB.id}`, '/api/v1/orders?status=all&limit=200']) {
      const list = await get<OrderList>(w.employerA, url);
      expect(list.items.every((o) => o.companyId === w.companyA.id), url).toBe(true);
      expect(list.items.map((o) => o.id)).not.toContain(other.id);
    }
    const mine = await get<OrderList>(w.employerA, '/api/v1/orders?status=all');
    expect(mine.items.map((o) => o.id)).toContain(own.id);
    expect(mine.total).toBe(mine.items.length);
    expect((await get<OrderList>(w.employerA, `/api/v1/orders?status=all&companyId=${w.companyB.id}`)).items).toEqual([]);
    expect((await get<OrderList>(w.employerB, '/api/v1/orders?status=all')).items.map((o) => o.id)).toContain(other.id);
    // Another company's order is "not found", never revealed; so is its log.
    expect((await injectAs(t.app, w.employerB, { method: 'GET', url: `/api/v1/orders/${own.id}` })).statusCode).toBe(404);
    expect((await injectAs(t.app, w.employerB, { method: 'GET', url: `/api/v1/orders/${own.id}/log` })).statusCode).toBe(404);
    expect((await injectAs(t.app, w.employerB, { method: 'PATCH', url: `/api/v1/orders/${own.id}`, payload: { title: 'Overtaget' } })).statusCode).toBe(404);
    expect((await move(w.employerB, own.id, 'annulleret')).statusCode).toBe(404);
    expect((await get<Order>(w.employerA, `/api/v1/orders/${own.id}`)).id).toBe(own.id);
  });

  it('shows every order of the partnership to every job centre and the business staff, nothing to other partnerships, analysts 403', async () => {
    const order = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id, { submit: true, title: 'Truckfører søges' }));
    for (const actor of [w.vejleConsultant, w.businessConsultant, w.admin, w.koldingManager]) {
      const list = await get<OrderList>(actor, '/api/v1/orders?q=truckf%C3%B8rer');
      expect(list.items.map((o) => o.id)).toContain(order.id);
      expect(list.items.every((o) => o.title.toLowerCase().includes('truckfører'))).toBe(true);
    }
    const byCentre = await get<OrderList>(w.vejleConsultant, `/api/v1/orders?holdingOrganisationId=${w.vejle.id}&status=all`);
    expect(byCentre.items.every((o) => o.holdingOrganisationId === w.vejle.id)).toBe(true);
    expect((await get<OrderList>(w.outsider, '/api/v1/orders?status=all')).items).toEqual([]);
    expect((await injectAs(t.app, w.outsider, { method: 'GET', url: `/api/v1/orders/${order.id}` })).statusCode).toBe(404);
    expect((await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/orders' })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.analyst, { method: 'GET', url: `/api/v1/orders/${order.id}` })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.analyst, { method: 'POST', url: '/api/v1/orders', payload: orderBody(w.companyA.id) })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.businessConsultant, { method: 'POST', url: '/api/v1/orders', payload: orderBody(w.companyA.id) })).statusCode).toBe(403);
    expect((await injectAs(t.app, null, { method: 'GET', url: '/api/v1/orders' })).statusCode).toBe(401);
    // The other centre reads it but may not change it.
    const seen = await get<Order>(w.vejleConsultant, `/api/v1/orders/${order.id}`);
    expect(seen).toMatchObject({ canEdit: false, allowedTransitions: [] });
    expect((await injectAs(t.app, w.vejleConsultant, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { title: 'Ny titel' } })).statusCode).toBe(403);
    expect((await move(w.vejleConsultant, order.id, 'under_behandling')).statusCode).toBe(403);
  });

  it('changes only the fields a PATCH sends, logs them in Danish and hands the order to another centre', async () => {
    const order = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id, { hoursPerWeek: 37 }));
    const patched = await call<Order>(t.app, w.koldingConsultant, 200, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { title: 'Erfaren svejser', deadline: '2026-04-01' } });
    expect(patched).toMatchObject({ title: 'Erfaren svejser', deadline: '2026-04-01', openings: 2, hoursPerWeek: 37, certificates: ['svejs_mig_mag'] });
    expect(patched.requiredSkills.map((s) => s.uri)).toEqual([demoSkillUri('mig-mag-svejsning')]);
    const handed = await call<Order>(t.app, w.koldingConsultant, 200, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { holdingOrganisationId: w.vejle.id } });
    expect(handed.holdingOrganisationName).toBe('Jobcenter Vejle');
    // Now Vejle holds it: Kolding may no longer change it.
    expect((await injectAs(t.app, w.koldingConsultant, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { title: 'x y' } })).statusCode).toBe(403);
    const log = await get<{ items: OrderLogEntry[] }>(w.vejleConsultant, `/api/v1/orders/${order.id}/log`);
    expect(log.items.map((e) => e.kind)).toEqual(['created', 'updated', 'updated']);
    expect(log.items[1].text).toMatch(/: stillingsbetegnelse, ansøgningsfrist\.$/);
    expect(log.items[2].text).toMatch(/: ansvarligt jobcenter\. Ordren er givet videre til Jobcenter Vejle\.$/);
    const audited = (await t.db.execute(sql`select action from audit_log where entity_id = ${order.id} order by id`)).rows.map((r) => (r as { action: string }).action);
    expect(audited).toEqual(['order.create', 'order.update', 'order.update']);
  });

  it('lets the company change its order only while kladde/oprettet', async () => {
    const order = await createOrder(t.app, w.employerA, orderBody(w.companyA.id));
    expect((await call<Order>(t.app, w.employerA, 200, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { openings: 3 } })).openings).toBe(3);
    expect((await call<Order>(t.app, w.employerA, 200, { method: 'POST', url: `/api/v1/orders/${order.id}/status`, payload: { status: 'oprettet' } })).status).toBe('oprettet');
    // The holding centre (Vejle: the company's municipality) takes it on.
    expect((await move(w.vejleConsultant, order.id, 'under_behandling')).statusCode).toBe(200);
    const locked = await injectAs(t.app, w.employerA, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { openings: 4 } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'order_locked' });
    const stopped = await move(w.employerA, order.id, 'annulleret');
    expect(stopped.statusCode).toBe(403);
    expect((await get<Order>(w.employerA, `/api/v1/orders/${order.id}`))).toMatchObject({ status: 'under_behandling', openings: 3, canEdit: false, allowedTransitions: [] });
  });

  it('walks the state machine: openedAt when leaving kladde, closedAt when closing, each step logged and audited', async () => {
    const order = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyB.id));
    const opened = await call<Order>(t.app, w.koldingConsultant, 200, { method: 'POST', url: `/api/v1/orders/${order.id}/status`, payload: { status: 'oprettet' } });
    expect(opened.openedAt).not.toBeNull();
    for (const status of ['under_behandling', 'inaktiveret', 'under_behandling']) expect((await move(w.koldingConsultant, order.id, status)).statusCode).toBe(200);
    const closed = await move(w.koldingConsultant, order.id, 'afsluttet_behov_opfyldt', 'To svejsere ansat.');
    expect(closed.json()).toMatchObject({ status: 'afsluttet_behov_opfyldt', openedAt: opened.openedAt, allowedTransitions: [], canEdit: false });
    expect(closed.json().closedAt).not.toBeNull();
    const after = await move(w.koldingConsultant, order.id, 'under_behandling');
    expect(after.statusCode).toBe(422);
    expect(after.json().detail).toBe('En jobordre kan ikke gå fra Afsluttet – behov opfyldt til ‘Under behandling’. Mulige næste trin: ingen (ordren er afsluttet).');
    const log = await get<{ items: OrderLogEntry[] }>(w.koldingConsultant, `/api/v1/orders/${order.id}/log`);
    expect(log.items.map((e) => `${e.fromStatus ?? ''}→${e.toStatus ?? ''}`)).toEqual([
      '→kladde', 'kladde→oprettet', 'oprettet→under_behandling', 'under_behandling→inaktiveret', 'inaktiveret→under_behandling', 'under_behandling→afsluttet_behov_opfyldt',
    ]);
    expect(log.items.at(-1)?.text).toMatch(/^Status ændret fra Under behandling til Afsluttet – behov opfyldt af .*, Jobcenter Kolding\. Note: To svejsere ansat\.$/);
    const audited = (await t.db.execute(sql`select action from audit_log where entity_id = ${order.id} order by id`)).rows.map((r) => (r as { action: string }).action);
    expect(audited).toEqual(['order.create', 'order.oprettet', 'order.under_behandling', 'order.inaktiveret', 'order.under_behandling', 'order.afsluttet_behov_opfyldt']);
  });
});
