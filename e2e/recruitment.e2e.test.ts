import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCall } from './support/api';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

interface ShortlistEntry { candidateId: string; ref: string; organisationName: string; own: boolean; alsoAt: { organisationName: string }[]; reasons: { text: string }[] }

const title = 'Svejser til ny robotcelle';
/** The demo's person registered at both Jobcenter Kolding and Jobcenter Vejle (same CPR). */
const twice = 'Mette Demo Dobbelt';

describe('journey: one entry point for recruitment — an employer posts an order, two job centres see it, consent releases a candidate', () => {
  let browser: Browser;
  let employer: Page;
  let kolding: Page;
  let vejle: Page;
  let orderId = '';
  let proposedRef = '';
  const baseUrl = inject('baseUrl');
  const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page: employer } = await newPage(browser, baseUrl));
    ({ page: kolding } = await newPage(browser, baseUrl));
    ({ page: vejle } = await newPage(browser, baseUrl));
    await logIn(employer, 'virksomhed@demo.samspil.dk', demoPassword);
    await logIn(kolding, 'jobcenter.kolding@demo.samspil.dk', demoPassword);
    await logIn(vejle, 'jobcenter.vejle@demo.samspil.dk', demoPassword);
  });
  afterAll(async () => { await browser?.close(); });

  it('the company user posts an order in the employer view; a start after the deadline is refused in Danish', async () => {
    await employer.goto('/mine-jobordrer');
    await employer.getByRole('heading', { level: 1, name: 'Mine jobordrer' }).waitFor();
    await expectAccessible(employer, 'my orders (employer)');
    await employer.getByRole('link', { name: 'Ny jobordre' }).click();
    await employer.getByRole('heading', { level: 1, name: 'Ny jobordre' }).waitFor();
    await employer.getByLabel('Stillingsbetegnelse').fill(title);
    const occupation = employer.getByRole('combobox', { name: /Erhverv/ });
    await occupation.fill('Svejser');
    await employer.getByRole('option', { name: /^Svejser/ }).first().click();
    await employer.getByLabel('Startdato').fill('2027-03-15');
    await employer.getByLabel('Ansøgningsfrist').fill('2027-02-01');
    await employer.getByRole('button', { name: 'Opret jobordre' }).click();
    await employer.getByText('Startdatoen skal ligge før eller på ansøgningsfristen.').first().waitFor();
    await screenshot(employer, 'jrec-01-employer-start-after-deadline');
    await employer.getByLabel('Startdato').fill('2027-01-04');
    await employer.getByRole('button', { name: 'Opret jobordre' }).click();
    await employer.waitForURL(/\/mine-jobordrer\/[0-9a-f-]{36}$/);
    orderId = employer.url().split('/').at(-1)!;
    await employer.getByRole('heading', { level: 1, name: title }).waitFor();
    await screenshot(employer, 'jrec-02-employer-order');
    await expectAccessible(employer, 'order (employer)');
    const order = await apiCall(employer, 'GET', `/orders/${orderId}`);
    expect(order.body).toMatchObject({ status: 'oprettet', createdVia: 'employer', companyName: 'Trekant Stålindustri A/S' });
  });

  it('refuses an unknown ESCO code and a jump from kladde to ansat with clear messages, and changes nothing', async () => {
    const company = (await apiCall(employer, 'GET', '/employer/me')).body as { id: string };
    const before = (await apiCall(employer, 'GET', '/orders?status=all')).body.total;
    const unknown = await apiCall(employer, 'POST', '/orders', {
      companyId: company.id, title: 'Ukendt erhverv', occupationUri: 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000', jobType: 'ordinary',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown_occupation');
    expect(String(unknown.body.detail)).toMatch(/erhverv/i);
    expect((await apiCall(employer, 'GET', '/orders?status=all')).body.total).toBe(before);

    const draft = await apiCall(employer, 'POST', '/orders', { companyId: company.id, title: 'Kladde til test', occupationUri: 'urn:samspil:occupation:svejser', jobType: 'ordinary' });
    expect(draft.status).toBe(201);
    const jump = await apiCall(employer, 'POST', `/orders/${draft.body.id as string}/status`, { status: 'ansat' });
    expect(jump.status).toBe(422);
    expect(jump.body).toMatchObject({ code: 'illegal_transition' });
    expect(String(jump.body.detail)).toContain('Kladde');
    expect((await apiCall(employer, 'GET', `/orders/${draft.body.id as string}`)).body.status).toBe('kladde');
  });

  it('consultants at two job centres both see the order, with the centre that holds it', async () => {
    for (const [page, shot] of [[kolding, 'jrec-03-kolding-orders'], [vejle, 'jrec-04-vejle-orders']] as const) {
      await nav(page, 'Jobordrer');
      await page.getByRole('heading', { level: 1, name: 'Jobordrer' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: title });
      await row.waitFor();
      expect(await row.innerText()).toContain('Jobcenter Kolding');
      await screenshot(page, shot);
    }
    await expectAccessible(vejle, 'orders (job centre)');
  });

  it('the merged shortlist shows candidates of both centres with reasons, and the person registered twice only once', async () => {
    const shortlist = (await apiCall(vejle, 'GET', `/orders/${orderId}/shortlist`)).body as { matches: ShortlistEntry[]; centres: number };
    const centres = new Set(shortlist.matches.map((m) => m.organisationName));
    expect(centres.has('Jobcenter Kolding') && centres.has('Jobcenter Vejle'), [...centres].join(', ')).toBe(true);
    expect(new Set(shortlist.matches.map((m) => m.candidateId)).size).toBe(shortlist.matches.length);
    expect(shortlist.matches.every((m) => m.reasons.length > 0)).toBe(true);
    // Mette is registered in Kolding and Vejle: Vejle sees its own registration once, marked as also at Kolding.
    const both = shortlist.matches.filter((m) => m.alsoAt.some((a) => a.organisationName === 'Jobcenter Kolding') && m.own);
    expect(both).toHaveLength(1);
    const identity = await apiCall(vejle, 'GET', `/candidates/${both[0].candidateId}/identity?purpose=formidling`);
    expect(identity.body.name).toBe(twice);
    proposedRef = both[0].ref;
    const json = JSON.stringify(shortlist);
    expect(json).not.toContain(twice);
    expect(json).not.toContain('121288');

    await vejle.getByRole('row').filter({ hasText: title }).getByRole('link', { name: title }).click();
    await vejle.getByRole('heading', { level: 2, name: 'Kandidater på tværs af jobcentre' }).waitFor();
    const row = vejle.getByRole('row').filter({ hasText: proposedRef });
    await row.waitFor();
    expect(await row.innerText()).toContain('Også registreret hos Jobcenter Kolding');
    await screenshot(vejle, 'jrec-05-vejle-shortlist');
    await expectAccessible(vejle, 'order with shortlist (job centre)');
  });

  it('before consent the company sees no identity, in the UI or the API', async () => {
    await nav(employer, 'Kandidater til mig');
    await employer.getByRole('heading', { level: 1, name: 'Kandidater til mig' }).waitFor();
    await employer.getByText('Ingen kandidater endnu').waitFor();
    for (const path of ['/employer/candidates', `/orders/${orderId}/released`, `/orders/${orderId}/placements`, `/orders/${orderId}`]) {
      const res = await apiCall(employer, 'GET', path);
      expect(JSON.stringify(res.body), path).not.toContain(twice);
    }
    const shortlist = await apiCall(employer, 'GET', `/orders/${orderId}/shortlist`);
    expect(shortlist.status).toBe(403);
  });

  it('Vejle proposes its candidate, records consent and presents; the company then sees the candidate', async () => {
    await vejle.getByRole('button', { name: `Foreslå ${proposedRef} til jobordren` }).click();
    await vejle.getByRole('button', { name: 'Registrér samtykke' }).first().click();
    const dialog = vejle.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Hvordan blev samtykket givet?').selectOption('telefon');
    await screenshot(vejle, 'jrec-06-vejle-consent');
    await dialog.getByRole('button', { name: 'Registrér samtykke' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Still nothing for the employer until the candidate is presented.
    expect(JSON.stringify((await apiCall(employer, 'GET', '/employer/candidates')).body)).not.toContain(twice);
    await vejle.getByText(`Skift status for ${proposedRef}`, { exact: true }).first().click();
    await vejle.getByRole('button', { name: 'Til: Præsenteret' }).click();
    await vejle.getByText('Præsenteret').first().waitFor();
    await screenshot(vejle, 'jrec-07-vejle-presented');
    await expectAccessible(vejle, 'order with placements (job centre)');

    await employer.reload();
    await employer.getByRole('heading', { level: 1, name: 'Kandidater til mig' }).waitFor();
    await employer.getByText(twice).first().waitFor();
    await screenshot(employer, 'jrec-08-employer-released');
    await expectAccessible(employer, 'released candidates (employer)');
    const released = (await apiCall(employer, 'GET', '/employer/candidates')).body as { items: { name: string; ref: string }[] };
    expect(released.items.map((c) => [c.name, c.ref])).toEqual([[twice, proposedRef]]);
    expect(JSON.stringify(released)).not.toContain('121288');
  });

  it('Kolding registers a candidate by hand: a malformed CPR is refused in Danish, identity is shown only with a purpose', async () => {
    await nav(kolding, 'Kandidater');
    await kolding.getByRole('heading', { level: 1, name: 'Kandidater' }).waitFor();
    await kolding.getByRole('link', { name: 'Ny kandidat' }).click();
    await kolding.getByRole('heading', { level: 1, name: 'Ny kandidat' }).waitFor();
    await kolding.getByLabel('Navn', { exact: true }).fill('Jonas Journey');
    await kolding.getByLabel('CPR-nummer').fill('3113901234');
    const occupation = kolding.getByRole('combobox', { name: /Erhverv/ });
    await occupation.fill('CNC-operatør');
    await kolding.getByRole('option', { name: /^CNC-operatør/ }).first().click();
    await kolding.getByLabel('Postnummer').fill('6000');
    await kolding.getByRole('button', { name: 'Opret kandidat' }).click();
    await kolding.getByText('CPR-nummeret har ikke en gyldig fødselsdato.').first().waitFor();
    await screenshot(kolding, 'jrec-09-kolding-candidate-bad-cpr');
    await expectAccessible(kolding, 'candidate form (job centre)');
    await kolding.getByLabel('CPR-nummer').fill('150590-1234');
    await kolding.getByRole('button', { name: 'Opret kandidat' }).click();
    await kolding.waitForURL(/\/kandidater\/[0-9a-f-]{36}$/);
    const id = kolding.url().split('/').at(-1)!;
    const body = await kolding.locator('main').innerText();
    expect(body).not.toContain('Jonas Journey');
    expect(body).not.toContain('150590');
    await kolding.getByLabel('Formål med opslaget').selectOption('opfoelgning');
    await kolding.getByRole('button', { name: 'Vis identitet' }).click();
    await kolding.getByText('Jonas Journey').first().waitFor();
    await kolding.getByText(/150590-/).first().waitFor();
    expect(await kolding.locator('main').innerText()).not.toContain('150590-1234');
    await screenshot(kolding, 'jrec-10-kolding-candidate-identity');
    await expectAccessible(kolding, 'candidate with identity (job centre)');
    // Vejle sees the profile, never the identity.
    const profile = await apiCall(vejle, 'GET', `/candidates/${id}`);
    expect(profile.status).toBe(200);
    expect(JSON.stringify(profile.body)).not.toContain('Jonas');
    expect((await apiCall(vejle, 'GET', `/candidates/${id}/identity?purpose=formidling`)).status).toBe(403);
  });

  it('a candidate CSV with a malformed CPR is reported per row and changes nothing', async () => {
    const before = (await apiCall(vejle, 'GET', '/candidates?scope=own&active=all')).body.total;
    const content = 'id;navn;cpr;erhverv;postnummer\r\nV-900;Ny Kandidat;3113901234;urn:samspil:occupation:svejser;7100\r\nV-901;Anden Kandidat;010190-1234;urn:samspil:occupation:svejser;7100\r\n';
    const dryRun = await apiCall(vejle, 'POST', '/candidates/imports', { fileName: 'kandidater.csv', content });
    expect(dryRun.status, JSON.stringify(dryRun.body)).toBe(201);
    const errors = dryRun.body.errors as { row: number; message: string }[];
    expect(errors).toHaveLength(1);
    expect(errors[0].row).toBe(2);
    expect(errors[0].message).toMatch(/CPR/);
    const apply = await apiCall(vejle, 'POST', `/candidates/imports/${dryRun.body.id as string}/apply`);
    expect(apply.status).toBe(409);
    expect(apply.body.code).toBe('import_has_errors');
    expect((await apiCall(vejle, 'GET', '/candidates?scope=own&active=all')).body.total).toBe(before);
    expect(pageErrors(employer)).toEqual([]);
    expect(pageErrors(vejle)).toEqual([]);
    expect(pageErrors(kolding)).toEqual([]);
  });
});
