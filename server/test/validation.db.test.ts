import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Locale } from '@relais/core';
import { Client, createAppWithSection, createUserClient, engine, tableCounts, type TestApp, type TestOrg } from './harness.ts';

type Case = {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: () => string;
  body?: () => unknown;
  /** The field the error must name, and its message in French, Arabic and English. */
  field: string;
  messages: Record<Locale, string>;
  /** The params the issue carries (the expected format and its example). */
  params?: Record<string, string | number>;
  as?: 'anonymous' | 'admin';
};

// Every write endpoint, given bad input: 400, a translated message naming the field, nothing written.
describe(`invalid input to each write endpoint (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let section: string;
  let userId: string;

  beforeAll(async () => {
    ({ t, org, section } = await createAppWithSection('VAL'));
    userId = (await createUserClient(t, org.admin, 'VAL', 'someone', 'peer_educator', section)).id;
  });
  afterAll(() => t.close());

  const cases: Case[] = [
    {
      name: 'POST /setup without an organisation code',
      method: 'POST',
      url: () => '/setup',
      body: () => ({ organisation: { name: 'X' }, admin: { username: 'admin', displayName: 'A', password: 'long enough pass' } }),
      field: 'organisation.code',
      messages: { fr: "Code de l'organisation : champ obligatoire.", ar: 'رمز الجمعية: حقل إلزامي.', en: 'Organisation code: required.' },
      as: 'anonymous',
    },
    {
      name: 'POST /auth/login with a badly formed username',
      method: 'POST',
      url: () => '/auth/login',
      body: () => ({ organisation: 'VAL', username: 'a b', password: 'x' }),
      field: 'username',
      messages: {
        fr: 'Identifiant : format invalide — attendu : 3 à 64 lettres sans accent, chiffres, « . », « _ » ou « - », sans espace, ex. amina.ep.',
        ar: 'اسم المستخدم: صيغة غير صالحة — المطلوب: من 3 إلى 64 حرفًا لاتينيًا أو رقمًا أو «.» أو «_» أو «-»، بدون مسافات، مثال: amina.ep.',
        en: 'Username: invalid format — expected 3 to 64 unaccented letters, digits, “.”, “_” or “-”, no spaces, e.g. amina.ep.',
      },
      params: { format: 'username', example: 'amina.ep' },
      as: 'anonymous',
    },
    {
      name: 'POST /auth/password with a short new password',
      method: 'POST',
      url: () => '/auth/password',
      body: () => ({ currentPassword: 'correct horse battery', newPassword: 'short' }),
      field: 'newPassword',
      messages: { fr: 'Nouveau mot de passe : au moins 10 caractères.', ar: 'كلمة المرور الجديدة: 10 أحرف على الأقل.', en: 'New password: at least 10 characters.' },
    },
    {
      name: 'PUT /auth/locale with an unknown language',
      method: 'PUT',
      url: () => '/auth/locale',
      body: () => ({ locale: 'de' }),
      field: 'locale',
      messages: { fr: 'Langue : valeur non autorisée.', ar: 'اللغة: قيمة غير مسموح بها.', en: 'Language: value not allowed.' },
    },
    {
      name: 'POST /org-units with an unknown level',
      method: 'POST',
      url: () => '/org-units',
      body: () => ({ code: 'NEW', name: 'New', level: 'galaxy', parentId: section }),
      field: 'level',
      messages: { fr: 'Niveau : valeur non autorisée.', ar: 'المستوى: قيمة غير مسموح بها.', en: 'Level: value not allowed.' },
    },
    {
      name: 'POST /org-units with a code holding spaces',
      method: 'POST',
      url: () => '/org-units',
      body: () => ({ code: 'A B', name: 'New', level: 'site', parentId: section }),
      field: 'code',
      messages: {
        fr: 'Code : format invalide — attendu : 1 à 32 lettres sans accent ou chiffres (« _ » et « - » permis), sans espace, ex. CASA.',
        ar: 'الرمز: صيغة غير صالحة — المطلوب: من 1 إلى 32 حرفًا لاتينيًا بدون تشكيل أو رقمًا (يُسمح بـ«_» و«-»)، بدون مسافات، مثال: CASA.',
        en: 'Code: invalid format — expected 1 to 32 unaccented letters or digits (“_” and “-” allowed), no spaces, e.g. CASA.',
      },
      params: { format: 'unit_code', example: 'CASA' },
    },
    {
      name: 'PATCH /org-units/:id with an empty name',
      method: 'PATCH',
      url: () => `/org-units/${section}`,
      body: () => ({ name: '   ' }),
      field: 'name',
      messages: { fr: 'Nom : champ obligatoire.', ar: 'الاسم: حقل إلزامي.', en: 'Name: required.' },
    },
    {
      name: 'PATCH /org-units/:id with a latitude and no longitude',
      method: 'PATCH',
      url: () => `/org-units/${section}`,
      body: () => ({ latitude: 30.42 }),
      field: 'longitude',
      messages: { fr: 'Longitude : champ obligatoire.', ar: 'خط الطول: حقل إلزامي.', en: 'Longitude: required.' },
    },
    {
      name: 'PATCH /org-units/:id with a latitude beyond the pole',
      method: 'PATCH',
      url: () => `/org-units/${section}`,
      body: () => ({ latitude: 123, longitude: -9.6 }),
      field: 'latitude',
      messages: { fr: 'Latitude : au plus 90.', ar: 'خط العرض: 90 على الأكثر.', en: 'Latitude: at most 90.' },
    },
    {
      name: 'POST /indicators without its Arabic name',
      method: 'POST',
      url: () => '/indicators',
      body: () => ({ code: 'own_one', labels: { fr: 'Le mien', en: 'Mine' }, measure: { kind: 'count_services', filter: {} } }),
      field: 'labels.ar',
      messages: { fr: 'Nom en arabe : champ obligatoire.', ar: 'الاسم بالعربية: حقل إلزامي.', en: 'Name in Arabic: required.' },
    },
    {
      name: 'POST /indicators dividing by an indicator that does not exist',
      method: 'POST',
      url: () => '/indicators',
      body: () => ({ code: 'own_rate', labels: { fr: 'Taux', ar: 'نسبة', en: 'Rate' }, measure: { kind: 'ratio', numerator: 'reached', denominator: 'nothing' } }),
      field: 'measure.denominator',
      messages: { fr: 'Dénominateur : « nothing » est inconnu.', ar: 'المقام: «nothing» غير معروف.', en: 'Denominator: "nothing" is unknown.' },
    },
    {
      name: 'PATCH /org-units/:id with a malformed id',
      method: 'PATCH',
      url: () => '/org-units/12',
      body: () => ({ name: 'x' }),
      field: 'id',
      messages: {
        fr: 'Identifiant technique : format invalide — attendu : un identifiant technique UUID (32 chiffres hexadécimaux en 5 groupes), ex. 0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a.',
        ar: 'المعرّف التقني: صيغة غير صالحة — المطلوب: معرّف تقني UUID (32 رقمًا ست عشريًا في 5 مجموعات)، مثال: 0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a.',
        en: 'Technical id: invalid format — expected a technical UUID identifier (32 hexadecimal digits in 5 groups), e.g. 0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a.',
      },
    },
    {
      name: 'PATCH /programs/:code with a non-boolean',
      method: 'PATCH',
      url: () => '/programs/prev_ps',
      body: () => ({ enabled: 'yes' }),
      field: 'enabled',
      messages: { fr: 'Activé : type de valeur incorrect.', ar: 'مفعّل: نوع القيمة غير صحيح.', en: 'Enabled: wrong type of value.' },
    },
    {
      name: 'POST /users with an unknown role',
      method: 'POST',
      url: () => '/users',
      body: () => ({ username: 'newbie', displayName: 'N', password: 'long enough pass', assignments: [{ role: 'king', orgUnitId: section }] }),
      field: 'assignments.0.role',
      messages: { fr: 'Rôle : valeur non autorisée.', ar: 'الدور: قيمة غير مسموح بها.', en: 'Role: value not allowed.' },
    },
    {
      name: 'POST /users without any assignment',
      method: 'POST',
      url: () => '/users',
      body: () => ({ username: 'newbie', displayName: 'N', password: 'long enough pass', assignments: [] }),
      field: 'assignments',
      messages: { fr: 'Affectations : au moins 1.', ar: 'التعيينات: 1 على الأقل.', en: 'Assignments: at least 1.' },
    },
    {
      name: 'PATCH /users/:id with a too long display name',
      method: 'PATCH',
      url: () => `/users/${userId}`,
      body: () => ({ displayName: 'x'.repeat(201) }),
      field: 'displayName',
      messages: { fr: 'Nom affiché : au plus 200 caractères.', ar: 'الاسم المعروض: 200 حرفًا على الأكثر.', en: 'Display name: at most 200 characters.' },
    },
    {
      name: 'POST /users/:id/assignments with an unknown program',
      method: 'POST',
      url: () => `/users/${userId}/assignments`,
      body: () => ({ role: 'viewer', orgUnitId: section, programs: ['astrology'] }),
      field: 'programs.0',
      messages: { fr: 'Programmes : valeur non autorisée.', ar: 'البرامج: قيمة غير مسموح بها.', en: 'Programs: value not allowed.' },
    },
    {
      name: 'DELETE /users/:id/assignments/:assignmentId with a malformed assignment id',
      method: 'DELETE',
      url: () => `/users/${userId}/assignments/zzz`,
      field: 'assignmentId',
      messages: {
        fr: 'Affectation : format invalide — attendu : un identifiant technique UUID (32 chiffres hexadécimaux en 5 groupes), ex. 0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a.',
        ar: 'التعيين: صيغة غير صالحة — المطلوب: معرّف تقني UUID (32 رقمًا ست عشريًا في 5 مجموعات)، مثال: 0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a.',
        en: 'Assignment: invalid format — expected a technical UUID identifier (32 hexadecimal digits in 5 groups), e.g. 0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a.',
      },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: 400 naming "${c.field}" in fr, ar and en; nothing written`, async () => {
      const before = await tableCounts(t.db);
      for (const locale of ['fr', 'ar', 'en'] as const) {
        const client = c.as === 'anonymous' ? new Client(t.app, locale) : Object.assign(new Client(t.app, locale), { cookie: org.admin.cookie, csrf: org.admin.csrf });
        const res = await client.request<ApiErrorBody>(c.method, c.url(), c.body?.());
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        const issue = res.body.error.fields?.find((f) => f.field === c.field);
        expect(issue, JSON.stringify(res.body)).toBeDefined();
        expect(res.body.error.fields).toHaveLength(1); // only the field that is wrong
        expect(issue!.message).toBe(c.messages[locale]);
        if (c.params) expect(issue!.params).toEqual(c.params);
      }
      expect(await tableCounts(t.db)).toEqual(before);
    });
  }

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"organisation": ',
    });
    expect(res.statusCode).toBe(400);
    expect((JSON.parse(res.body) as ApiErrorBody).error.fields![0]!.message).toBe('Request: invalid format — expected a valid JSON document, e.g. {"name": "Casablanca"}.');
  });

  it('rolls back the whole write when a later step fails (no user without her assignment)', async () => {
    const before = await tableCounts(t.db);
    // The second assignment's unit does not exist: the user must not be created either.
    const res = await org.admin.post<ApiErrorBody>('/users', {
      username: 'halfway',
      displayName: 'Half',
      password: 'long enough pass',
      assignments: [
        { role: 'viewer', orgUnitId: section },
        { role: 'viewer', orgUnitId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields![0]!.field).toBe('assignments.1.orgUnitId');
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
