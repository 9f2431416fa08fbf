import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

/** A calendar day in Danish time, `days` from today (YYYY-MM-DD). */
function danishDay(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * 86_400_000));
}
const danishDate = (iso: string) =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const note = 'E2E-import: drøftede lærlinge og en ny svejserobot.';

describe('journey: a manager imports contacts from another CRM, with a bad row caught before anything is saved', () => {
  let browser: Browser;
  let page: Page;
  let company: { id: string; name: string; cvr: string };
  const baseUrl = inject('baseUrl');
  const contactDay = danishDay(-2);

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, baseUrl));
    await logIn(page, 'leder.kolding@demo.samspil.dk', demoPassword);
    // A demo company no other journey writes to.
    const list = await (await page.request.get('/api/v1/companies?sort=name&limit=50')).json() as { items: { id: string; name: string; cvr: string | null }[] };
    const pick = list.items.filter((c) => c.cvr && !c.name.startsWith('Trekant'))[17];
    company = { id: pick.id, name: pick.name, cvr: pick.cvr as string };
  });
  afterAll(async () => { await browser?.close(); });

  /** Holds a request back a moment, so the progress the page shows while the server works can be seen. */
  async function slowDown(method: string, pattern: RegExp, ms: number) {
    await page.route(pattern, async (route) => {
      if (route.request().method() === method) await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    });
  }

  it('uploads a CSV, maps its columns and sees the bad row with a Danish message before anything is written', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Importér fra et andet CRM-system' }).waitFor();
    await screenshot(page, 'import-01-choose-file');
    await expectAccessible(page, 'import: choose file');

    // Danish Excel's CSV: semicolons, Windows-1252, Danish header names; the second row has an unknown channel.
    const csv = `CVR-nr;Dato;Kontaktform;Formål;Notat;Fortrolig;Ekstern id\r\n${company.cvr};${dmy(contactDay)};Besøg;Rekruttering;${note};nej;GAMMEL-1\r\n`
      + `${company.cvr};${dmy(danishDay(-1))};Telefax;Fastholdelse;Sendt en fax;nej;GAMMEL-2\r\n`;
    await page.getByLabel('Kontakter med virksomheder (besøg, opkald, møder …)').check();
    await page.getByLabel('CSV-fil').setInputFiles({ name: 'gammelt-crm.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
    await page.getByRole('button', { name: 'Upload og fortsæt' }).click();

    await page.getByRole('heading', { level: 2, name: 'Vælg, hvilke kolonner der er hvad' }).waitFor();
    expect(await page.getByLabel('CVR-nummer (CVR eller P-nummer)').inputValue()).toBe('CVR-nr');
    expect(await page.getByLabel('Formål (skal vælges)').inputValue()).toBe('Formål');
    expect(await page.getByLabel('Ekstern id').inputValue()).toBe('Ekstern id');
    expect(await page.getByRole('table', { name: 'De første rækker i filen' }).innerText()).toContain(note);
    await screenshot(page, 'import-02-mapping');
    await expectAccessible(page, 'import: mapping');

    await slowDown('PUT', /\/api\/v1\/engagement\/imports\/[^/]+\/mapping$/, 1200);
    await page.getByRole('button', { name: 'Kontrollér rækkerne' }).click();
    const checking = page.getByRole('progressbar');
    await checking.waitFor();
    expect(await checking.getAttribute('aria-valuemax')).toBe('2');
    expect(await checking.getAttribute('aria-valuenow')).toBe('0');
    await screenshot(page, 'import-03-checking');
    await expectAccessible(page, 'import: checking');

    await page.getByRole('heading', { level: 2, name: 'Resultat af kontrollen' }).waitFor();
    const errors = page.getByRole('table', { name: /^Fejl pr. række/ });
    const bad = errors.getByRole('row').filter({ hasText: 'Kontaktform' });
    await bad.waitFor();
    expect(await bad.innerText()).toContain('Ukendt kontaktform «Telefax». Brug besøg, telefon, møde, e-mail eller arrangement.');
    expect(await bad.getByRole('rowheader').innerText()).toBe('3');
    const sample = page.getByRole('table', { name: 'De første gyldige rækker, som de bliver importeret' });
    expect(await sample.innerText()).toContain(company.name);
    // Nothing is saved before the confirmation.
    const before = await (await page.request.get(`/api/v1/companies/${company.id}/interactions`)).json() as { items: { notes: string | null }[] };
    expect(before.items.map((i) => i.notes)).not.toContain(note);
    await screenshot(page, 'import-04-preview-with-error');
    await expectAccessible(page, 'import: preview with a row error');
  });

  it('confirms, sees the progress and the summary, then finds the interaction on the company timeline', async () => {
    await slowDown('POST', /\/api\/v1\/engagement\/imports\/[^/]+\/apply$/, 1200);
    await page.getByRole('button', { name: 'Importér 1 række' }).click();
    const progress = page.getByRole('progressbar');
    await progress.waitFor();
    expect(await progress.getAttribute('aria-valuemax')).toBe('1');
    await screenshot(page, 'import-05-importing');
    await expectAccessible(page, 'import: importing');

    await page.getByRole('heading', { level: 2, name: 'Importen er gennemført' }).waitFor();
    const summary = page.getByRole('status').filter({ hasText: 'Kontakter oprettet: 1. Opdateret: 0.' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Rækker med fejl, som ikke blev importeret: 1.');
    await screenshot(page, 'import-06-done');
    await expectAccessible(page, 'import: done');

    await page.goto(`/virksomheder/${company.id}`);
    await page.getByRole('heading', { level: 1, name: company.name }).waitFor();
    const timeline = page.getByRole('table', { name: `Tidslinje for ${company.name}, nyeste først` });
    const row = timeline.getByRole('row').filter({ hasText: danishDate(contactDay) }).filter({ hasText: 'Erhvervskontor Kolding' });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain('Besøg');
    await row.first().getByRole('button', { name: 'Vis detaljer' }).click();
    await row.first().getByText(note).waitFor();
    expect(await row.first().innerText()).toContain('Lone Leder');
    await screenshot(page, 'import-07-company-timeline');
    await expectAccessible(page, 'company page after the import');
    expect(pageErrors(page)).toEqual([]);
  });
});
