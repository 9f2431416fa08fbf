import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

/** The "done means" journey: a consultant finds a company despite a typo, reads it, and switches to English. */
describe('journey 1: consultant finds a company (misspelt) and reads it in Danish and English', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, inject('baseUrl')));
  });
  afterAll(async () => { await browser?.close(); });

  it('logs in, searches "Trekan Staalindustri", opens the company, sees its P-units, switches to English', async () => {
    await logIn(page, 'konsulent.kolding@demo.samspil.dk', demoPassword);
    await page.waitForURL('**/virksomheder');
    const header = await page.locator('header').innerText();
    expect(header).toContain('Erhvervskontor Kolding');
    expect(header).toContain('Karin Konsulent');
    await page.getByRole('heading', { level: 1, name: 'Virksomheder' }).waitFor();
    await screenshot(page, 'j1-01-search-start');
    await expectAccessible(page, 'company search (start)');

    await page.getByLabel('Navn, CVR-nummer, P-nummer eller adresse').fill('Trekan Staalindustri');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.waitForURL(/q=Trekan/);
    const hit = page.getByRole('link', { name: 'Trekant Stålindustri A/S' });
    await hit.waitFor();
    expect(await page.locator('#results-heading').innerText()).toMatch(/fundet/);
    await screenshot(page, 'j1-02-search-results');
    await expectAccessible(page, 'company search (results)');

    await hit.click();
    await page.getByRole('heading', { level: 1, name: 'Trekant Stålindustri A/S' }).waitFor();
    const units = page.getByRole('table', { name: /Produktionsenheder for Trekant Stålindustri A\/S/ });
    await units.waitFor();
    expect(await units.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('main').innerText()).toContain('Kolding');
    await screenshot(page, 'j1-03-company');
    await expectAccessible(page, 'company page');

    // Back returns to the same search; forward to the company again.
    await page.goBack();
    await page.getByRole('link', { name: 'Trekant Stålindustri A/S' }).waitFor();
    expect(await page.getByLabel('Navn, CVR-nummer, P-nummer eller adresse').inputValue()).toBe('Trekan Staalindustri');
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Trekant Stålindustri A/S' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Production units (P-units)' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Dansk' }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Companies' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshot(page, 'j1-04-company-english');
    await expectAccessible(page, 'company page (English)');

    // The choice is remembered (browser and account) across a reload.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Production units (P-units)' }).waitFor();
    await page.getByRole('link', { name: /Back to the search/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await page.getByRole('link', { name: 'Trekant Stålindustri A/S' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /compan(y|ies) found/ }).waitFor();
    await screenshot(page, 'j1-05-search-english');
    await expectAccessible(page, 'company search (English)');
    expect(pageErrors(page)).toEqual([]);
  });
});
