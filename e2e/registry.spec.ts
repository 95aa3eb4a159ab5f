import { expect, test, type Page } from '@playwright/test';
import { compareCodes, defaultCodeScheme, describeCodeProblem, explainMatch, exampleCode, interpolate } from '@relais/core';
import { apiOf, enterAsAdmin, ensurePerson, fr, goTo, rootUnitId } from './fixtures.ts';

// Synthetic person (no real data): mother Fatima, father Mohamed, born 1985, female.
const code = 'FAMO1985F';
const nearCode = 'FEMO1985F';

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

async function startRegistration(page: Page) {
  await goTo(page, 'nav.field', 'shell.register');
  await expect(page.getByRole('heading', { level: 1, name: fr['register.title'] })).toBeVisible();
}

function codeInput(page: Page) {
  return page.getByRole('textbox', { name: fr['register.codeLabel'], exact: true });
}

function recordHeading(page: Page, c: string) {
  return page.getByRole('heading', { level: 1, name: interpolate(fr['record.title'], { code: c }) });
}

test.describe.configure({ mode: 'serial' });

test('registry: code first with the helper, then a near-duplicate and an exact code lead to the same record', async ({ page }) => {
  await test.step('the administrator opens the app', async () => {
    await enterAsAdmin(page);
    await expect(page.getByRole('region', { name: fr['nav.field'] }).getByRole('link', { name: fr['shell.register'], exact: true })).toBeVisible();
  });

  await test.step('she builds the code with the helper: the preview shows FAMO1985F', async () => {
    await startRegistration(page);
    await page.getByRole('button', { name: fr['codeHelper.open'] }).click();
    const helper = page.getByRole('region', { name: fr['codeHelper.title'] });
    await helper.getByLabel(capitalise(fr['code_part.mother_first_name']), { exact: true }).fill('Fatima');
    await helper.getByLabel(capitalise(fr['code_part.father_first_name']), { exact: true }).fill('Mohamed');
    await helper.getByLabel(capitalise(fr['code_part.birth_year']), { exact: true }).fill('1985');
    await helper.getByLabel(capitalise(fr['code_part.sex']), { exact: true }).selectOption('F');
    await expect(helper.getByRole('status', { name: fr['codeHelper.preview'] })).toHaveText(code);
    await helper.getByRole('button', { name: fr['codeHelper.use'] }).click();
    // The helper is gone with what was typed in it; only the code remains.
    await expect(helper).toHaveCount(0);
    await expect(codeInput(page)).toHaveValue(code);
    await expect(page.getByText('Fatima')).toHaveCount(0);
  });

  await test.step('the code is new: the form appears, prefilled from the code; she saves and sees the record', async () => {
    await expect(page.getByText(fr['register.noMatch'])).toBeVisible();
    await expect(page.getByLabel(fr['field.birthYear'], { exact: true })).toHaveValue('1985');
    await expect(page.getByLabel(fr['field.sex'], { exact: true })).toHaveValue('F');
    await page.getByLabel(fr['population.PS'], { exact: true }).check();
    await page.getByRole('button', { name: fr['register.submit'], exact: true }).click();
    await expect(recordHeading(page, code)).toBeVisible();
    await expect(page.getByText(fr['record.registered'])).toBeVisible();
    await expect(page.getByRole('region', { name: fr['record.identity'] })).toContainText(fr['population.PS']);
  });

  await test.step('a new registration with FEMO1985F warns of FAMO1985F, explained in words; "same person" opens her record', async () => {
    await startRegistration(page);
    await codeInput(page).fill(nearCode);
    const probable = page.getByRole('region', { name: interpolate(fr['register.probableTitle'], { count: 1 }) });
    await expect(probable).toBeVisible();
    const match = compareCodes(defaultCodeScheme, nearCode, code);
    expect(match).not.toBeNull();
    await expect(probable).toContainText(explainMatch('fr', match?.reasons ?? [], code));
    await expect(page.getByRole('button', { name: fr['register.submit'], exact: true })).toHaveCount(0);
    await probable.getByRole('button', { name: interpolate(fr['register.samePersonAs'], { code }) }).click();
    await expect(recordHeading(page, code)).toBeVisible();
  });

  await test.step('typing the exact code FAMO1985F says she exists already, and opens her record', async () => {
    await startRegistration(page);
    await codeInput(page).fill(code);
    await expect(page.getByText(fr['register.exists'])).toBeVisible();
    await page.getByRole('button', { name: fr['register.openRecord'] }).click();
    await expect(recordHeading(page, code)).toBeVisible();
  });

  await test.step('the registry search finds her', async () => {
    await goTo(page, 'nav.followUp', 'shell.beneficiaries');
    await expect(page.getByRole('heading', { level: 1, name: fr['search.title'] })).toBeVisible();
    await page.getByRole('search').getByLabel(fr['search.code'], { exact: true }).fill('FAMO');
    await page.getByRole('search').getByRole('button', { name: fr['common.search'] }).click();
    await page.getByRole('link', { name: code }).click();
    await expect(recordHeading(page, code)).toBeVisible();
  });
});

test('registry: Arabic letters in the code field say the code is in Latin letters; the builder takes the names in Arabic', async ({ page }) => {
  await enterAsAdmin(page);
  // The person the builder's code leads to, whether or not the test before registered her.
  const api = await apiOf(page);
  await ensurePerson(api, { code, orgUnitId: await rootUnitId(api), birthYear: 1985 });
  await startRegistration(page);

  await test.step('typing فاطمة in the code field: written in Latin letters, with the builder offered', async () => {
    await codeInput(page).fill('فاطمة');
    const message = describeCodeProblem('fr', { code: 'latin_script', example: exampleCode(defaultCodeScheme) });
    await expect(page.getByText(message)).toBeVisible();
    // The old answer, «فا» must be letters, is gone.
    await expect(page.getByText(/doit être en lettres/)).toHaveCount(0);
    await page.getByRole('button', { name: fr['codeHelper.open'] }).first().click();
  });

  await test.step('the builder takes فاطمة and محمد: the letters of Fatima and Mohamed, the code of the person registered before', async () => {
    const helper = page.getByRole('region', { name: fr['codeHelper.title'] });
    const mother = helper.getByLabel(capitalise(fr['code_part.mother_first_name']), { exact: true });
    await expect(mother).toBeFocused();
    await mother.fill('فاطمة');
    await expect(helper.getByText(interpolate(fr['codeHelper.transliterated'], { latin: 'FATIMA', part: 'FA' }))).toBeVisible();
    await helper.getByLabel(capitalise(fr['code_part.father_first_name']), { exact: true }).fill('محمد');
    await expect(helper.getByText(interpolate(fr['codeHelper.transliterated'], { latin: 'MOHAMED', part: 'MO' }))).toBeVisible();
    await helper.getByLabel(capitalise(fr['code_part.birth_year']), { exact: true }).fill('1985');
    await helper.getByLabel(capitalise(fr['code_part.sex']), { exact: true }).selectOption('F');
    await expect(helper.getByRole('status', { name: fr['codeHelper.preview'] })).toHaveText(code);
    await helper.getByRole('button', { name: fr['codeHelper.use'] }).click();
    await expect(codeInput(page)).toHaveValue(code);
    await expect(page.getByText(fr['register.exists'])).toBeVisible();
  });
});
