import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launchBrowser, newPage, screenshot } from './support/browser';

describe('journey 3: too many wrong passwords lock the account', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, inject('baseUrl')));
  });
  afterAll(async () => { await browser?.close(); });

  it('shows "wrong password" nine times and the Danish lockout message on the tenth', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('analytiker@demo.samspil.dk');
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      await page.getByLabel('Adgangskode', { exact: true }).fill(`forkert-adgangskode-${attempt}`);
      const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByRole('button', { name: 'Log ind', exact: true }).click();
      statuses.push((await response).status());
      await page.getByRole('button', { name: 'Log ind', exact: true }).waitFor();
      await page.getByRole('alert').waitFor();
    }
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses[9]).toBe(423);
    const message = await page.getByRole('alert').innerText();
    expect(message).toMatch(/Kontoen er låst/);
    expect(page.url()).toMatch(/\/login$/);
    await screenshot(page, 'j3-01-locked');
    await expectAccessible(page, 'login page (locked)');

    // Even the right password is refused while the lock lasts.
    await page.getByLabel('Adgangskode', { exact: true }).fill('Samspil-demo-2026');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    expect((await response).status()).toBe(423);
  });
});
