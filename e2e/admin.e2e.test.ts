import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

const orgName = 'Fredericia Erhvervsservice (E2E)';
const invitee = { email: 'nina.ny@e2e-fredericia.dk', name: 'Nina Ny' };

describe('journey 2: an administrator sets up an organisation and a user', () => {
  let browser: Browser;
  let admin: Page;
  let invitationToken = '';
  let inviteePage: Page | undefined;
  let inviteeContext: BrowserContext | undefined;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page: admin } = await newPage(browser, baseUrl));
    await logIn(admin, 'admin@demo.samspil.dk', demoPassword);
  });
  afterAll(async () => { await browser?.close(); });

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();

  it('creates an organisation and edits its SSO settings', async () => {
    await nav(admin, 'Organisationer');
    await admin.getByRole('table', { name: 'Organisationer i partnerskabet' }).waitFor();
    await screenshot(admin, 'j2-01-organisations');
    await expectAccessible(admin, 'organisations list');

    await admin.getByRole('link', { name: 'Opret organisation' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Opret organisation' }).waitFor();
    await expectAccessible(admin, 'create organisation');
    await admin.getByLabel('Navn').fill(orgName);
    await admin.getByLabel('Type').selectOption({ label: 'Erhvervskontor' });
    await admin.getByLabel('Kommune').selectOption({ label: 'Fredericia' });
    await admin.getByLabel('E-maildomæner').fill('e2e-fredericia.dk');
    await admin.getByRole('button', { name: 'Opret organisation' }).click();
    await admin.getByRole('heading', { level: 1, name: `Rediger ${orgName}` }).waitFor();
    await admin.getByRole('status').filter({ hasText: 'er oprettet' }).waitFor();

    await admin.getByLabel('Slå log ind via organisationen til').check();
    await admin.getByLabel('Udsteder (issuer-URL)').fill('https://login.e2e-fredericia.dk');
    await admin.getByLabel('Klient-id').fill('samspil');
    await admin.getByLabel('Tekst på log ind-knappen').fill('Fredericia AD');
    await admin.getByRole('button', { name: 'Gem', exact: true }).nth(1).click();
    await admin.getByRole('status').filter({ hasText: 'Ændringerne er gemt' }).waitFor();
    await screenshot(admin, 'j2-02-organisation-edit');
    await expectAccessible(admin, 'edit organisation');
  });

  it('invites a user and finds the invitation in the outbox', async () => {
    await nav(admin, 'Brugere');
    await admin.getByRole('table', { name: 'Brugere' }).waitFor();
    await screenshot(admin, 'j2-03-users');
    await expectAccessible(admin, 'users list');

    await admin.getByRole('link', { name: 'Inviter bruger' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Inviter bruger' }).waitFor();
    await admin.getByLabel('E-mail').fill(invitee.email);
    await admin.getByLabel('Navn').fill(invitee.name);
    await admin.getByLabel('Organisation').selectOption({ label: orgName });
    await admin.getByLabel('Virksomhedskonsulent').check();
    await expectAccessible(admin, 'invite user');
    await admin.getByRole('button', { name: 'Inviter bruger' }).click();
    await admin.getByRole('status').filter({ hasText: `Invitationen er sendt til ${invitee.email}` }).waitFor();

    await nav(admin, 'Udbakke');
    const row = admin.getByRole('row').filter({ hasText: invitee.email }).first();
    await row.waitFor();
    await screenshot(admin, 'j2-04-outbox');
    await expectAccessible(admin, 'outbox');
    await row.getByRole('button', { name: /^Læs/ }).click();
    const body = admin.getByTestId('message-body');
    await body.waitFor();
    const text = await body.innerText();
    const match = /\/invitation\?token=([^\s]+)/.exec(text);
    expect(match, text).not.toBeNull();
    invitationToken = decodeURIComponent(match?.[1] ?? '');
    await screenshot(admin, 'j2-05-outbox-message');
    await expectAccessible(admin, 'outbox message');
  });

  it('the invitee follows the link, chooses a password and lands signed in', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto(`/invitation?token=${encodeURIComponent(invitationToken)}`);
    await page.getByText(`Du er inviteret til ${orgName} som ${invitee.email}.`).waitFor();
    await screenshot(page, 'j2-06-accept-invitation');
    await expectAccessible(page, 'accept invitation');
    await page.getByLabel('Ny adgangskode').fill('Nina vil gerne samarbejde');
    await page.getByLabel('Gentag adgangskoden').fill('Nina vil gerne samarbejde');
    await page.getByRole('button', { name: 'Opret adgang' }).click();
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
    expect(await page.locator('header').innerText()).toContain(`${invitee.name}, ${orgName}`);
    await page.getByRole('heading', { level: 1, name: 'Virksomheder' }).waitFor();
    await screenshot(page, 'j2-07-invitee-signed-in');
    expect(pageErrors(page)).toEqual([]);

    // Deactivating the user (next test) must end this session; keep the page to check.
    inviteePage = page;
    inviteeContext = context;
  });

  it('deactivates the user, which ends their session', async () => {
    await nav(admin, 'Brugere');
    await admin.getByLabel('Søg på navn eller e-mail').fill('Nina');
    await admin.getByRole('button', { name: 'Søg', exact: true }).click();
    const row = admin.getByRole('row').filter({ hasText: invitee.email });
    await row.waitFor();
    await row.getByRole('button', { name: `Deaktiver: ${invitee.name}` }).click();
    await admin.getByRole('status').filter({ hasText: `${invitee.name} er deaktiveret` }).waitFor();
    await row.getByText('Deaktiveret').waitFor();
    await screenshot(admin, 'j2-08-user-deactivated');
    await expectAccessible(admin, 'users list (after deactivation)');

    const page = inviteePage;
    if (!page) throw new Error('the invitee page is missing');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await inviteeContext?.close();
  });

  it('finds the deactivation in the audit log with a readable before/after', async () => {
    await nav(admin, 'Revisionslog');
    await admin.getByRole('table', { name: /Hændelser i revisionsloggen/ }).waitFor();
    await expectAccessible(admin, 'audit log');
    await admin.getByLabel('Handling').fill('user.deactivated');
    await admin.getByRole('button', { name: 'Søg', exact: true }).click();
    await admin.waitForURL(/action=user.deactivated/);
    // The filtered list replaces the unfiltered one: other actions disappear.
    await expect.poll(() => admin.locator('tbody > tr').filter({ hasText: 'user.invited' }).count(), { timeout: 10_000 }).toBe(0);
    const entry = admin.getByRole('row').filter({ hasText: 'user.deactivated' }).first();
    await entry.waitFor();
    const diff = entry.getByRole('table');
    await diff.waitFor();
    const diffText = await diff.innerText();
    expect(diffText).toContain('deactivated');
    await screenshot(admin, 'j2-09-audit');
    await expectAccessible(admin, 'audit log (filtered)');
    expect(pageErrors(admin)).toEqual([]);
  });
});
