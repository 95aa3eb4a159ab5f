import { expect, test } from '@playwright/test';
import { apiOf, ar, enterAsAdmin, ensureReferralSides, fr, isoToday, logInAs, partnerOrg, shots } from './fixtures.ts';

// Synthetic data only. The partner organisation is the referrals spec's (fixtures `partnerOrg`).
const section = { code: 'REFL', name: 'Section Liens' };
const worker = { username: 'as.liens', displayName: 'Assistante Liens', password: 'une orientation reliée' };
const receiverWorker = { username: 'as.b', displayName: 'Assistante sociale B', password: 'une prise en charge suivie', organisation: partnerOrg.code };

test.describe.configure({ mode: 'serial' });

let referralId = '';
let code = '';

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  let personId: string;
  ({ personId, code } = await ensureReferralSides(browser, baseURL, { section, worker, birthYear: 1993 }, { user: receiverWorker, role: 'social_worker' }));
  // A's worker records her consent (referral and care coordination) and refers her: through the API, the referrals spec walks those screens.
  const a = await logInAs(browser, worker);
  const aApi = await apiOf(a);
  await aApi.post(`/beneficiaries/${personId}/consents`, { to: [partnerOrg.code], purposes: ['referral', 'care_coordination'], fields: ['code', 'sex', 'birth_year', 'need'], grantedBy: 'person', givenOn: isoToday() });
  referralId = (await aApi.post<{ id: string }>('/referrals', { beneficiaryId: personId, toOrganisation: partnerOrg.code, need: 'Suivi psychologique', urgency: 'normal' })).id;
  await a.context().close();
});

test('the receiver registers the person in its own registry from the referral, with the consented code: her record is linked, not copied', async ({ browser }) => {
  test.setTimeout(180_000);
  const b = await logInAs(browser, receiverWorker);
  await b.goto(`/referrals/${referralId}`);
  await b.getByRole('button', { name: fr['referrals.action.accept'], exact: true }).click();
  await expect(b.getByText(fr['referrals.done.accept'])).toBeVisible();
  const own = b.getByRole('region', { name: fr['referrals.ownRecord'] });
  await expect(own).toContainText(fr['referrals.registerHint']);
  await shots(b, 'referral-own-record-fr');
  await own.getByRole('link', { name: fr['referrals.registerHere'], exact: true }).click();
  // The registration page, the consented code filled in; sex and birth year read from it.
  await expect(b.getByRole('textbox', { name: fr['register.codeLabel'], exact: true })).toHaveValue(code);
  await expect(b.getByLabel(fr['field.birthYear'], { exact: true })).toHaveValue('1993');
  await b.getByLabel(fr['population.MIGRANT'], { exact: true }).check();
  await b.getByRole('button', { name: fr['register.submit'], exact: true }).click();
  // Back on the referral, linked.
  await expect(b.getByText(fr['referrals.linkedNotice'])).toBeVisible();
  await expect(b.getByRole('region', { name: fr['referrals.ownRecord'] })).toContainText(fr['referrals.ownRecordLinked']);
  await b.getByRole('link', { name: fr['referrals.openOwnRecord'], exact: true }).click();
  await expect(b.getByRole('heading', { level: 1 })).toContainText(code);
  // In Arabic, on a phone: the linked record on the referral.
  await b.goto(`/referrals/${referralId}`);
  await b.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
  await expect(b.getByRole('region', { name: ar['referrals.ownRecord'] })).toContainText(ar['referrals.ownRecordLinked']);
  await shots(b, 'referral-own-record-linked-ar');
  await b.context().close();
});

test('the root administrator sets after how many days an unanswered referral is flagged', async ({ browser }) => {
  const page = await browser.newPage();
  await enterAsAdmin(page);
  await page.goto('/referrals');
  const card = page.getByRole('region', { name: fr['referrals.settingsTitle'] });
  const days = card.getByLabel(fr['field.unansweredAfterDays'], { exact: true });
  await expect(days).toHaveValue(/^\d+$/);
  await days.fill('0');
  await card.getByRole('button', { name: fr['referrals.settingsSave'], exact: true }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText(fr['referrals.settingsSaved'])).toHaveCount(0);
  await days.fill('10');
  await card.getByRole('button', { name: fr['referrals.settingsSave'], exact: true }).click();
  await expect(card.getByText(fr['referrals.settingsSaved'])).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: fr['referrals.settingsTitle'] }).getByLabel(fr['field.unansweredAfterDays'], { exact: true })).toHaveValue('10');
  await shots(page, 'referral-settings-fr');
  await page.close();
});
