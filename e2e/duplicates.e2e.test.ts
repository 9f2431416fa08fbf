import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

const survivor = 'Fredericia Maskinfabrik A/S';
const handMade = 'Fredericia Maskinfabrik';
const note = 'E2E: aftalt besøg om automatisering af svejselinjen, registreret på den håndoprettede virksomhed.';

describe('journey 6: the secretariat merges a hand-created company into the CVR company', () => {
  let browser: Browser;
  let page: Page;
  let mergedUrl = '';
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, baseUrl));
    await logIn(page, 'sekretariat@demo.samspil.dk', demoPassword);
  });
  afterAll(async () => { await browser?.close(); });

  const nav = (name: string) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
  const pairCard = () => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: `${survivor} og ${handMade}`, exact: true }) });

  it('lists the pair side by side with the reasons, the CVR company to be kept', async () => {
    await nav('Dubletter');
    await page.getByRole('heading', { level: 1, name: 'Dubletter' }).waitFor();
    await pairCard().waitFor();
    const text = await pairCard().innerText();
    expect(text).toContain('samme adresse');
    expect(text).toContain('samme telefon');
    expect(text).toContain('Virksomheden med CVR-nummer bevares altid.');
    expect(await pairCard().getByRole('region', { name: survivor, exact: true }).innerText()).toContain('Bevares');
    const merged = await pairCard().getByRole('region', { name: handMade, exact: true }).innerText();
    expect(merged).toContain('Intet CVR-nummer');
    expect(merged).toContain('Lægges sammen og slettes');
    await screenshot(page, 'j6-01-duplicates');
    await expectAccessible(page, 'duplicates page');
  });

  it('logs a contact on the hand-created company first', async () => {
    await pairCard().getByRole('link', { name: handMade, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: handMade, exact: true }).waitFor();
    mergedUrl = new URL(page.url()).pathname;
    await page.getByLabel('Kanal').selectOption({ label: 'Møde' });
    await page.getByLabel('Formål').selectOption({ label: 'Erhvervsudvikling' });
    await page.getByLabel('Noter').fill(note);
    await page.getByRole('button', { name: 'Registrér kontakt', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Kontakten med ${handMade} er registreret` }).waitFor();
  });

  it('merges after a confirmation; the pair leaves the list', async () => {
    await nav('Dubletter');
    await pairCard().waitFor();
    await pairCard().getByRole('button', { name: `Læg sammen: ${handMade} med ${survivor}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Læg virksomhederne sammen?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`${survivor} beholder sit CVR-nummer`);
    await screenshot(page, 'j6-02-confirm');
    await expectAccessible(page, 'duplicates page: merge confirmation');
    await dialog.getByRole('button', { name: 'Ja, læg sammen' }).click();
    const done = page.getByRole('status').filter({ hasText: `${handMade} er lagt sammen med ${survivor}.` });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/\d+ poster er flyttet/);
    await pairCard().waitFor({ state: 'detached' });
    await screenshot(page, 'j6-03-merged');
    await expectAccessible(page, 'duplicates page after a merge');
    await done.getByRole('link', { name: `Gå til ${survivor}` }).click();
  });

  it("shows the merged company's interaction on the survivor's timeline, and its old address leads there", async () => {
    await page.getByRole('heading', { level: 1, name: survivor }).waitFor();
    const survivorUrl = new URL(page.url()).pathname;
    const timeline = page.getByRole('table', { name: `Tidslinje for ${survivor}, nyeste først` });
    const row = timeline.getByRole('row').filter({ hasText: 'Trekantområdets Sekretariat' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: 'Vis detaljer' }).click();
    await row.getByText(note).waitFor();
    await screenshot(page, 'j6-04-survivor-timeline');
    await expectAccessible(page, 'survivor company page');

    await page.goto(mergedUrl);
    await page.waitForURL(`**${survivorUrl}`);
    await page.getByRole('heading', { level: 1, name: survivor }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('merges two contact persons from the hint on the contacts panel', async () => {
    const addForm = page.getByRole('form', { name: 'Tilføj kontaktperson' });
    const contacts = page.getByRole('table', { name: `Kontaktpersoner hos ${survivor}` });
    await addForm.getByLabel('Navn').fill('Jens Kjær');
    await addForm.getByLabel('Arbejdsmail').fill('jens.kjaer@fredericia-maskinfabrik.example');
    await addForm.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
    await page.getByRole('status').filter({ hasText: 'Jens Kjær er tilføjet som kontaktperson.' }).waitFor();
    // The same name spelt without æ: the form warns first, and the person creates it anyway.
    await addForm.getByLabel('Navn').fill('Jens Kjaer');
    await addForm.getByLabel('Stilling').fill('Værkfører');
    await addForm.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
    await page.getByRole('status').filter({ hasText: 'Findes kontaktpersonen allerede?' }).getByRole('button', { name: 'Opret alligevel' }).click();
    await page.getByRole('status').filter({ hasText: 'Jens Kjaer er tilføjet som kontaktperson.' }).waitFor();

    const hint = page.getByRole('status').filter({ hasText: 'Mulige dubletter blandt kontaktpersonerne' });
    await hint.waitFor();
    // Equally complete: the older one is kept.
    await hint.getByRole('button', { name: 'Læg Jens Kjaer sammen med Jens Kjær' }).click();
    await hint.getByRole('button', { name: 'Ja, læg sammen' }).click();
    await page.getByRole('status').filter({ hasText: 'Jens Kjaer er lagt sammen med Jens Kjær.' }).waitFor();
    await expect.poll(() => contacts.getByRole('row').filter({ hasText: /Jens Kj(æ|ae)r/ }).count()).toBe(1);
    expect(await contacts.getByRole('row').filter({ hasText: /Jens Kj/ }).innerText()).toContain('Værkfører');
    await screenshot(page, 'j6-05-contact-merged');
    await expectAccessible(page, 'company page after a contact merge');
    expect(pageErrors(page)).toEqual([]);
  });
});
