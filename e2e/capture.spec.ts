import { expect, test, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { admin, apiOf, enterAsAdmin, ensurePerson, ensureUnit, fr, goTo, type Api } from './fixtures.ts';

// Synthetic person (no real data), a code no other spec uses.
const code = 'NAKA1990F';
const section = { code: 'CAPT', name: 'Section Capture' };

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const thisMonth = today.slice(0, 7);

/** The section and the person of this spec, made through the API when missing (a test never relies on another). */
async function ensureCaptureData(api: Api): Promise<{ sectionId: string; personId: string }> {
  const sectionId = await ensureUnit(api, { code: section.code, name: section.name, level: 'section' });
  const { id: personId } = await ensurePerson(api, { code, orgUnitId: sectionId, registeredOn: today, birthYear: 1990 });
  return { sectionId, personId };
}

function serviceRow(page: Page, n: number) {
  return page.getByRole('group', { name: interpolate(fr['capture.rowLegend'], { n }), exact: true });
}

test.describe.configure({ mode: 'serial' });

test('capture: a contact with two services, "save and add" keeps the person, her history, the month’s verification', async ({ page }) => {
  let sectionId = '';
  let personId = '';

  await test.step('the administrator creates a section and a person registered there', async () => {
    await enterAsAdmin(page);
    await expect(page.getByRole('region', { name: fr['nav.field'] }).getByRole('link', { name: fr['shell.recordContact'], exact: true })).toBeVisible();
    ({ sectionId, personId } = await ensureCaptureData(await apiOf(page)));
  });

  await test.step('she opens the service capture', async () => {
    await page.reload(); // the header context and the unit lists know the new section
    await goTo(page, 'nav.field', 'shell.recordContact');
    await expect(page.getByRole('heading', { level: 1, name: fr['capture.title'] })).toBeVisible();
  });

  const form = () => page.getByRole('form', { name: `${fr['capture.contactTitle']} ${code}` });

  await test.step('she types the code: the person is found and the contact form opens, dated today; she picks the section', async () => {
    await page.getByRole('textbox', { name: fr['register.codeLabel'], exact: true }).fill(code);
    await expect(form()).toBeVisible();
    await expect(form().getByLabel(fr['field.date'], { exact: true })).toHaveValue(today);
    await form().getByLabel(fr['capture.unit'], { exact: true }).selectOption(sectionId);
    await form().getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
  });

  await test.step('condoms (20) and an HIV test (negative, mobile): only the fields each service takes appear', async () => {
    const first = serviceRow(page, 1);
    await first.getByLabel(fr['field.service'], { exact: true }).selectOption({ label: fr['service.condoms'] });
    await expect(first.getByLabel(fr['field.result'])).toHaveCount(0);
    await first.getByLabel(fr['field.quantity'], { exact: true }).fill('20');

    await form().getByRole('button', { name: fr['capture.addRow'] }).click();
    const second = serviceRow(page, 2);
    await second.getByLabel(fr['field.service'], { exact: true }).selectOption({ label: fr['service.hiv_test'] });
    await expect(second.getByLabel(fr['field.quantity'], { exact: true })).toHaveCount(0);
    await second.getByLabel(fr['result.negative'], { exact: true }).check();
    await second.getByLabel(fr['strategy.mobile'], { exact: true }).check();

    // The paquet minimum of the program is not complete: a warning, not a block.
    const missing = [fr['service.outreach_contact'], fr['service.iec_session']].join(', ');
    await expect(form().getByText(interpolate(fr['capture.paquetMissing'], { services: missing }))).toBeVisible();
  });

  let registerNo = '';
  await test.step('"save and add a service for this person": saved, confirmed with the register number, the person kept', async () => {
    await form().getByRole('button', { name: fr['capture.saveAddService'], exact: true }).click();
    const confirmation = page.getByRole('status').filter({ hasText: fr['service.hiv_test'] });
    await expect(confirmation).toContainText(fr['service.condoms']);
    await expect(confirmation).toContainText(interpolate(fr['capture.quantityValue'], { n: 20 }));

    const api = await apiOf(page);
    const services = await api.get<{ items: { service: string; registerNo: number | null; registerYear: number | null }[] }>(`/services?beneficiaryId=${personId}`);
    const hivTest = services.items.find((s) => s.service === 'hiv_test');
    expect(hivTest?.registerNo).toBeGreaterThan(0);
    registerNo = interpolate(fr['capture.registerNoValue'], { no: hivTest?.registerNo ?? 0, year: hivTest?.registerYear ?? 0 });
    await expect(confirmation).toContainText(registerNo);

    // Same person, same date, place, program and worker; one fresh empty service.
    await expect(form()).toBeVisible();
    await expect(page.getByRole('textbox', { name: fr['register.codeLabel'], exact: true })).toHaveCount(0);
    await expect(form().getByLabel(fr['field.date'], { exact: true })).toHaveValue(today);
    await expect(form().getByLabel(fr['field.program'], { exact: true })).toHaveValue('prev_ps');
    await expect(form().getByLabel(fr['capture.unit'], { exact: true })).toHaveValue(sectionId);
    await expect(serviceRow(page, 1).getByLabel(fr['field.service'], { exact: true })).toHaveValue('');
    await expect(serviceRow(page, 2)).toHaveCount(0);
  });

  await test.step('she adds lubricant and uses "save and new person": back to the code', async () => {
    const first = serviceRow(page, 1);
    await first.getByLabel(fr['field.service'], { exact: true }).selectOption({ label: fr['service.lubricant'] });
    await first.getByLabel(fr['field.quantity'], { exact: true }).fill('5');
    await form().getByRole('button', { name: fr['capture.saveNewPerson'], exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: fr['service.lubricant'] })).toBeVisible();
    await expect(form()).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: fr['register.codeLabel'], exact: true })).toHaveValue('');
  });

  await test.step('her record lists the three services, the HIV test with its register number', async () => {
    await page.getByRole('link', { name: interpolate(fr['capture.openRecordOf'], { code }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['record.title'], { code }) })).toBeVisible();
    const history = page.getByRole('region', { name: fr['capture.historyTitle'], exact: true });
    await expect(history.getByRole('row')).toHaveCount(4); // header + 3
    await expect(history).toContainText(fr['service.condoms']);
    await expect(history).toContainText(fr['service.lubricant']);
    const hiv = history.getByRole('row').filter({ hasText: fr['service.hiv_test'] });
    await expect(hiv).toContainText(registerNo);
    await expect(hiv).toContainText(fr['result.negative']);
    await expect(hiv).toContainText(fr['strategy.mobile']);
    await expect(hiv).toContainText(admin.displayName);
    await expect(hiv).toContainText(section.name);
  });

  await test.step('she corrects the lubricant quantity from her history', async () => {
    const history = page.getByRole('region', { name: fr['capture.historyTitle'], exact: true });
    await history
      .getByRole('row')
      .filter({ hasText: fr['service.lubricant'] })
      .getByRole('button', { name: new RegExp(`^${interpolate(fr['capture.editOf'], { service: fr['service.lubricant'], date: '' })}`) })
      .click();
    const dialog = page.getByRole('dialog', { name: interpolate(fr['capture.editTitle'], { service: fr['service.lubricant'] }) });
    await dialog.getByLabel(fr['field.quantity'], { exact: true }).fill('6');
    await dialog.getByRole('button', { name: fr['common.save'], exact: true }).click();
    await expect(page.getByText(interpolate(fr['capture.updated'], { service: fr['service.lubricant'] }))).toBeVisible();
    await expect(history.getByRole('row').filter({ hasText: fr['service.lubricant'] })).toContainText(interpolate(fr['capture.quantityValue'], { n: 6 }));
  });

  await test.step('the month’s verification counts the services, flags the incomplete contact and the two contacts of the same day', async () => {
    await goTo(page, 'nav.followUp', 'shell.verification');
    await expect(page.getByRole('heading', { level: 1, name: fr['verify.title'] })).toBeVisible();
    await page.getByLabel(fr['field.month'], { exact: true }).fill(thisMonth);
    await page.getByLabel(fr['capture.unit'], { exact: true }).selectOption(sectionId);
    const row = page.getByRole('table', { name: fr['verify.countsCaption'] }).getByRole('row').filter({ hasText: admin.displayName });
    await expect(row.locator(`td[data-label="${fr['service.condoms']}"]`)).toHaveText('1');
    await expect(row.locator(`td[data-label="${fr['service.lubricant']}"]`)).toHaveText('1');
    await expect(row.locator(`td[data-label="${fr['service.hiv_test']}"]`)).toHaveText('1');
    await expect(row.locator(`td[data-label="${fr['verify.contacts']}"]`)).toHaveText('2');
    await expect(row.locator(`td[data-label="${fr['verify.persons']}"]`)).toHaveText('1');

    // The lubricant alone is not an outreach contact: only the first contact is held to the paquet minimum.
    const incomplete = page.getByRole('region', { name: `${fr['verification.missing_paquet_minimum']} (1)` });
    await incomplete.getByRole('button', { name: interpolate(fr['verify.showRecords'], { count: 2 }) }).click();
    await expect(incomplete).toContainText(fr['service.condoms']);
    await expect(incomplete).toContainText(fr['service.hiv_test']);
    const twice = page.getByRole('region', { name: `${fr['verification.same_person_same_day']} (1)` });
    await expect(twice.getByRole('link', { name: code })).toBeVisible();
    await twice.getByRole('button', { name: interpolate(fr['verify.showRecords'], { count: 3 }) }).click();
    await expect(twice).toContainText(fr['service.condoms']);
    await expect(twice).toContainText(fr['service.lubricant']);
    await expect(twice).toContainText(registerNo);
  });
});

