import { expect, test, type Page } from '@playwright/test';
import { enterAsAdmin, fr, ar } from './fixtures.ts';

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

async function setLocale(page: Page, locale: 'fr' | 'ar') {
  const me = await (await page.request.get('/api/v1/auth/me')).json() as { csrfToken: string };
  const res = await page.request.put('/api/v1/auth/locale', { data: { locale }, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.ok()).toBe(true);
}

for (const locale of ['fr', 'ar'] as const) {
  for (const [w, h] of [[1280, 900], [360, 740]] as const) {
    test(`shots ${locale} ${w}`, async ({ page }) => {
      const t = locale === 'fr' ? fr : ar;
      await page.setViewportSize({ width: w, height: h });
      await enterAsAdmin(page);
      await setLocale(page, locale);
      await page.goto('/beneficiaries/new');
      const input = page.getByRole('textbox', { name: t['register.codeLabel'], exact: true });
      await input.fill('فاطمة');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/work/shots/messages/${locale}-${w}-1-arabic-code.png`, fullPage: true });
      await page.getByRole('button', { name: t['codeHelper.open'] }).first().click();
      const helper = page.getByRole('region', { name: t['codeHelper.title'] });
      await helper.getByLabel(capitalise(t['code_part.mother_first_name']), { exact: true }).fill('فاطمة');
      await helper.getByLabel(capitalise(t['code_part.father_first_name']), { exact: true }).fill('محمد');
      await helper.getByLabel(capitalise(t['code_part.birth_year']), { exact: true }).fill('1985');
      await helper.getByLabel(capitalise(t['code_part.sex']), { exact: true }).selectOption('F');
      await page.waitForTimeout(300);
      await helper.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/work/shots/messages/${locale}-${w}-2-builder.png`, fullPage: true });
      await setLocale(page, 'fr');
    });
  }
}
