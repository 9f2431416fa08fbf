import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

/** The journey of engagement.e2e.test.ts logs its own contact with this company; this one leaves it alone. */
const reserved = 'Trekant Stålindustri A/S';
const boundariesImported = fs.existsSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/dk_kommuner.geojson'));

function danishDay(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * 86_400_000));
}
/** "1.234 dækket" → 1234 */
const count = (text: string) => Number(text.replace(/\D/g, ''));

describe('journey 6: a lead sets a target; a consultant raises coverage by contacting an overdue company', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
  const gauge = (p: Page, tier: string) => p.getByRole('region', { name: tier, exact: true });
  const coveredOf = async (p: Page, tier: string) => count(await gauge(p, tier).getByRole('link', { name: / dækket$/ }).innerText());
  const uncoveredOf = async (p: Page, tier: string) => count(await gauge(p, tier).getByRole('link', { name: /^Ikke dækket: / }).innerText());

  it('lets the manager set the target of a tier, refusing a negative one in Danish', async () => {
    const { page } = await newPage(browser, baseUrl);
    await logIn(page, 'leder.kolding@demo.samspil.dk', demoPassword);
    await nav(page, 'Kontaktniveauer');
    await page.getByRole('heading', { level: 1, name: 'Kontaktniveauer og mål' }).waitFor();
    const tiers = page.getByRole('table', { name: 'Organisationens kontaktniveauer' });
    expect(await tiers.getByRole('row').filter({ hasText: 'intensiv' }).innerText()).toContain('Intet mål');

    await page.getByRole('button', { name: 'Rediger intensiv' }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Rediger kontaktniveau – intensiv' });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const target = page.getByLabel('Mål (antal dækkede virksomheder)').first();
    await target.fill('-5');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.locator('#tier-' + (await tierId(page, 'intensiv')) + '-target-error').filter({ hasText: 'Målet kan ikke være negativt.' }).waitFor();
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'j6-01-tier-target-invalid');
    await expectAccessible(page, 'tiers page with an invalid target');

    await target.fill('30');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Kontaktniveauet intensiv er gemt.' }).waitFor();
    await expect.poll(async () => tiers.getByRole('row').filter({ hasText: 'intensiv' }).innerText()).toMatch(/30\s*(Rediger)?$/);
    await screenshot(page, 'j6-02-tier-target-saved');
    await expectAccessible(page, 'tiers page after saving a target');
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows the consultant coverage going up by one after a visit to an overdue company from the worklist', async () => {
    const { page } = await newPage(browser, baseUrl);
    await logIn(page, 'konsulent.kolding@demo.samspil.dk', demoPassword);

    // The worklist's most overdue company (other than the one journey 5 uses) and its tier.
    await nav(page, 'Arbejdsliste');
    await page.getByLabel('Vis virksomheder').selectOption({ label: 'Kun forfaldne' });
    await page.waitForURL(/status=overdue/);
    const rows = page.getByRole('table', { name: 'Arbejdsliste sorteret efter hast' }).getByRole('row').filter({ hasText: 'Forfalden' });
    await rows.first().waitFor();
    const row = rows.filter({ hasNotText: reserved }).first();
    const company = (await row.getByRole('rowheader').innerText()).trim();
    const tier = (await row.getByRole('cell').first().innerText()).trim();
    expect(['intensiv', 'løbende']).toContain(tier);

    await nav(page, 'Dækning');
    await page.getByRole('heading', { level: 1, name: 'Dækning' }).waitFor();
    await gauge(page, tier).waitFor();
    const before = await coveredOf(page, tier);
    const uncoveredBefore = await uncoveredOf(page, tier);
    expect(await gauge(page, 'intensiv').innerText()).toContain('af målet 30');
    await page.getByRole('table', { name: /Dækkede virksomheder pr. måned/ }).waitFor();
    await page.getByRole('img', { name: /Kurve over antal dækkede virksomheder/ }).locator('canvas').waitFor();
    if (boundariesImported) {
      await page.getByRole('img', { name: /Kort over partnerskabets kommuner/ }).locator('canvas').waitFor();
    } else {
      await page.getByText('Kortet mangler kommunegrænser').waitFor();
    }
    const municipalities = page.getByRole('table', { name: /Dækning pr. kommune/ });
    expect(await municipalities.getByRole('rowheader', { name: 'Kolding' }).count()).toBe(1);
    await page.waitForTimeout(300); // let the charts finish drawing before the picture
    await screenshot(page, 'j6-03-coverage-dashboard');
    await expectAccessible(page, 'coverage dashboard');

    // Log a visit with a follow-up on that company from the worklist.
    await nav(page, 'Arbejdsliste');
    await page.getByLabel('Vis virksomheder').selectOption({ label: 'Kun forfaldne' });
    const target = page.getByRole('table', { name: 'Arbejdsliste sorteret efter hast' }).getByRole('row').filter({ hasText: company });
    await target.getByRole('button', { name: `Registrér kontakt med ${company}` }).click();
    await page.getByRole('heading', { level: 2, name: `Registrér kontakt – ${company}` }).waitFor();
    await page.getByLabel('Kanal').selectOption({ label: 'Besøg' });
    await page.getByLabel('Formål').selectOption({ label: 'Fastholdelse' });
    await page.getByLabel('Opfølgningsdato').fill(danishDay(30));
    await page.getByRole('button', { name: 'Registrér kontakt', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Kontakten med ${company} er registreret` }).waitFor();
    await target.waitFor({ state: 'detached' });

    await nav(page, 'Dækning');
    await gauge(page, tier).waitFor();
    expect(await coveredOf(page, tier)).toBe(before + 1);
    expect(await uncoveredOf(page, tier)).toBe(uncoveredBefore - 1);
    await screenshot(page, 'j6-04-coverage-after-visit');

    // One click from the figure to the companies behind it: the company is now among the covered ones.
    await gauge(page, tier).getByRole('link', { name: /^Ikke dækket: / }).click();
    await page.getByRole('heading', { level: 1, name: 'Virksomheder bag dækningstallet' }).waitFor();
    await page.getByText(`${uncoveredBefore - 1} virksomheder`).or(page.getByText('1 virksomhed', { exact: true })).first().waitFor();
    const list = page.getByRole('table', { name: 'Virksomheder i alfabetisk orden' });
    await list.waitFor();
    expect(await list.getByRole('row').filter({ hasText: company }).count()).toBe(0);
    await page.getByLabel('Vis', { exact: true }).selectOption({ label: 'Dækket' });
    await page.waitForURL(/covered=true/);
    await page.getByText(`${before + 1} virksomheder`).waitFor();
    await screenshot(page, 'j6-05-coverage-companies');
    await expectAccessible(page, 'companies behind a coverage figure');
    expect(pageErrors(page)).toEqual([]);
  });

  it('lets the analyst of the secretariat choose Erhvervskontor Kolding and see its figures, without the companies', async () => {
    const { page } = await newPage(browser, baseUrl);
    await logIn(page, 'analytiker@demo.samspil.dk', demoPassword);
    await nav(page, 'Dækning');
    await page.getByRole('heading', { level: 1, name: 'Dækning' }).waitFor();
    // The secretariat has no tiers: the first organisation with tiers in Danish order is shown until one is chosen.
    const choice = page.getByLabel('Organisation', { exact: true });
    await choice.waitFor();
    expect(await choice.locator('option:checked').innerText()).toBe('Erhvervskontor Billund');
    await choice.selectOption({ label: 'Erhvervskontor Kolding' });
    await page.waitForURL(/organisation=/);
    await page.getByText(/^Kontaktdækning for Erhvervskontor Kolding mod/).waitFor();
    await gauge(page, 'intensiv').waitFor();
    expect(await gauge(page, 'intensiv').innerText()).toContain('af målet 30');
    expect(await gauge(page, 'løbende').innerText()).toMatch(/\d+ dækket/);
    // Aggregates only: the figures are not links to the companies behind them.
    expect(await gauge(page, 'intensiv').getByRole('link').count()).toBe(0);
    expect(await page.getByRole('table', { name: /Dækning pr. ansvarlig konsulent/ }).getByRole('rowheader', { name: 'Karin Konsulent' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Eksportér tallene' }).click();
    const csvLink = page.getByRole('link', { name: 'CSV', exact: true });
    await csvLink.waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'j6-06-analyst-chooses-kolding');
    await expectAccessible(page, 'coverage of another organisation with the export menu open');
    const file = await page.request.get(await csvLink.getAttribute('href') ?? '');
    expect(file.status()).toBe(200);
    const text = (await file.body()).toString('utf8');
    expect(text.split('\r\n')[1]).toMatch(/^\uFEFF?Erhvervskontor Kolding;Kontaktniveau;intensiv;/);
    expect(text).toContain('Karin Konsulent');
    expect(pageErrors(page)).toEqual([]);
  });
});

/** The id of a tier, read from the API with the page's session (the form's field ids carry it). */
async function tierId(page: Page, name: string): Promise<string> {
  const response = await page.request.get('/api/v1/engagement/tiers');
  const body = await response.json() as { items: { id: string; name: string }[] };
  return body.items.find((t) => t.name === name)?.id ?? '';
}
