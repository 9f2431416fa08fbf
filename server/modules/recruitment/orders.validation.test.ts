import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../../common/recruitment';
import { occupations } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { demoSkillUri, disco08Uri } from '../reference';
import { call, createOrder, createOrderWorld, orderBody, writeCounts, type OrderWorld } from './orders.test-fixtures';

let t: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createOrderWorld(t.db);
  await t.db.insert(occupations).values({
    uri: disco08Uri('7212'), scheme: 'disco08', code: '7212', iscoGroup: '7212', conceptType: 'discoGroup',
    preferredLabel: 'Svejsere og flammeskærere', labels: { da: { preferred: 'Svejsere og flammeskærere', alt: [] } },
  });
});
afterAll(async () => t?.close());

const post = (payload: object) => injectAs(t.app, w.koldingConsultant, { method: 'POST', url: '/api/v1/orders', payload });

/** The request is refused with `status` and `code`, and no order, log line or audit entry is written. */
async function refused(send: () => ReturnType<typeof post>, status: number, code: string) {
  const before = await writeCounts(t.db);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe(code);
  expect(await writeCounts(t.db)).toEqual(before);
  return res.json() as { code: string; detail: string; errors: { path: string; message: string }[]; [k: string]: unknown };
}

describe(`job order validation (${testEngine})`, () => {
  it('refuses a start after the deadline (zod at create, the merged order at update) and writes nothing', async () => {
    const body = await refused(() => post(orderBody(w.companyA.id, { startDate: '2026-05-01', deadline: '2026-04-01' })), 400, 'validation');
    expect(body.errors).toContainEqual({ path: 'startDate', message: 'Startdatoen skal ligge før eller på ansøgningsfristen.' });
    const order = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id));
    const patch = await refused(() => injectAs(t.app, w.koldingConsultant, { method: 'PATCH', url: `/api/v1/orders/${order.id}`, payload: { deadline: '2026-02-01' } }), 422, 'start_after_deadline');
    expect(patch.detail).toBe('Startdatoen (2026-03-01) skal ligge før eller på ansøgningsfristen (2026-02-01).');
  });

  it('refuses an occupation that is not in the taxonomy, and resolves a bare DISCO-08 code', async () => {
    const unknown = 'http://data.europa.eu/esco/occupation/00000000-dead-beef-0000-000000000000';
    const body = await refused(() => post(orderBody(w.companyA.id, { occupationUri: unknown })), 422, 'unknown_occupation');
    expect(body.detail).toBe(`Erhvervet ‘${unknown}’ findes ikke i Samspils erhvervsliste (ESCO eller DISCO-08). Vælg et erhverv fra listen.`);
    expect(body.errors[0].path).toBe('occupationUri');
    await refused(() => post(orderBody(w.companyA.id, { occupationUri: '9999' })), 422, 'unknown_occupation');
    const coded = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id, { occupationUri: '7212' }));
    expect(coded.occupation).toEqual({ uri: disco08Uri('7212'), label: 'Svejsere og flammeskærere', iscoGroup: '7212' });
  });

  it('refuses unknown skills, naming every one', async () => {
    const body = await refused(() => post(orderBody(w.companyA.id, {
      requiredSkills: [demoSkillUri('mig-mag-svejsning'), 'urn:samspil:skill:tryllekunst'], wantedSkills: ['urn:samspil:skill:fakir'],
    })), 422, 'unknown_skill');
    expect(body.unknownSkills).toEqual(['urn:samspil:skill:tryllekunst', 'urn:samspil:skill:fakir']);
    expect(body.detail).toBe('Disse kompetencer findes ikke i Samspils kompetenceliste: urn:samspil:skill:tryllekunst, urn:samspil:skill:fakir.');
    expect(body.errors[0].path).toBe('requiredSkills');
  });

  it('refuses an unknown postal code, another company\'s P-unit and an unknown company; fills the municipality from the postal code', async () => {
    const postal = await refused(() => post(orderBody(w.companyA.id, { workplacePostalCode: '0999' })), 422, 'unknown_postal_code');
    expect(postal.detail).toBe('Postnummeret 0999 findes ikke.');
    const unit = await refused(() => post(orderBody(w.companyA.id, { productionUnitId: w.companyB.unitId })), 422, 'production_unit_mismatch');
    expect(unit.detail).toContain(w.companyA.name);
    await refused(() => post(orderBody('00000000-0000-4000-8000-000000000000')), 422, 'unknown_company');
    const ok = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id, { productionUnitId: w.companyA.unitId, workplacePostalCode: '6000' }));
    expect(ok).toMatchObject({ productionUnitId: w.companyA.unitId, workplaceMunicipalityCode: 621, workplaceMunicipalityName: 'Kolding' });
  });

  it('refuses kladde → ansat (and any unknown or skipped step) with the possible next steps, changing nothing', async () => {
    const order = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id));
    const move = (status: string) => () => injectAs(t.app, w.koldingConsultant, { method: 'POST', url: `/api/v1/orders/${order.id}/status`, payload: { status } });
    const body = await refused(move('ansat'), 422, 'illegal_transition');
    expect(body.detail).toBe('En jobordre kan ikke gå fra Kladde til ‘ansat’. Mulige næste trin: Oprettet, Annulleret.');
    expect(body.allowed).toEqual(['oprettet', 'annulleret']);
    const skipped = await refused(move('under_behandling'), 422, 'illegal_transition');
    expect(skipped.detail).toBe('En jobordre kan ikke gå fra Kladde til ‘Under behandling’. Mulige næste trin: Oprettet, Annulleret.');
    await refused(move('kladde'), 422, 'illegal_transition');
    const after = await call<Order>(t.app, w.koldingConsultant, 200, { method: 'GET', url: `/api/v1/orders/${order.id}` });
    expect(after).toMatchObject({ status: 'kladde', openedAt: null, statusChangedAt: order.statusChangedAt });
  });
});
