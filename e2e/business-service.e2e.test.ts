import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

const company = 'Trekant Stålindustri A/S';
const challenge = 'E2E: Svejsningen af standardemner er flaskehalsen; vi vil have en robotcelle i drift inden sommer.';

describe('journey: a consultant records a needs assessment and sees ranked offers with reasons', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, baseUrl));
    await logIn(page, 'konsulent.kolding@demo.samspil.dk', demoPassword);
    // Another journey may have left Karin's saved language at English: this one reads the Danish pages.
    await page.getByRole('button', { name: 'Dansk', exact: true }).click();
  });
  afterAll(async () => { await browser?.close(); });

  const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
  const theme = (name: string) => page.getByRole('group', { name, exact: true });

  it('finds the offer catalogue and filters it by theme', async () => {
    await nav(page, 'Ydelser');
    await page.getByRole('heading', { level: 1, name: 'Ydelser' }).waitFor();
    await page.getByLabel('Tema').selectOption({ label: 'Automatisering og digitalisering' });
    await page.waitForURL(/tema=automation_digitalisation/);
    const table = page.getByRole('table', { name: 'Ydelser sorteret efter titel' });
    // The filtered list replaces the whole catalogue: an export offer leaves, the automation offers stay.
    await table.getByRole('link', { name: 'Eksportstart – vejen til nye markeder' }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: 'Automatiseringstjek – robotter i produktionen' }).waitFor();
    expect(await page.getByRole('heading', { name: /ydelser fundet/ }).innerText()).toMatch(/^\d+ ydelser fundet$/);
    await screenshot(page, 'bs-01-catalogue');
    await expectAccessible(page, 'offer catalogue');
  });

  it('records an assessment after a visit with a priority 0–5 per theme', async () => {
    await nav(page, 'Virksomheder');
    await page.getByLabel('Navn, CVR-nummer, P-nummer eller adresse').fill(company);
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.getByRole('link', { name: company }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    // The demo has two earlier assessments: the panel shows the latest and how the needs moved (automation 3 → 5).
    const panel = page.getByRole('region', { name: 'Behovsafdækning' });
    const changes = panel.getByRole('table', { name: /Sådan har behovene hos Trekant Stålindustri A\/S ændret sig/ });
    await changes.waitFor();
    expect(await changes.getByRole('row', { name: /Automatisering og digitalisering/ }).innerText()).toMatch(/3\s+5\s+steget 2/);

    await panel.getByRole('link', { name: 'Ny behovsafdækning' }).click();
    await page.getByRole('heading', { level: 1, name: `Ny behovsafdækning – ${company}` }).waitFor();
    await page.getByLabel('Deltagere').fill('Direktør Henrik Sørensen\nProduktionschef Mette Lund');
    await theme('Automatisering og digitalisering').getByLabel('5 – meget stort behov').check();
    await theme('Produktion og lean').getByLabel('4 – stort behov').check();
    await theme('Grøn omstilling').getByLabel('4 – stort behov').check();
    await theme('Kompetencer og rekruttering').getByLabel('2 – nogen behov').check();
    await theme('Eksport').getByLabel('1 – lille behov').check();

    // Submitting without the challenge is refused in Danish at the field.
    await page.getByRole('button', { name: 'Gem og se anbefalede ydelser' }).click();
    await page.locator('#assessment-challenge-error').filter({ hasText: 'Beskriv udfordringen med virksomhedens egne ord.' }).waitFor();
    expect(await page.getByLabel('Udfordringen med virksomhedens egne ord').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Udfordringen med virksomhedens egne ord').fill(challenge);
    await page.getByLabel('Vækstambition').fill('60 medarbejdere om tre år.');
    await page.getByRole('group', { name: 'Segment' }).getByLabel('Vækstvirksomhed').check();
    await page.getByLabel('Omsætning (valgfri)').fill('38000000');
    await page.getByLabel('Aftalte næste skridt').fill('Henvise til automatiseringstjek.');
    await page.getByLabel('Virksomheden giver samtykke til, at behovsafdækningen deles med partnerne').check();
    await screenshot(page, 'bs-02-assessment-form');
    await expectAccessible(page, 'needs assessment form');
    await page.getByRole('button', { name: 'Gem og se anbefalede ydelser' }).click();
    await page.getByRole('heading', { level: 1, name: `Behovsafdækning – ${company}` }).waitFor();
  });

  it('sees the offers ranked with reasons, the excluded ones apart with their rule', async () => {
    await page.getByRole('status').filter({ hasText: `Behovsafdækningen af ${company} er gemt.` }).waitFor();
    const list = page.getByRole('list', { name: 'Anbefalede ydelser, bedste først' });
    await list.waitFor();
    const first = list.getByRole('listitem').first();
    const firstText = await first.innerText();
    expect(firstText).toContain('tema automatisering og digitalisering, prioritet 5');
    expect(firstText).toMatch(/\d+(,\d)? point/);
    expect(firstText).toContain('45 ansatte');
    const automation = list.getByRole('article', { name: /Automatiseringstjek – robotter i produktionen/ });
    const reasons = await automation.getByRole('list', { name: /Begrundelser/ }).getByRole('listitem').allInnerTexts();
    expect(reasons).toEqual(expect.arrayContaining([
      'tema automatisering og digitalisering, prioritet 5', 'tema produktion og lean, prioritet 4', '45 ansatte, inden for 10–249',
      'branche 25.11.00 (C) er omfattet', 'Kolding Kommune er omfattet',
    ]));
    expect(reasons.some((r) => r.startsWith('ledig kapacitet i kvartalet'))).toBe(true);
    await screenshot(page, 'bs-03-matches');
    await expectAccessible(page, 'assessment with ranked offers');

    const excluded = page.locator('details').filter({ hasText: /Ikke relevante ydelser \(\d+\)/ });
    expect(await excluded.getAttribute('open')).toBeNull();
    await excluded.locator('summary').click();
    const robotics = excluded.getByRole('listitem').filter({ hasText: 'Avanceret robotik for storindustrien' }).first();
    expect(await robotics.innerText()).toContain('45 ansatte, uden for mindst 250');
    expect(await excluded.innerText()).not.toContain('Ledelse af digital omstilling');
    await screenshot(page, 'bs-04-excluded');
    await expectAccessible(page, 'excluded offers opened');

    // "Henvis" opens the referral dialog for that offer; with a message and the company's consent it is sent
    // (the provider's side of the referral is the referrals journey's).
    await automation.getByRole('button', { name: 'Henvis til Automatiseringstjek – robotter i produktionen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Henvis til Automatiseringstjek – robotter i produktionen' });
    await dialog.waitFor();
    await dialog.getByLabel('Besked til udbyderen').fill('Vil gerne have en robotcelle til svejsning. Kontakt produktionschefen.');
    await dialog.getByLabel('Virksomheden har givet samtykke til henvisningen').check();
    await screenshot(page, 'bs-05-refer-dialog');
    await expectAccessible(page, 'referral dialog filled in');
    await dialog.getByRole('button', { name: 'Send henvisning' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Henvisningen til Automatiseringstjek – robotter i produktionen er sendt.').waitFor();
    await screenshot(page, 'bs-05b-referred');
  });

  it('shows the new assessment on the company page and how the needs changed', async () => {
    await page.getByRole('link', { name: `Tilbage til ${company}` }).click();
    const panel = page.getByRole('region', { name: 'Behovsafdækning' });
    const changes = panel.getByRole('table', { name: /ændret sig/ });
    await changes.waitFor();
    expect(await changes.getByRole('row', { name: /Grøn omstilling/ }).innerText()).toMatch(/3\s+4\s+steget 1/);
    expect(await changes.getByRole('row', { name: /Kompetencer og rekruttering/ }).innerText()).toMatch(/3\s+2\s+faldet 1/);
    expect(await panel.innerText()).toContain(challenge);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'bs-06-company-panel');
    await expectAccessible(page, 'company page with assessment panel');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('journey: a provider keeps its own offer in the catalogue', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const title = 'E2E Cobot-kursus for operatører';

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, baseUrl));
    await logIn(page, 'udbyder@demo.samspil.dk', demoPassword);
    await page.getByRole('button', { name: 'Dansk', exact: true }).click();
  });
  afterAll(async () => { await browser?.close(); });

  it('refuses an employee range with the minimum above the maximum, then publishes the corrected offer', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Ydelser', exact: true }).click();
    await page.getByRole('link', { name: 'Opret ydelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opret ydelse' }).waitFor();
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Beskrivelse').fill('Tre dage med en samarbejdende robot på eget værksted.');
    await page.getByRole('group', { name: 'Temaer' }).getByLabel('Automatisering og digitalisering').check();
    await page.getByLabel('Mindste antal ansatte').fill('250');
    await page.getByLabel('Højeste antal ansatte').fill('10');
    await page.getByLabel('Kapacitet pr. kvartal').fill('6');
    await page.getByRole('button', { name: 'Opret ydelse' }).click();
    await page.locator('#offer-minEmployees-error').filter({ hasText: 'Mindste antal ansatte kan ikke være større end højeste.' }).waitFor();
    expect(await page.getByLabel('Mindste antal ansatte').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'bs-07-offer-invalid');
    await expectAccessible(page, 'offer form with an error');

    await page.getByLabel('Højeste antal ansatte').fill('499');
    await page.getByRole('button', { name: 'Opret ydelse' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const facts = await page.getByRole('region', { name: 'Målgruppe og vilkår' }).innerText();
    expect(facts).toContain('250–499');
    expect(facts).toContain('Teknologisk Institut, Kolding');
    expect(facts).toContain('6 virksomheder');
    await screenshot(page, 'bs-08-offer-detail');
    await expectAccessible(page, 'offer detail');
    expect(pageErrors(page)).toEqual([]);
  });
});
