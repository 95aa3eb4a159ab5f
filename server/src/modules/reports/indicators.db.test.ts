import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, createUserClient, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';

type Org = TestOrg;
type Failure = { error: { code: string; message: string; fields?: Array<{ field: string; code: string }> } };

describe(`an organisation's own indicators (${engine})`, () => {
  let t: TestApp;
  let org: Org;
  const labels = { fr: 'Testées en stratégie mobile', ar: 'مختبرات في الاستراتيجية المتنقلة', en: 'Tested by the mobile strategy' };
  const mobile = { code: 'mobile_tested', labels, measure: { kind: 'distinct_persons', filter: { services: ['hiv_test'], strategy: ['mobile'] } } };

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'OWN');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are added by an administrator, listed with their names, and counted in reports', async () => {
    const created = await org.admin.post('/indicators', mobile);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const list = await org.admin.get<{ items: Array<{ code: string; custom?: boolean; labels?: typeof labels }> }>('/indicators');
    expect(list.body.items.find((i) => i.code === 'mobile_tested')).toMatchObject({ custom: true, labels });
    expect(list.body.items.find((i) => i.code === 'reached')?.custom).toBeUndefined();
    const report = await org.admin.post<{ rows: Array<{ indicator: string; value: number | null }> }>('/reports/query', { program: 'prev_ps', period: '2024', indicators: ['mobile_tested'] });
    expect(report.status).toBe(200);
    expect(report.body.rows).toEqual([expect.objectContaining({ indicator: 'mobile_tested', value: 0 })]);
  });

  it('refuse bad definitions field by field, in the user’s language', async () => {
    const post = (body: unknown) => org.admin.post<Failure>('/indicators', body);
    const fieldsOf = (r: { body: Failure }) => r.body.error.fields?.map((f) => `${f.field}:${f.code}`);
    expect(fieldsOf(await post({ ...mobile, code: 'reached' }))).toEqual(['code:taken']);
    expect(fieldsOf(await post(mobile))).toEqual(['code:taken']);
    expect(fieldsOf(await post({ ...mobile, code: 'Bad Code' }))).toEqual(['code:invalid_format']);
    const badService = await post({ ...mobile, code: 'bad_service', measure: { kind: 'count_services', filter: { services: ['not_a_service'] } } });
    expect(badService.status).toBe(400);
    expect(fieldsOf(badService)).toEqual(['measure.filter.services.0:invalid_choice']);
    const ratio = (numerator: string, denominator: string) => ({ ...mobile, code: 'share', measure: { kind: 'ratio', numerator, denominator } });
    expect(fieldsOf(await post(ratio('nothing', 'reached')))).toEqual(['measure.numerator:unknown_reference']);
    expect(fieldsOf(await post(ratio('mobile_tested', 'testing_rate')))).toEqual(['measure.denominator:invalid_choice']);
    const missingName = await post({ ...mobile, code: 'no_arabic', labels: { fr: 'x', en: 'x' } });
    expect(fieldsOf(missingName)).toEqual(['labels.ar:required']);
    expect(missingName.body.error.message).toMatch(/[a-zé]/i);
  });

  it('are managed by administrators only', async () => {
    const peer = await createUserClient(t, org.admin, 'OWN', 'ep1', 'peer_educator', org.rootUnitId);
    expect((await peer.client.post('/indicators', { ...mobile, code: 'by_peer' })).status).toBe(403);
    expect((await peer.client.delete('/indicators/mobile_tested')).status).toBe(403);
  });

  it('cannot be deleted while a ratio divides by them or DHIS2 receives them; deleting takes their targets along', async () => {
    expect((await org.admin.post('/indicators', { ...mobile, code: 'mobile_share', measure: { kind: 'ratio', numerator: 'mobile_tested', denominator: 'tested_known_result' } })).status).toBe(201);
    expect((await org.admin.put('/targets', { indicator: 'mobile_tested', program: 'prev_ps', orgUnitId: org.rootUnitId, period: '2024', value: 40 })).status).toBe(200);
    const refused = await org.admin.delete<Failure>('/indicators/mobile_tested');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('mobile_share');
    // Nor become a ratio while one divides by it (a ratio of a ratio has no meaning here).
    const intoRatio = await org.admin.put<Failure>('/indicators/mobile_tested', { ...mobile, measure: { kind: 'ratio', numerator: 'reached', denominator: 'tested_known_result' } });
    expect(intoRatio.status).toBe(400);
    expect(intoRatio.body.error.fields).toEqual([expect.objectContaining({ field: 'measure.kind', code: 'part_of_ratio' })]);
    expect(JSON.stringify(intoRatio.body.error.fields)).toContain('mobile_share');
    expect((await org.admin.delete('/indicators/mobile_share')).status).toBe(200);
    // Nor while the DHIS2 mapping sends it: every export would then fail.
    const entry = { program: 'prev_ps', dataElement: 'deMobTest01', disaggregation: {} };
    const unknownMapped = await org.admin.put<Failure>('/dhis2/mapping', { orgUnits: {}, dataElements: [{ ...entry, indicator: 'no_such_indicator' }] });
    expect(unknownMapped.status).toBe(400);
    expect(unknownMapped.body.error.fields).toEqual([expect.objectContaining({ field: 'dataElements.0.indicator', code: 'unknown_reference' })]);
    expect((await org.admin.put('/dhis2/mapping', { orgUnits: {}, dataElements: [{ ...entry, indicator: 'mobile_tested' }] })).status).toBe(200);
    const mapped = await org.admin.delete<Failure>('/indicators/mobile_tested');
    expect(mapped.status).toBe(409);
    expect(mapped.body.error.code).toBe('indicator_mapped');
    expect((await org.admin.put('/dhis2/mapping', { orgUnits: {}, dataElements: [] })).status).toBe(200);
    expect((await org.admin.delete('/indicators/mobile_tested')).status).toBe(200);
    expect((await org.admin.delete('/indicators/reached')).status).toBe(404);
    const list = await org.admin.get<{ items: Array<{ code: string }> }>('/indicators');
    expect(list.body.items.map((i) => i.code)).not.toContain('mobile_tested');
    const targets = await t.db.kysely.selectFrom('target').select('indicator').where('organisation_id', '=', org.organisationId).execute();
    expect(targets).toEqual([]);
  });
});
