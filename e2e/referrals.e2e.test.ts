import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCall } from './support/api';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

const company = 'Østergaard Metal A/S';
const offerTitle = 'Kvalitetskontrol med machine vision';
const provider = 'Teknologisk Institut, Kolding';
const outcome = 'Proof of concept med kamera på svejselinjen: fejlraten faldt fra 4 % til 0,5 %.';
/** The demo partnership's referral that is already past its deadline (seeded with the demo data). */
const overdueCompany = 'Ærø Automation ApS';

describe('journey: a referral closes the loop, and an overdue one triggers a reminder', () => {
  let browser: Browser;
  let consultant: Page;
  let providerPage: Page;
  let companyId = '';
  let referralId = '';
  const baseUrl = inject('baseUrl');
  const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page: consultant } = await newPage(browser, baseUrl));
    await logIn(consultant, 'konsulent.kolding@demo.samspil.dk', demoPassword);
  });
  afterAll(async () => { await browser?.close(); });

  it('refers a company to a Teknologisk Institut offer through the API; without consent it is refused', async () => {
    const companies = await apiCall(consultant, 'GET', `/companies?q=${encodeURIComponent(company)}`);
    companyId = ((companies.body.items as { id: string; name: string }[]).find((c) => c.name === company))?.id ?? '';
    expect(companyId).not.toBe('');
    const offers = await apiCall(consultant, 'GET', `/offers?q=${encodeURIComponent('machine vision')}`);
    const offer = (offers.body.items as { id: string; title: string }[]).find((o) => o.title === offerTitle);
    expect(offer, JSON.stringify(offers.body)).toBeDefined();

    const payload = { companyId, offerId: offer!.id, message: 'Virksomheden vil finde svejsefejl automatisk. Kontakt produktionschefen.' };
    const refused = await apiCall(consultant, 'POST', '/referrals', { ...payload, consent: false });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('Virksomheden skal have givet samtykke til henvisningen, før den kan sendes.');
    const created = await apiCall(consultant, 'POST', '/referrals', { ...payload, consent: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'sendt', provider: { name: provider } });
    referralId = created.body.id as string;

    await nav(consultant, 'Henvisninger');
    await consultant.getByRole('heading', { level: 1, name: 'Henvisninger' }).waitFor();
    const row = consultant.getByRole('row').filter({ hasText: company });
    await row.waitFor();
    expect(await row.innerText()).toContain('Sendt');
    await screenshot(consultant, 'jr-01-consultant-referrals');
    await expectAccessible(consultant, 'referrals (consultant)');
  });

  it('the referral dialog on a match list insists on the company\'s consent', async () => {
    await consultant.goto(`/virksomheder/${companyId}`);
    await consultant.getByRole('link', { name: 'Se den og de anbefalede ydelser' }).click();
    const refer = consultant.getByRole('button', { name: /^Henvis til / }).first();
    await refer.waitFor();
    await refer.click();
    const dialog = consultant.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Send henvisning' }).click();
    await dialog.getByText('Skriv en besked til udbyderen.').waitFor();
    await dialog.getByText('Virksomheden skal have givet samtykke, før du kan henvise.').waitFor();
    expect(await dialog.getByLabel('Virksomheden har givet samtykke til henvisningen').isChecked()).toBe(false);
    await screenshot(consultant, 'jr-01b-referral-dialog-invalid');
    await expectAccessible(consultant, 'referral dialog with errors');
    await dialog.getByRole('button', { name: 'Annuller' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('the provider sees incoming referrals with the overdue one marked, and accepts, starts and closes ours', async () => {
    ({ page: providerPage } = await newPage(browser, baseUrl));
    await logIn(providerPage, 'udbyder@demo.samspil.dk', demoPassword);
    await nav(providerPage, 'Indgående henvisninger');
    await providerPage.getByRole('heading', { level: 1, name: 'Indgående henvisninger' }).waitFor();
    const table = providerPage.getByRole('table', { name: 'Indgående henvisninger, åbne først efter svarfrist' });
    const overdueRow = table.getByRole('row').filter({ hasText: overdueCompany });
    await overdueRow.waitFor();
    expect(await overdueRow.innerText()).toContain('Svarfrist overskredet');
    const ours = table.getByRole('row').filter({ hasText: company });
    expect(await ours.innerText()).not.toContain('Svarfrist overskredet');
    await screenshot(providerPage, 'jr-02-provider-incoming');
    await expectAccessible(providerPage, 'incoming referrals');

    // A jump from sendt straight to afsluttet is refused with the allowed next steps named.
    const jump = await apiCall(providerPage, 'POST', `/referrals/${referralId}/status`, { status: 'afsluttet', outcome: 'x' });
    expect(jump.status).toBe(409);
    expect(jump.body.detail).toBe('En henvisning med status sendt kan ikke flyttes til afsluttet. Den kan kun flyttes til modtaget eller afvist.');

    await ours.getByRole('button', { name: `Åbn henvisningen af ${company}` }).click();
    const detail = providerPage.getByRole('region', { name: `${company} – ${offerTitle}` });
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain('CVR-nummer');
    expect(text).toContain('Karin Konsulent, Erhvervskontor Kolding');
    expect(text).toContain('Kontakt produktionschefen.');
    await screenshot(providerPage, 'jr-03-provider-detail');
    await expectAccessible(providerPage, 'incoming referral detail');

    const status = (s: string) => providerPage.getByRole('status').filter({ hasText: `Henvisningen af ${company} er nu ${s}.` }).waitFor();
    await detail.getByRole('button', { name: 'Bekræft modtagelse' }).click();
    await status('modtaget');
    await detail.getByRole('button', { name: 'Igangsæt forløb' }).click();
    await status('igangsat');
    await detail.getByRole('button', { name: 'Afslut forløb' }).click();
    await detail.getByRole('button', { name: 'Afslut', exact: true }).click();
    await detail.getByText('Beskriv resultatet af forløbet.').waitFor();
    expect(await detail.getByLabel('Resultat af forløbet').getAttribute('aria-invalid')).toBe('true');
    await screenshot(providerPage, 'jr-04-provider-close-invalid');
    await expectAccessible(providerPage, 'close referral with an error');
    await detail.getByLabel('Resultat af forløbet').fill(outcome);
    await detail.getByLabel('Virksomhedens tilfredshed').selectOption({ label: '4 – tilfreds' });
    await detail.getByRole('button', { name: 'Afslut', exact: true }).click();
    await status('afsluttet');
    await detail.getByText('Afsluttet', { exact: true }).first().waitFor();
    expect(await detail.getByRole('button', { name: 'Bekræft modtagelse' }).count()).toBe(0);
    await screenshot(providerPage, 'jr-05-provider-closed');
    await expectAccessible(providerPage, 'closed referral');
    expect(pageErrors(providerPage)).toEqual([]);
  });

  it('the consultant sees the outcome and satisfaction on the company timeline', async () => {
    await consultant.goto(`/virksomheder/${companyId}`);
    const title = `Henvisning afsluttet: ${offerTitle} (${provider}) – tilfredshed 4/5 – ${outcome}`;
    await consultant.getByText(title).waitFor();
    await screenshot(consultant, 'jr-06-company-timeline');
    await expectAccessible(consultant, 'company page with the closed referral');
    await consultant.goto('/henvisninger');
    const row = consultant.getByRole('row').filter({ hasText: company });
    await row.getByText('Tilfredshed 4/5').waitFor();
    expect(await row.innerText()).toContain('Afsluttet');
    expect(pageErrors(consultant)).toEqual([]);
  });

  it('runs the reminder job and finds the reminder to the provider in the outbox', async () => {
    const { page: admin } = await newPage(browser, baseUrl);
    await logIn(admin, 'admin@demo.samspil.dk', demoPassword);
    await nav(admin, 'Henvisninger');
    await admin.getByLabel('Henvisninger fra').selectOption({ label: 'Hele partnerskabet' });
    const overdueRow = admin.getByRole('row').filter({ hasText: overdueCompany });
    await overdueRow.getByText('Svarfrist overskredet').waitFor();
    await admin.getByRole('button', { name: 'Send påmindelser nu' }).click();
    // The hourly job does not run under tests: this run sends the one reminder that is due.
    await admin.getByRole('status').filter({ hasText: 'Påmindelser sendt: 1. Eskaleringer sendt: 0.' }).waitFor();
    await screenshot(admin, 'jr-07-admin-referrals');
    await expectAccessible(admin, 'referrals (secretariat view)');

    await admin.getByRole('link', { name: 'Se nøgletal for henvisninger' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Nøgletal for henvisninger' }).waitFor();
    const totals = admin.getByRole('table', { name: 'I alt' });
    await totals.waitFor();
    expect(await totals.innerText()).toMatch(/I alt\s+\d+/);
    await admin.getByRole('table', { name: 'Pr. udbyder' }).getByRole('row').filter({ hasText: provider }).waitFor();
    await admin.getByRole('img', { name: 'Sendte og igangsatte henvisninger pr. udbyder' }).waitFor();
    await screenshot(admin, 'jr-07b-referral-kpis');
    await expectAccessible(admin, 'referral KPIs');

    await nav(admin, 'Udbakke');
    const mail = admin.getByRole('row').filter({ hasText: `Påmindelse: henvisning af ${overdueCompany} venter på svar` });
    await mail.first().waitFor();
    expect(await mail.count()).toBe(1);
    expect(await mail.innerText()).toContain('udbyder@demo.samspil.dk');
    await screenshot(admin, 'jr-08-outbox-reminder');
    expect(pageErrors(admin)).toEqual([]);
  });
});
