import { expect, test } from '@playwright/test';
import { interpolate } from '@relais/core';
import { enterAsAdmin, fr, goTo } from './fixtures.ts';

const own = { code: 'mobile_tested_e2e', fr: 'Testées en stratégie mobile', ar: 'مختبرات في الاستراتيجية المتنقلة', en: 'Tested by the mobile strategy' };

test('indicators: the administrator adds her own indicator, finds it in the pivot table, then deletes it', async ({ page }) => {
  await enterAsAdmin(page);
  await goTo(page, 'nav.reports', 'shell.indicators');
  await expect(page.getByRole('heading', { level: 1, name: fr['indicators.title'] })).toBeVisible();
  const table = page.getByRole('table', { name: fr['indicators.list'] });
  await expect(table.getByRole('row').filter({ hasText: fr['indicator.reached'] })).toContainText(fr['indicators.default']);

  const form = page.locator('form').filter({ has: page.getByRole('button', { name: fr['indicators.add'] }) });
  await test.step('a code with spaces and capitals is refused before anything is sent', async () => {
    await form.getByLabel(fr['indicators.code']).fill('Mauvais code');
    await form.getByRole('button', { name: fr['indicators.add'] }).click();
    await expect(form.getByLabel(fr['indicators.code'])).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel(fr['indicators.nameAr'])).toHaveAttribute('aria-invalid', 'true');
  });

  await test.step('she names it in the three languages, counts persons with a mobile HIV test, and adds it', async () => {
    await form.getByLabel(fr['indicators.code']).fill(own.code);
    await form.getByLabel(fr['indicators.nameFr']).fill(own.fr);
    await form.getByLabel(fr['indicators.nameAr']).fill(own.ar);
    await form.getByLabel(fr['indicators.nameEn']).fill(own.en);
    await form.getByRole('group', { name: fr['indicators.services'] }).getByLabel(fr['service.hiv_test'], { exact: true }).check();
    await form.getByRole('group', { name: fr['indicators.strategies'] }).getByLabel(fr['strategy.mobile'], { exact: true }).check();
    await form.getByRole('button', { name: fr['indicators.add'] }).click();
    await expect(page.getByText(fr['indicators.created'])).toBeVisible();
    const row = table.getByRole('row').filter({ hasText: own.fr });
    await expect(row).toContainText(fr['indicators.own']);
    await expect(row).toContainText(fr['indicators.kind.distinct_persons']);
  });

  await test.step('the pivot table offers it under its French name', async () => {
    await goTo(page, 'nav.reports', 'shell.pivot');
    await page.getByRole('button', { name: interpolate(fr['reports.chooseIndicators'], { count: 1 }) }).click();
    await expect(page.getByLabel(own.fr, { exact: true })).toBeVisible();
  });

  await test.step('she deletes it (with a confirmation), and it is gone', async () => {
    await goTo(page, 'nav.reports', 'shell.indicators');
    const row = table.getByRole('row').filter({ hasText: own.fr });
    await row.getByRole('button', { name: fr['indicators.delete'] }).click();
    await row.getByRole('button', { name: interpolate(fr['indicators.confirmDelete'], { name: own.fr }) }).click();
    await expect(page.getByText(fr['indicators.deleted'])).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: own.fr })).toHaveCount(0);
  });
});
