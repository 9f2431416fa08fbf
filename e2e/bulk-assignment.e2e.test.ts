import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDa } from '../common/text';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const organisation = 'Erhvervskontor Kolding';

/** "23 virksomheder matcher filteret" or "1 virksomhed matcher filteret" → the number. */
const matching = (text: string) => Number(/(\d+) virksomhed(?:er)? matcher filteret/.exec(text)?.[1]);

/*
 * This journey reshapes Karin Konsulent's portfolio, which other journeys rely on, so it runs on a server and demo
 * database of its own (seeding the 400 demo companies takes a few seconds).
 */
describe('journey 6: a manager splits the manufacturing companies of Kolding between two consultants', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** Companies the applied preview gave to Kristian Konsulent (from the sample). */
  let kristiansCompanies: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server.baseUrl));
    await logIn(page, 'leder.kolding@demo.samspil.dk', demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const previewHeading = () => page.getByRole('heading', { level: 2, name: 'Forhåndsvisning' });
  const previewText = () => page.getByRole('region', { name: 'Forhåndsvisning' }).innerText();
  const sample = () => page.getByRole('table', { name: /^De første \d+ af \d+ virksomheder i alfabetisk rækkefølge$/ });
  const splitRow = async (name: string) =>
    (await page.getByRole('table', { name: 'Fordeling pr. konsulent' }).getByRole('row').filter({ hasText: name }).locator('td').allInnerTexts()).map(Number);

  it('filters, picks a tier and two consultants, and previews an even split', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Fordel virksomheder', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fordel virksomheder' }).waitFor();
    await page.getByLabel(/^Karin Konsulent/).waitFor();
    await screenshot(page, 'j6-01-bulk-form');
    await expectAccessible(page, 'bulk assignment (form)');

    // A preview with nothing chosen gets Danish messages at the fields.
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nogle felter er ikke udfyldt korrekt.' }).waitFor();
    await page.getByText('Vælg mindst ét filter: kommune, branche, antal ansatte eller navn.').waitFor();
    await page.getByText('Vælg et kontaktniveau og/eller mindst én konsulent.').waitFor();
    await screenshot(page, 'j6-01b-bulk-errors');
    await expectAccessible(page, 'bulk assignment (errors)');

    await page.getByLabel('Kommuner').selectOption({ label: 'Kolding' });
    await page.getByLabel('Branche (DB07-hovedafsnit)').selectOption('C');
    await page.getByLabel('Mindst antal ansatte').fill('10');
    await page.getByLabel('Kontaktniveau', { exact: true }).selectOption({ label: 'intensiv (hver 30. dag)' });
    await page.getByLabel(/^Karin Konsulent/).check();
    await page.getByLabel(/^Kristian Konsulent/).check();
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await previewHeading().waitFor();
    await expect.poll(() => previewHeading().evaluate((el) => el === document.activeElement)).toBe(true);

    const text = await previewText();
    const total = matching(text);
    expect(total).toBeGreaterThanOrEqual(10);
    expect(text).toMatch(/Ansvarlig konsulent: \d+ får en ansvarlig, \d+ skifter konsulent, \d+ beholder deres\./);
    expect(text).toContain('Kontaktniveau "intensiv":');

    // Columns after the name: portfolio now, from this selection, of these new, hands over, portfolio afterwards.
    const karin = await splitRow('Karin Konsulent');
    const kristian = await splitRow('Kristian Konsulent');
    expect(karin[1] + kristian[1]).toBe(total);
    expect(karin[1] - kristian[1]).toBeGreaterThanOrEqual(0); // Karin comes first in Danish order: she takes an odd one
    expect(karin[1] - kristian[1]).toBeLessThanOrEqual(1);
    expect(kristian[0]).toBe(0);
    expect(kristian[4]).toBe(kristian[1]);
    expect(karin[4]).toBe(karin[0] + karin[2] - karin[3]);

    const links = sample().getByRole('link');
    const names = await links.allInnerTexts();
    expect(names.length).toBe(Math.min(total, 25));
    expect(names).toEqual([...names].sort(compareDa));
    await screenshot(page, 'j6-02-bulk-preview');
    await expectAccessible(page, 'bulk assignment (preview)');
  });

  it('refuses to apply a preview whose selection has changed since', async () => {
    const before = matching(await previewText());
    // A colleague registers a new manufacturing company in Kolding between the preview and the apply.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'samspil_csrf')?.value ?? '';
    const created = await page.request.post('/api/v1/companies', {
      headers: { 'x-csrf-token': csrf },
      data: { cvr: '13748136', name: 'Kolding Nyfabrik ApS', municipalityCode: 621, industryCode: '251100', employees: 14 },
    });
    expect(created.status()).toBe(201);

    await page.getByRole('button', { name: 'Anvend', exact: true }).click();
    await page.getByRole('heading', { name: 'Anvend fordelingen?' }).waitFor();
    await page.getByRole('button', { name: 'Ja, anvend fordelingen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Udvalget er ændret – vis forhåndsvisningen igen.' }).waitFor();
    await previewHeading().waitFor({ state: 'detached' });
    await screenshot(page, 'j6-03-bulk-stale');
    await expectAccessible(page, 'bulk assignment (stale preview)');

    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await previewHeading().waitFor();
    expect(matching(await previewText())).toBe(before + 1);
  });

  it('applies the fresh preview after a confirmation and reports the counts', async () => {
    const text = await previewText();
    const total = matching(text);
    const changed = Number(/(\d+) ændres/.exec(text)?.[1]);
    const kristian = await splitRow('Kristian Konsulent');
    const rows = sample().getByRole('row').filter({ hasText: 'Kristian Konsulent' });
    kristiansCompanies = await rows.getByRole('link').allInnerTexts();
    expect(kristiansCompanies.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Anvend', exact: true }).click();
    const confirmHeading = page.getByRole('heading', { name: 'Anvend fordelingen?' });
    await confirmHeading.waitFor();
    await expect.poll(() => confirmHeading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('group', { name: 'Anvend fordelingen?' }).innerText()).toContain(`${changed} virksomheder ændres i ${organisation}`);
    await screenshot(page, 'j6-04-bulk-confirm');
    await expectAccessible(page, 'bulk assignment (confirmation)');

    await page.getByRole('button', { name: 'Ja, anvend fordelingen' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Fordelingen er anvendt' });
    await done.waitFor();
    const message = await done.innerText();
    expect(message).toContain(`${changed} virksomheder er ændret, ${total - changed} var uændrede`);
    expect(message).toContain(`Kristian Konsulent (${kristian[1]})`);
    await previewHeading().waitFor({ state: 'detached' });
    // The form's portfolio counts follow.
    await page.getByLabel(`Kristian Konsulent (${kristian[1]} virksomheder nu)`).waitFor();
    await screenshot(page, 'j6-05-bulk-applied');
    await expectAccessible(page, 'bulk assignment (applied)');

    // The same choices again: nothing left to change.
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await page.getByRole('status').filter({ hasText: 'Fordelingen gælder allerede – der er intet at ændre.' }).waitFor();
    expect(await previewText()).toContain(`${total} virksomheder matcher filteret. 0 ændres, ${total} er uændrede.`);
    expect(await page.getByRole('button', { name: 'Anvend', exact: true }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows the assignment on the consultant\'s worklist and company page', async () => {
    const { page: consultant } = await newPage(browser, server.baseUrl);
    await logIn(consultant, 'konsulent2.kolding@demo.samspil.dk', demoPassword);
    await consultant.goto('/arbejdsliste?status=all');
    const worklist = consultant.getByRole('table', { name: 'Arbejdsliste sorteret efter hast' });
    await worklist.waitFor();
    const company = kristiansCompanies[0];
    expect(company).toBeTruthy();
    const row = worklist.getByRole('row').filter({ has: consultant.getByRole('link', { name: company, exact: true }) });
    await row.waitFor();
    expect(await row.innerText()).toContain('intensiv');
    await screenshot(consultant, 'j6-06-consultant-worklist');
    await expectAccessible(consultant, 'worklist after a bulk assignment');

    await row.getByRole('link', { name: company, exact: true }).click();
    await consultant.getByRole('heading', { level: 1, name: company }).waitFor();
    await consultant.getByText(`Kristian Konsulent er ansvarlig konsulent for ${organisation}.`).waitFor();
    const whoElse = consultant.getByRole('table', { name: `Organisationer, der arbejder med ${company}` });
    await whoElse.getByRole('row').filter({ hasText: organisation }).filter({ hasText: 'Kristian Konsulent' }).waitFor();
    await screenshot(consultant, 'j6-07-consultant-company');
    await expectAccessible(consultant, 'company page after a bulk assignment');
    expect(pageErrors(consultant)).toEqual([]);
  });
});
