import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launchBrowser, newPage, pageErrors, screenshot } from './support/browser';

describe('journey 4: pages for signed-out visitors are accessible', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, inject('baseUrl')));
  });
  afterAll(async () => { await browser?.close(); });

  it('sends a signed-out visitor from a protected page to the login page', async () => {
    await page.goto('/virksomheder?q=vejle');
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
  });

  it('login page passes axe, with and without an SSO failure message', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await screenshot(page, 'j4-01-login');
    await expectAccessible(page, 'login page');

    await page.goto('/login?sso=fejl&grund=state_mismatch');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('state_mismatch');
    await expectAccessible(page, 'login page (SSO failed)');
  });

  it('the skip link is the first thing the keyboard reaches and moves to the main content', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til hovedindhold');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('forgot-password page passes axe before and after sending', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Glemt adgangskode?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Glemt adgangskode' }).waitFor();
    await screenshot(page, 'j4-02-forgot');
    await expectAccessible(page, 'forgot-password page');

    await page.getByLabel('E-mail').fill('analytiker@demo.samspil.dk');
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByRole('status').filter({ hasText: 'Hvis adressen findes' }).waitFor();
    await screenshot(page, 'j4-03-forgot-sent');
    await expectAccessible(page, 'forgot-password page (sent)');
  });

  it('reset-password and invitation pages handle bad links and pass axe', async () => {
    await page.goto('/nulstil-adgangskode?token=ugyldig-kode-der-er-lang-nok-til-skemaet');
    await page.getByRole('heading', { level: 1, name: 'Vælg ny adgangskode' }).waitFor();
    await page.getByLabel('Ny adgangskode').fill('kort');
    await page.getByLabel('Gentag adgangskoden').fill('kort');
    await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
    await page.getByText('Adgangskoden skal være mindst 12 tegn.').waitFor();
    await screenshot(page, 'j4-04-reset');
    await expectAccessible(page, 'reset-password page');

    await page.goto('/invitation?token=ugyldig-kode-der-er-lang-nok-til-skemaet');
    await page.getByRole('alert').filter({ hasText: 'Invitationen er ugyldig' }).waitFor();
    await expectAccessible(page, 'invitation page (invalid)');
    expect(pageErrors(page)).toEqual([]);
  });

  it('English is available before signing in and remembered by the browser', async () => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'j4-05-login-english');
    await expectAccessible(page, 'login page (English)');
  });
});
