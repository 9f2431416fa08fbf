import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentSchoolYear } from '../common/schools';
import { apiCall } from './support/api';
import { expectAccessible } from './support/axe';
import { demoPassword, launchBrowser, logIn, newPage, pageErrors, screenshot } from './support/browser';

interface Assignment { id: string; classId: string; companyId: string; companyName: string; week: number; locked: boolean }
interface Plan { id: string; version: number; status: string; assignments: Assignment[] }
interface OutboxPage { total: number; items: { subject: string; toAddress: string }[] }

describe('journey: a coordinator allocates every 7th-grade class to a host company, explained, and publishes', () => {
  let browser: Browser;
  let page: Page;
  let admin: Page;
  let locked: Assignment;
  let forbidden: Assignment;
  const baseUrl = inject('baseUrl');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-e2e-schools-'));
  const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
  const year = currentSchoolYear();
  const nextYear = `${Number(year.slice(0, 4)) + 1}/${String((Number(year.slice(0, 4)) + 2) % 100).padStart(2, '0')}`;
  const latestPlan = async (): Promise<Plan> => {
    const list = (await apiCall(page, 'GET', `/allocations?schoolYear=${encodeURIComponent(year)}`)).body as { items: { id: string; version: number }[] };
    const newest = [...list.items].sort((a, b) => b.version - a.version)[0];
    return (await apiCall(page, 'GET', `/allocations/${newest.id}`)).body as unknown as Plan;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await newPage(browser, baseUrl));
    ({ page: admin } = await newPage(browser, baseUrl));
    await logIn(page, 'skole@demo.samspil.dk', demoPassword);
    await logIn(admin, 'admin@demo.samspil.dk', demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports classes from CSV: a class of 0 pupils is reported by row, the rest imported after the dry run', async () => {
    const file = path.join(dir, 'klasser.csv');
    fs.writeFileSync(file, [
      'skole;kommune;postnummer;klassetrin;klasse;elever;uger;temaer',
      'Bramdrup Skole;621;6000;7;A;24;10-14;robotter',
      'Bramdrup Skole;621;6000;7;B;0;10-14;',
      'Give Skole;630;7323;7;A;21;11,12;',
    ].join('\r\n'));
    await nav(page, 'Skoler');
    await page.getByRole('link', { name: 'Klasser', exact: true }).first().click();
    await page.getByRole('link', { name: 'Importér klasser' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Importér klasser' }).waitFor();
    await page.locator('#class-import-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByText('3 rækker: 2 er i orden, 1 har fejl.').waitFor();
    const errorRow = page.getByRole('row').filter({ hasText: 'mindst 1 elev' });
    await errorRow.waitFor();
    expect(await errorRow.innerText()).toContain('3');
    await screenshot(page, 'jsch-01-import-dry-run');
    await expectAccessible(page, 'classes import (dry run)');
    await page.getByLabel(/Spring rækkerne med fejl over/).check();
    await page.getByRole('button', { name: 'Importér 2 rækker' }).click();
    await page.getByRole('heading', { name: 'Klasserne er importeret' }).waitFor();
  });

  it('runs the allocation for the whole partnership: every class placed, gap shown, each assignment with its reasons', async () => {
    await page.getByRole('link', { name: 'Fordeling', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Fordeling af klasser' }).waitFor();
    await page.getByRole('button', { name: 'Kør fordelingen' }).click();
    await page.getByText(/Optimal/).first().waitFor({ timeout: 30_000 });
    const plan = await latestPlan();
    expect(plan.status).toBe('draft');
    expect(plan.assignments.length).toBeGreaterThanOrEqual(22);
    const body = await page.locator('main').innerText();
    expect(body).toMatch(/km/);
    expect(body).toMatch(/uge \d+/i);
    await screenshot(page, 'jsch-02-plan');
    await expectAccessible(page, 'allocation plan');
    [locked, forbidden] = plan.assignments.filter((a, i, all) => all.findIndex((b) => b.companyId === a.companyId) === i);
  });

  it('locks one assignment and forbids one pair, re-runs: the lock holds and the pair is avoided', async () => {
    await page.getByRole('button', { name: new RegExp(`^Lås .* hos ${locked.companyName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().click();
    await page.getByText(/er låst til/).waitFor();
    const forbidButton = page.getByRole('button', { name: new RegExp(`^Udeluk .* fra ${forbidden.companyName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
    await forbidButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Udeluk' }).click();
    await page.getByText(/er udelukket fra/).waitFor();
    const constraints = (await apiCall(page, 'GET', '/allocations/constraints')).body as { items: { kind: string; classId: string }[] };
    const lockedClass = constraints.items.find((c) => c.kind === 'lock')!.classId;
    const forbiddenClass = constraints.items.find((c) => c.kind === 'forbid')!.classId;

    await page.getByRole('button', { name: 'Kør fordelingen' }).click();
    await page.getByText(/Version 2|version 2/).first().waitFor({ timeout: 30_000 });
    const plan = await latestPlan();
    expect(plan.version).toBe(2);
    const again = plan.assignments.find((a) => a.classId === lockedClass)!;
    expect(again).toMatchObject({ companyId: locked.companyId, week: locked.week, locked: true });
    expect(plan.assignments.find((a) => a.classId === forbiddenClass)!.companyId).not.toBe(forbidden.companyId);
    await screenshot(page, 'jsch-03-plan-v2');
  });

  it('publishes: the schools and companies get e-mails in the outbox, and calendar files are served', async () => {
    const outboxBefore = ((await apiCall(admin, 'GET', '/admin/outbox?limit=200')).body as unknown as OutboxPage).total;
    await page.getByRole('button', { name: 'Offentliggør' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByText(/er offentliggjort\. \d+ e-mails er lagt i udbakken/).waitFor();
    await screenshot(page, 'jsch-04-published');
    await expectAccessible(page, 'published plan');
    const outbox = (await apiCall(admin, 'GET', '/admin/outbox?limit=200')).body as unknown as OutboxPage;
    expect(outbox.total).toBeGreaterThan(outboxBefore);
    expect(outbox.items.some((m) => /uge/i.test(m.subject))).toBe(true);
    const plan = await latestPlan();
    expect(plan.status).toBe('published');
    const ics = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/allocations/assignments/${id}/calendar.ics`, { credentials: 'same-origin' });
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    }, plan.assignments[0].id);
    expect(ics.status).toBe(200);
    expect(ics.type).toContain('text/calendar');
    expect(ics.text).toContain('BEGIN:VEVENT');
  });

  it('shows municipalities below the target of three agreements clearly, and the share of classes allocated', async () => {
    await page.getByRole('link', { name: 'Aftaler', exact: true }).first().click();
    await page.getByText(/Under målet – mangler \d/).first().waitFor();
    const card = page.getByText(/Under målet – mangler/).first();
    const colour = await card.evaluate((el) => getComputedStyle(el).color);
    expect(colour).not.toBe('rgb(0, 0, 0)');
    expect(await page.locator('main').innerText()).toMatch(/7\. klasser fordelt: \d+ af \d+/);
    await screenshot(page, 'jsch-05-agreements-dashboard');
    await expectAccessible(page, 'agreements dashboard');
  });

  it('after the week, teacher and company evaluate by e-mailed link without logging in; results per host', async () => {
    // Last school year: its weeks are over, so evaluation links can go out.
    const lastYear = `${Number(year.slice(0, 4)) - 1}/${year.slice(2, 4)}`;
    const classes = ['skole;kommune;postnummer;klassetrin;klasse;elever;lærer;lærermail',
      'Bramdrup Skole;621;6000;7;E;22;Eva Evaluering;eva.evaluering@example.dk'].join('\r\n');
    expect((await apiCall(page, 'POST', '/schools/classes/import', { schoolYear: lastYear, content: classes, dryRun: false })).status).toBeLessThan(300);
    const company = ((await apiCall(page, 'GET', '/host-offers')).body as { items: { companyId: string }[] }).items[0].companyId;
    const host = await apiCall(page, 'POST', '/host-offers', {
      companyId: company, schoolYear: lastYear, weeks: [10], classesPerWeek: 1, maxPupils: 28, contactName: 'Vera Vært', contactEmail: 'vera.vaert@example.dk',
    });
    expect(host.status, JSON.stringify(host.body)).toBe(201);
    const plan = await apiCall(page, 'POST', '/allocations/run', { schoolYear: lastYear, municipalityCode: null });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    expect((await apiCall(page, 'POST', `/allocations/${plan.body.id as string}/publish`)).status).toBe(200);
    const sent = await apiCall(page, 'POST', `/allocations/${plan.body.id as string}/evaluations/send`);
    expect(sent.body).toMatchObject({ sent: 2, notEnded: 0 });
    const outbox = (await apiCall(admin, 'GET', '/admin/outbox?limit=50')).body as { items: { toAddress: string; bodyText: string }[] };
    const mail = outbox.items.find((m) => m.toAddress === 'eva.evaluering@example.dk' && m.bodyText.includes('/evaluering/'));
    expect(mail, 'evaluation e-mail to the teacher').toBeDefined();
    const link = /https?:\/\/\S+\/evaluering\/([A-Za-z0-9_-]{43})/.exec(mail!.bodyText)!;

    const { page: visitor, context } = await newPage(browser, baseUrl);
    await visitor.goto(`/evaluering/${link[1]}`);
    await visitor.getByRole('heading', { level: 1, name: 'Evaluering af virksomhedsbesøget' }).waitFor();
    await visitor.getByRole('button', { name: 'Send svar' }).click();
    await visitor.getByText('Vælg en samlet vurdering fra 1 til 5.').first().waitFor();
    await visitor.getByRole('group', { name: 'Hvordan gik ugen samlet set?' }).getByLabel(/^5/).check();
    await visitor.getByLabel('Kommentar').fill('Eleverne var begejstrede for robotcellen.');
    await screenshot(visitor, 'jsch-06-public-evaluation');
    await expectAccessible(visitor, 'public evaluation form');
    await visitor.getByRole('button', { name: 'Send svar' }).click();
    await visitor.getByText('Tak for dit svar').waitFor();
    await screenshot(visitor, 'jsch-07-public-evaluation-thanks');
    expect(pageErrors(visitor)).toEqual([]);
    await context.close();

    const results = await apiCall(page, 'GET', `/allocations/${plan.body.id as string}/evaluations`);
    expect(JSON.stringify(results.body)).toContain('Eleverne var begejstrede for robotcellen.');
  });

  it('refuses a host with no weeks and a run short by 12 classes, clearly, changing nothing', async () => {
    const companies = (await apiCall(page, 'GET', '/host-offers')).body as { items: { companyId: string }[] };
    const noWeeks = await apiCall(page, 'POST', '/host-offers', { companyId: companies.items[0].companyId, schoolYear: nextYear, weeks: [], maxPupils: 28 });
    expect(noWeeks.status).toBe(400);
    expect(JSON.stringify(noWeeks.body)).toContain('Vælg mindst én uge');

    // Next school year: 12 classes and not a single host week yet.
    const csv = ['skole;kommune;postnummer;klassetrin;klasse;elever', ...'ABCDEFGHIJKL'.split('').map((l) => `Bramdrup Skole;621;6000;7;${l};22`)].join('\r\n');
    const dry = await apiCall(page, 'POST', '/schools/classes/import', { schoolYear: nextYear, content: csv, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBeLessThan(300);
    const applied = await apiCall(page, 'POST', '/schools/classes/import', { schoolYear: nextYear, content: csv, dryRun: false });
    expect(applied.status, JSON.stringify(applied.body)).toBeLessThan(300);
    const plansBefore = ((await apiCall(page, 'GET', `/allocations?schoolYear=${encodeURIComponent(nextYear)}`)).body as { items: unknown[] }).items.length;
    const run = await apiCall(page, 'POST', '/allocations/run', { schoolYear: nextYear, municipalityCode: null });
    expect(run.status).toBe(422);
    expect((run.body.shortage as { shortClasses: number }).shortClasses).toBe(12);
    expect(String(run.body.detail)).toMatch(/12/);
    expect(((await apiCall(page, 'GET', `/allocations?schoolYear=${encodeURIComponent(nextYear)}`)).body as { items: unknown[] }).items).toHaveLength(plansBefore);
    expect(pageErrors(page)).toEqual([]);
  });
});
