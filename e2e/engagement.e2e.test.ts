import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

const company = 'Trekant Stålindustri A/S';
const note = 'E2E fortrolig note: virksomheden overvejer at flytte produktionen til Polen.';

/** A calendar day in Danish time, `days` from today, as the API writes it (YYYY-MM-DD). */
function danishDay(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * 86_400_000));
}
const danishDate = (iso: string) =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe('journey 5: a consultant works the worklist; a confidential note stays in the organisation', () => {
  let browser: Browser;
  let page: Page;
  let companyUrl = '';
  const baseUrl = inject('baseUrl');
  const followUp = danishDay(14);

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, baseUrl));
    await logIn(page, 'konsulent.kolding@demo.samspil.dk', demoPassword);
  });
  afterAll(async () => { await browser?.close(); });

  const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
  const worklistRow = () => page.getByRole('table', { name: 'Arbejdsliste sorteret efter hast' }).getByRole('row').filter({ hasText: company });

  it('logs a visit with a follow-up on an overdue company, which then leaves the overdue list', async () => {
    await nav(page, 'Arbejdsliste');
    await page.getByRole('heading', { level: 1, name: 'Arbejdsliste' }).waitFor();
    await page.getByLabel('Vis virksomheder').selectOption({ label: 'Kun forfaldne' });
    await page.waitForURL(/status=overdue/);
    await worklistRow().waitFor();
    const rowText = await worklistRow().innerText();
    expect(rowText).toContain('Forfalden');
    expect(rowText).toMatch(/\d+ dage over/);
    await screenshot(page, 'j5-01-worklist-overdue');
    await expectAccessible(page, 'worklist');

    await worklistRow().getByRole('button', { name: `Registrér kontakt med ${company}` }).click();
    const formHeading = page.getByRole('heading', { level: 2, name: `Registrér kontakt – ${company}` });
    await formHeading.waitFor();
    expect(await formHeading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Kanal').inputValue()).toBe('phone');
    expect(await page.getByLabel('Dato', { exact: true }).inputValue()).toBe(danishDay(0));

    // A missing purpose is caught in the browser; a date in the future by the server. Both in Danish, at their fields.
    const submit = page.getByRole('button', { name: 'Registrér kontakt', exact: true });
    await submit.click();
    await page.locator('#worklist-interaction-purpose-error').filter({ hasText: 'Vælg formålet med kontakten.' }).waitFor();
    expect(await page.getByLabel('Formål').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Formål').selectOption({ label: 'Rekruttering' });
    await page.getByLabel('Dato', { exact: true }).fill(danishDay(1));
    await submit.click();
    await page.locator('#worklist-interaction-date-error').filter({ hasText: 'Vælg dags dato eller en tidligere dato.' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'fremtiden' }).waitFor();
    expect(await page.getByLabel('Dato', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'j5-02-log-contact-invalid');
    await expectAccessible(page, 'worklist: log contact with an error');
    await page.getByLabel('Dato', { exact: true }).fill(danishDay(0));

    await page.getByLabel('Kanal').selectOption({ label: 'Besøg' });
    await page.getByRole('group', { name: 'Temaer' }).getByLabel('Automatisering og digitalisering').check();
    await page.getByLabel('Noter').fill(note);
    await page.getByLabel('Fortrolig', { exact: true }).check();
    await page.getByLabel('Opfølgningsdato').fill(followUp);
    await submit.click();
    await page.getByRole('status').filter({ hasText: `Kontakten med ${company} er registreret, og en opfølgning er sat til ${danishDate(followUp)}` }).waitFor();
    await worklistRow().waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Arbejdsliste sorteret efter hast' }).waitFor();
    await screenshot(page, 'j5-03-worklist-after-contact');
    await expectAccessible(page, 'worklist after logging a contact');
  });

  it('finds the follow-up in "Mine opgaver" and marks an overdue task done', async () => {
    await nav(page, 'Mine opgaver');
    await page.getByRole('heading', { level: 1, name: 'Mine opgaver' }).waitFor();
    const tasks = page.getByRole('table', { name: 'Mine åbne opgaver' });
    const followUpRow = tasks.getByRole('row').filter({ hasText: `Opfølgning: besøg hos ${company}` });
    await followUpRow.waitFor();
    expect(await followUpRow.innerText()).toContain(danishDate(followUp));
    expect(await followUpRow.innerText()).not.toContain('Forfalden');

    const overdue = tasks.getByRole('row').filter({ hasText: 'Forfalden' });
    const overdueBefore = await overdue.count();
    expect(overdueBefore).toBeGreaterThan(0);
    await screenshot(page, 'j5-04-my-tasks');
    await expectAccessible(page, 'my tasks');

    await overdue.first().getByRole('button', { name: /^Markér som udført: / }).click();
    await page.getByRole('status').filter({ hasText: 'er markeret som udført' }).waitFor();
    await expect.poll(() => overdue.count()).toBe(overdueBefore - 1);
    await expectAccessible(page, 'my tasks after marking one done');

    await followUpRow.getByRole('link', { name: company }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    companyUrl = new URL(page.url()).pathname;
  });

  it('shows the interaction at the top of the company timeline, with its notes for the own organisation', async () => {
    await page.getByRole('heading', { level: 2, name: 'Hvem arbejder med virksomheden' }).waitFor();
    const timeline = page.getByRole('table', { name: `Tidslinje for ${company}, nyeste først` });
    // The newest contact (other journeys may add today's events of other kinds, e.g. an assessment, to this company).
    const first = timeline.getByRole('row').filter({ hasText: 'Kontakt' }).first();
    await first.waitFor();
    const firstText = await first.innerText();
    expect(firstText).toContain(danishDate(danishDay(0)));
    expect(firstText).toContain('Erhvervskontor Kolding');
    expect(firstText).toContain('Fortrolig');
    await first.getByRole('button', { name: 'Vis detaljer' }).click();
    await first.getByText(note).waitFor();
    expect(await first.innerText()).toContain('Rekruttering');

    const whoElse = page.getByRole('table', { name: `Organisationer, der arbejder med ${company}` });
    const ownRow = whoElse.getByRole('row').filter({ hasText: 'Erhvervskontor Kolding' });
    expect(await ownRow.innerText()).toContain(danishDate(danishDay(0)));
    expect(await ownRow.innerText()).toContain('Karin Konsulent');

    // "vis flere" pages further back in time with the server's cursor.
    const countBefore = await timeline.getByRole('row').count();
    const more = page.getByRole('button', { name: 'Vis flere' });
    if (await more.isVisible()) {
      await more.click();
      await expect.poll(() => timeline.getByRole('row').count()).toBeGreaterThan(countBefore);
    }
    await screenshot(page, 'j5-05-company-engagement');
    await expectAccessible(page, 'company page with engagement');
  });

  it('adds a contact person and is warned before creating a likely duplicate', async () => {
    const contacts = page.getByRole('table', { name: `Kontaktpersoner hos ${company}` });
    const addForm = page.getByRole('form', { name: 'Tilføj kontaktperson' });
    async function fillContact() {
      await addForm.getByLabel('Navn').fill('Mette Mikkelsen');
      await addForm.getByLabel('Stilling').fill('HR-chef');
      await addForm.getByLabel('Arbejdsmail').fill('mette.mikkelsen@trekant-staal.example');
      await addForm.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
    }
    await fillContact();
    await page.getByRole('status').filter({ hasText: 'Mette Mikkelsen er tilføjet som kontaktperson.' }).waitFor();
    await contacts.getByRole('row').filter({ hasText: 'Mette Mikkelsen' }).waitFor();

    await fillContact();
    const warning = page.getByRole('status').filter({ hasText: 'Findes kontaktpersonen allerede?' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Mette Mikkelsen, HR-chef');
    await screenshot(page, 'j5-06-contact-duplicate');
    await expectAccessible(page, 'company page: duplicate contact warning');
    await warning.getByRole('button', { name: 'Opret alligevel' }).click();
    await page.getByRole('status').filter({ hasText: 'Mette Mikkelsen er tilføjet som kontaktperson.' }).waitFor();
    await expect.poll(() => contacts.getByRole('row').filter({ hasText: 'Mette Mikkelsen' }).count()).toBe(2);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows a user of another organisation only the fact of the confidential contact (page and API)', async () => {
    const { page: other } = await newPage(browser, baseUrl);
    await logIn(other, 'konsulent.vejle@demo.samspil.dk', demoPassword);
    await other.goto(companyUrl);
    await other.getByRole('heading', { level: 1, name: company }).waitFor();
    const timeline = other.getByRole('table', { name: `Tidslinje for ${company}, nyeste først` });
    const first = timeline.getByRole('row').filter({ hasText: 'Kontakt' }).first();
    await first.waitFor();
    expect(await first.innerText()).toContain('Fortrolig kontakt – kun synlig for Erhvervskontor Kolding');
    expect(await first.getByRole('button', { name: 'Vis detaljer' }).count()).toBe(0);
    expect(await other.locator('main').innerText()).not.toContain(note);
    await screenshot(other, 'j5-07-company-other-organisation');
    await expectAccessible(other, 'company page (another organisation)');

    // Each organisation has its own responsible consultant for the company.
    await other.getByRole('button', { name: 'Gør mig ansvarlig' }).click();
    await other.getByRole('status').filter({ hasText: 'Du er nu ansvarlig konsulent for virksomheden.' }).waitFor();
    const whoElse = other.getByRole('table', { name: `Organisationer, der arbejder med ${company}` });
    await whoElse.getByRole('row').filter({ hasText: 'Erhvervskontor Vejle' }).filter({ hasText: 'Villads Konsulent' }).waitFor();
    expect(await whoElse.getByRole('row').filter({ hasText: 'Erhvervskontor Kolding' }).innerText()).toContain('Karin Konsulent');

    const companyId = companyUrl.split('/').pop() ?? '';
    const [timelineJson, interactionsJson] = await Promise.all([
      other.request.get(`/api/v1/companies/${companyId}/timeline`).then((r) => r.text()),
      other.request.get(`/api/v1/companies/${companyId}/interactions?limit=200`).then((r) => r.text()),
    ]);
    expect(timelineJson).toContain('"redacted":true');
    expect(timelineJson).not.toContain(note);
    expect(interactionsJson).not.toContain(note);
    expect(pageErrors(other)).toEqual([]);
  });

  it('subscribes to "Mine opgaver" as a calendar and can switch the link off again', async () => {
    await nav(page, 'Mine opgaver');
    await page.getByRole('heading', { level: 2, name: 'Kalender' }).waitFor();
    await page.getByRole('button', { name: 'Opret kalender-link' }).click();
    await page.getByRole('status').filter({ hasText: 'Dit nye kalender-link er oprettet.' }).waitFor();
    const url = await page.getByLabel('Dit kalender-link').inputValue();
    expect(url).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    const feedPath = new URL(url).pathname;
    // The feed needs no session: the secret in the URL is the credential (a calendar app has no cookies).
    const feed = await fetch(new URL(feedPath, baseUrl));
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('X-WR-CALNAME:Samspil – Karin Konsulent');
    await screenshot(page, 'j5-08-calendar-link');
    await expectAccessible(page, 'my tasks with a calendar link');

    await page.getByRole('button', { name: 'Slå kalender-link fra' }).click();
    await page.getByRole('status').filter({ hasText: 'Kalender-linket er slået fra' }).waitFor();
    expect((await fetch(new URL(feedPath, baseUrl))).status).toBe(404);
  });
});
