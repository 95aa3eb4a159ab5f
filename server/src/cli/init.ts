import { SetupRequest } from '@relais/core';
import { createOrganisation } from '../modules/setup/index.ts';
import { askPassword, parseInput, UsageError, withDb, type Command } from './shared.ts';

/** `relais init`: an organisation and its first administrator (the setup use case). */
export const init: Command = async ({ config, values }) => {
  if (!values.org || !values.name) throw new UsageError('init needs --org CODE and --name NAME');
  const password = await askPassword('RELAIS_ADMIN_PASSWORD', `Password for ${values.admin}: `);
  const input = parseInput(SetupRequest, {
    organisation: { code: values.org, name: values.name },
    admin: { username: values.admin, displayName: values['admin-name'] ?? values.admin, password },
    locale: values.locale,
  });
  const created = await withDb(config, (db) => db.kysely.transaction().execute((trx) => createOrganisation(trx, input)));
  console.log(`organisation ${input.organisation.code} created (${created.organisationId}); administrator: ${input.admin.username}`);
  return 0;
};