test('capture: a group session with an attendee found by code and anonymous counts; "new service" from her record', async ({ page }) => {
  await test.step('from her record, "new service" opens the capture with the person chosen', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    // Her section and record, whether or not the test before ran.
    await ensureCaptureData(api);
    await page.reload(); // the header context and the unit lists know the section
    const check = await api.get<{ exact: { id: string } | null }>(`/beneficiaries/check?code=${code}`);
    expect(check.exact).not.toBeNull();
    await page.goto(`/beneficiaries/${check.exact?.id ?? ''}`);
    await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['record.title'], { code }) })).toBeVisible();
    await page.getByRole('link', { name: fr['capture.newService'], exact: true }).click();
    await expect(page.getByRole('form', { name: `${fr['capture.contactTitle']} ${code}` })).toBeVisible();
    await expect(page.getByRole('textbox', { name: fr['register.codeLabel'], exact: true })).toHaveCount(0);
  });

  await test.step('she records an IEC session in the section: the person added by her code, three anonymous young women', async () => {
    await goTo(page, 'nav.field', 'shell.groupSession');
    await expect(page.getByRole('heading', { level: 1, name: fr['group.title'] })).toBeVisible();
    const units = page.getByLabel(fr['capture.unit'], { exact: true });
    await units.selectOption({ label: `\u00a0\u00a0\u00a0\u2068${section.name} (${section.code})\u2069` });
    await page.getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
    await page.getByLabel(fr['field.type'], { exact: true }).selectOption({ label: fr['group_session_type.iec'] });
    await page.getByLabel(fr['field.theme'], { exact: true }).fill('Prévention combinée');
    await page.getByRole('textbox', { name: fr['group.attendeeCode'], exact: true }).fill(code);
    await page.getByRole('button', { name: interpolate(fr['group.addAttendee'], { code }) }).click();
    await expect(page.getByText(interpolate(fr['group.attendeeCount'], { count: 1 }))).toBeVisible();
    await page.getByRole('group', { name: fr['sex.F'], exact: true }).getByLabel(fr['age_band.lt25'], { exact: true }).fill('3');
    await page.getByRole('button', { name: fr['group.submit'], exact: true }).click();
    await expect(page.getByText(interpolate(fr['group.saved'], { attendees: 1, anonymous: 3 }))).toBeVisible();
    await expect(page.getByText(interpolate(fr['group.attendeeCount'], { count: 0 }))).toBeVisible();
  });

  await test.step('her history shows the session’s service', async () => {
    const api = await apiOf(page);
    const check = await api.get<{ exact: { id: string } | null }>(`/beneficiaries/check?code=${code}`);
    await page.goto(`/beneficiaries/${check.exact?.id ?? ''}`);
    const history = page.getByRole('region', { name: fr['capture.historyTitle'], exact: true });
    await expect(history.getByRole('row').filter({ hasText: fr['capture.groupTag'] })).toContainText(fr['service.iec_session']);
  });
});
