import { expect, test } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, ar, enterAsAdmin, ensurePerson, ensureUnit, fr, freshCode, isoToday, org, shots } from './fixtures.ts';

// A section of this spec only and a synthetic person with a fresh code (she is erased at the end).
const section = { code: 'DROITS', name: 'Section Droits' };

test('the person’s rights: the administrator opens a person, prints what is held about her in French and Arabic, and erases her data', async ({ page }) => {
  test.setTimeout(180_000);
  await enterAsAdmin(page);
  const api = await apiOf(page);
  const unitId = await ensureUnit(api, section);
  const code = freshCode('1993F');
  const { id } = await ensurePerson(api, { code, orgUnitId: unitId, birthYear: 1993 });
  await api.patch(`/beneficiaries/${id}`, { phone: '+212 600 000 111', contactConsent: true, notes: 'Préfère être appelée le matin' });
  await api.post('/contacts', { beneficiaryId: id, orgUnitId: unitId, date: isoToday(), program: 'prev_ps', services: [{ service: 'iec_session' }] });
  await api.post('/insertion/steps', { beneficiaryId: id, orgUnitId: unitId, kind: 'training', activity: 'Initiation à la couture', startDate: isoToday(), note: 'Cherche une garde d’enfant' });
  const episode = await api.post<{ id: string }>('/ost/episodes', { beneficiaryId: id, orgUnitId: unitId, startDate: isoToday(), prescriber: 'Dr Synthétique', doseMg: 60 });
  await api.post('/ost/dispensings', { episodeId: episode.id, date: isoToday(), kind: 'on_site' });

  await test.step('her record offers her rights; the export lists her record, her service and who read it', async () => {
    await page.goto(`/beneficiaries/${id}`);
    const card = page.locator('.card').filter({ hasText: fr['privacy.rights'] });
    await expect(card).toBeVisible();
    await card.getByRole('link', { name: fr['privacy.subjectAccess'] }).click();
    const doc = page.getByRole('article', { name: interpolate(fr['privacy.heading'], { organisation: org.name }) });
    await expect(doc).toBeVisible();
    await expect(doc).toContainText(code);
    await expect(doc).toContainText('+212 600 000 111');
    await expect(doc).toContainText(fr['service.iec_session']);
    await expect(doc.getByRole('heading', { name: fr['privacy.reads'] })).toBeVisible();
    await expect(doc).toContainText(fr['audit.beneficiary.read']);
    // Her insertion pathway (ADR 0033) is hers too.
    await expect(doc.getByRole('heading', { name: fr['privacy.insertion'] })).toBeVisible();
    await expect(doc).toContainText(fr['insertion_step.training']);
    await expect(doc).toContainText('Initiation à la couture');
    // Her methadone (ADR 0029): the episode, its dose and the day she took it.
    await expect(doc.getByRole('heading', { name: fr['privacy.ost'] })).toBeVisible();
    await expect(doc).toContainText('Dr Synthétique');
    await expect(doc).toContainText(interpolate(fr['privacy.ostDays'], { onSite: 1, away: 0, missed: 0 }));
    await shots(page, 'rights-subject-access-fr', { paper: true });
    await page.getByLabel(fr['privacy.language'], { exact: true }).selectOption('ar');
    const docAr = page.getByRole('article', { name: interpolate(ar['privacy.heading'], { organisation: org.name }) });
    await expect(docAr).toHaveAttribute('dir', 'rtl');
    await expect(docAr).toContainText(ar['service.iec_session']);
    await expect(docAr).toContainText(ar['insertion_step.training']);
    await expect(docAr.getByRole('heading', { name: ar['privacy.ost'] })).toBeVisible();
    await shots(page, 'rights-subject-access-ar', { paper: true });
  });

  await test.step('she asks to be erased: the reason is asked, the record keeps a random code, the export says so', async () => {
    await page.getByRole('link', { name: fr['privacy.backToRecord'] }).click();
    await page.getByRole('button', { name: fr['privacy.erase'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: fr['privacy.eraseTitle'] });
    await dialog.getByRole('button', { name: fr['privacy.eraseConfirm'] }).click();
    await expect(dialog.getByLabel(fr['privacy.reason'])).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel(fr['privacy.reason']).fill('Demande écrite reçue ce jour');
    await shots(page, 'rights-erase-dialog-fr');
    await dialog.getByRole('button', { name: fr['privacy.eraseConfirm'] }).click();
    await expect(page.getByText(/ANON-[0-9A-F]{12}/).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText(code);
    await expect(page.getByRole('button', { name: fr['privacy.erase'], exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: fr['record.edit'], exact: true })).toHaveCount(0);
    await shots(page, 'rights-erased-fr');
    const check = await api.get<{ exact: { id: string } | null }>(`/beneficiaries/check?code=${encodeURIComponent(code)}`);
    expect(check.exact).toBeNull();
  });
});

test('data protection: the root administrator sets how long notes are kept (a wrong number named at its field), applies it, and prints the register of processing in French and Arabic', async ({ page }) => {
  test.setTimeout(120_000);
  await enterAsAdmin(page);
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: fr['privacy.page'] })).toBeVisible();
  const notes = page.getByLabel(fr['privacy.retention.notes']);
  // Periods long enough to touch nothing the other specs of the run wrote.
  await notes.fill('0');
  await page.getByRole('button', { name: fr['common.save'] }).click();
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await notes.fill('600');
  await page.getByRole('button', { name: fr['common.save'] }).click();
  await expect(page.getByText(fr['privacy.retentionSaved'])).toBeVisible();
  await expect(notes).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: fr['privacy.retentionRun'] }).click();
  await expect(page.getByText(interpolate(fr['privacy.retentionDone'], { phones: 0, notes: 0, voice: 0, cases: 0, events: 0 }))).toBeVisible();
  await shots(page, 'privacy-page-fr');

  await page.getByRole('link', { name: fr['privacy.registerOpen'] }).click();
  const doc = page.getByRole('article', { name: interpolate(fr['privacy.registerHeading'], { organisation: org.name }) });
  await expect(doc).toBeVisible();
  await expect(doc.getByRole('row', { name: new RegExp(`${fr['privacy.category.notes']}.*${interpolate(fr['privacy.months'], { n: 600 })}`) })).toBeVisible();
  await expect(doc).toContainText(fr['privacy.category.populations']);
  await expect(doc).toContainText(fr['role.administrator']);
  await expect(doc).toContainText(fr['privacy.measure.retentionOn']);
  await shots(page, 'privacy-register-fr', { paper: true });
  await page.getByLabel(fr['privacy.language'], { exact: true }).selectOption('ar');
  const docAr = page.getByRole('article', { name: interpolate(ar['privacy.registerHeading'], { organisation: org.name }) });
  await expect(docAr).toHaveAttribute('dir', 'rtl');
  await expect(docAr).toContainText(ar['privacy.category.notes']);
  await shots(page, 'privacy-register-ar', { paper: true });

  // Back to no period: the other specs' data is kept while its record lives.
  await page.goto('/privacy');
  await page.getByLabel(fr['privacy.retention.notes']).fill('');
  await page.getByRole('button', { name: fr['common.save'] }).click();
  await expect(page.getByText(fr['privacy.retentionSaved'])).toBeVisible();
});
