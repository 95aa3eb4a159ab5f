import { expect, test, type Locator, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { enterAsAdmin, fr, goTo } from './fixtures.ts';

const program = fr['program.prev_ps'];
const title = interpolate(fr['programs.servicesOf'], { program });

test.describe.configure({ mode: 'serial' });

/** Opens the programs page and unfolds the services of prev_ps. */
async function openProgramServices(page: Page) {
  await goTo(page, 'nav.admin', 'shell.programs');
  await expect(page.getByRole('heading', { level: 1, name: fr['programs.title'] })).toBeVisible();
  const toggle = page.getByRole('button', { name: title, exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('form', { name: title })).toBeVisible();
}

function box(form: Locator, column: 'programs.offered' | 'programs.paquetMinimum', service: 'service.lubricant') {
  return form.getByLabel(interpolate(fr['programs.serviceIn'], { column: fr[column], service: fr[service] }), { exact: true });
}

async function save(form: Locator) {
  await form.getByRole('button', { name: interpolate(fr['programs.saveServicesOf'], { program }), exact: true }).click();
  await expect(form.getByText(interpolate(fr['programs.servicesSaved'], { program }))).toBeVisible();
}

// The data directory is shared by every spec: the paquet minimum of prev_ps is put back as it was.
test('programs: the administrator changes the paquet minimum of a program, it is kept, then restored', async ({ page }) => {
  const form = page.getByRole('form', { name: title });
  const wasInPaquet = await test.step('the administrator opens the services of "Prévention PS" on the programs page', async () => {
    await enterAsAdmin(page);
    await openProgramServices(page);
    return box(form, 'programs.paquetMinimum', 'service.lubricant').isChecked();
  });

  await test.step('a service no longer offered leaves the paquet minimum (nothing saved)', async () => {
    await expect(box(form, 'programs.offered', 'service.lubricant')).toBeChecked();
    await box(form, 'programs.paquetMinimum', 'service.lubricant').check();
    await box(form, 'programs.offered', 'service.lubricant').uncheck();
    await expect(box(form, 'programs.paquetMinimum', 'service.lubricant')).not.toBeChecked();
    await expect(box(form, 'programs.paquetMinimum', 'service.lubricant')).toBeDisabled();
    await box(form, 'programs.offered', 'service.lubricant').check();
    await expect(box(form, 'programs.paquetMinimum', 'service.lubricant')).toBeEnabled();
  });

  await test.step('she changes lubricant in the paquet minimum, saves, and finds it so after a reload', async () => {
    await box(form, 'programs.paquetMinimum', 'service.lubricant').setChecked(!wasInPaquet);
    await save(form);
    await page.reload();
    await openProgramServices(page);
    await expect(box(form, 'programs.paquetMinimum', 'service.lubricant')).toBeChecked({ checked: !wasInPaquet });
  });

  await test.step('she puts it back as it was and saves', async () => {
    await box(form, 'programs.paquetMinimum', 'service.lubricant').setChecked(wasInPaquet);
    await save(form);
    await page.reload();
    await openProgramServices(page);
    await expect(box(form, 'programs.paquetMinimum', 'service.lubricant')).toBeChecked({ checked: wasInPaquet });
  });
});
