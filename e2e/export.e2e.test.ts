import fs from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countSheetRows, readCsvExport, readWorkbook } from '../server/http/export-read';
import { massMunicipality, seedMassCompanies } from '../server/test/mass-companies';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const consultant = 'konsulent.kolding@demo.samspil.dk';

/** Opens "Eksportér ▾" and downloads one format; returns the file and how long the download took. */
async function download(page: Page, format: 'CSV' | 'Excel (.xlsx)'): Promise<{ file: Buffer; seconds: number; download: Download }> {
  const menu = page.getByRole('button', { name: 'Eksportér', exact: true });
  if (await menu.getAttribute('aria-expanded') !== 'true') await menu.click();
  const start = Date.now();
  const [event] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('link', { name: format, exact: true }).click(),
  ]);
  const path = await event.path();
  if (!path) throw new Error(`The ${format} download failed: ${await event.failure()}`);
  return { file: fs.readFileSync(path), seconds: (Date.now() - start) / 1000, download: event };
}

describe('journey: a consultant exports the company list', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, baseUrl));
    await logIn(page, consultant, demoPassword);
  });
  afterAll(async () => { await browser?.close(); });

  it('downloads the filtered list as CSV and Excel, each with as many rows as the list says', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Virksomheder', exact: true }).click();
    await page.getByLabel('Kommune').selectOption({ label: 'Fredericia' });
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.waitForURL(/municipality=607/);
    const heading = page.getByRole('heading', { name: /virksomheder fundet$/ });
    await heading.waitFor();
    // The search settles (the URL change and the click may each fetch) before the menu reads its total.
    await page.waitForLoadState('networkidle');
    const listed = Number((await heading.innerText()).replace(/\D/g, ''));
    expect(listed).toBeGreaterThan(25);

    const menu = page.getByRole('button', { name: 'Eksportér', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByText(`Alle ${listed} rækker – ikke kun denne side.`).waitFor();
    await screenshot(page, 'export-01-menu-open');
    await expectAccessible(page, 'company search with the export menu open');
    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

    const csv = await download(page, 'CSV');
    expect(csv.download.suggestedFilename()).toMatch(/^virksomheder-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = await readCsvExport(csv.file);
    expect(rows[0].slice(0, 2)).toEqual(['CVR-nummer', 'Navn']);
    expect(rows.length - 1).toBe(listed);
    expect(rows.slice(1).every((r) => r[7] === 'Fredericia')).toBe(true);

    const xlsx = await download(page, 'Excel (.xlsx)');
    expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(countSheetRows(readWorkbook(xlsx.file).sheetXml) - 1).toBe(listed);
    expect(pageErrors(page)).toEqual([]);
  });

  it('offers the export on the worklist and "Mine opgaver" too', async () => {
    for (const [link, heading] of [['Arbejdsliste', 'Arbejdsliste'], ['Mine opgaver', 'Mine opgaver']]) {
      await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const { file } = await download(page, 'CSV');
      const rows = await readCsvExport(file);
      const count = page.getByRole('heading', { level: 2, name: /^\d+ |^1 / }).first();
      const shown = Number((await count.innerText()).replace(/\D/g, '') || '0');
      expect(rows.length - 1, link).toBe(shown);
    }
    await screenshot(page, 'export-02-tasks');
  });

  it('exports a company\'s timeline and its contacts with notes from the company page', async () => {
    await page.goto('/virksomheder?q=Trekant%20St%C3%A5lindustri');
    await page.getByRole('link', { name: 'Trekant Stålindustri A/S' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Tidslinje' }).waitFor();
    const timeline = page.getByRole('button', { name: 'Eksportér tidslinje', exact: true });
    await timeline.click();
    expect(await timeline.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'CSV', exact: true }).waitFor();
    await screenshot(page, 'export-04-company-timeline');
    await expectAccessible(page, 'company page with the timeline export open');
    const [event] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV', exact: true }).click(),
    ]);
    const rows = await readCsvExport(fs.readFileSync((await event.path())!));
    expect(rows[0]).toEqual(['Tidspunkt', 'Type', 'Organisation', 'Hvad', 'Fortrolig']);
    expect(rows.length).toBeGreaterThan(1);
  });
});

describe('journey: 100,000 companies export in full', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const mass = 100_000;

  beforeAll(async () => {
    server = await startServer({ prepare: (db) => seedMassCompanies(db, mass) });
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server.baseUrl));
    await logIn(page, consultant, demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads all 100,000 rows as CSV and as Excel', async () => {
    await page.goto(`/virksomheder?municipality=${massMunicipality}&sort=name`);
    await page.getByRole('heading', { name: /Mere end 500 virksomheder fundet/ }).waitFor();
    await page.getByRole('button', { name: 'Eksportér', exact: true }).click();
    await page.getByText('Alle rækker, der matcher – ikke kun denne side.').waitFor();
    await screenshot(page, 'export-03-mass-menu');

    const csv = await download(page, 'CSV');
    const rows = await readCsvExport(csv.file);
    expect(rows.length - 1).toBe(mass);
    const xlsx = await download(page, 'Excel (.xlsx)');
    expect(countSheetRows(readWorkbook(xlsx.file).sheetXml) - 1).toBe(mass);
    // Timings for the report (not asserted: performance targets live in bench/export.ts).
    console.info(`[export] 100,000 companies in the browser: CSV ${csv.seconds.toFixed(1)} s (${(csv.file.length / 1e6).toFixed(1)} MB), `
      + `XLSX ${xlsx.seconds.toFixed(1)} s (${(xlsx.file.length / 1e6).toFixed(1)} MB)`);
  });
});
