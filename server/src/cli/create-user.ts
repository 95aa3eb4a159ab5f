import { CreateUser } from '@relais/core';
import { createUsersService } from '../modules/users/index.ts';
import { unitByCode } from '../modules/setup/index.ts';
import { askPassword, contextOf, parseInput, UsageError, withDb, type Command } from './shared.ts';

/** `relais create-user`: the users module's `createUser`, as the system. */
export const createUser: Command = async ({ config, values }) => {
  if (!values.org || !values.username || !values.name || !values.role || !values.unit) {
    throw new UsageError('create-user needs --org, --username, --name, --role and --unit');
  }
  const password = await askPassword('RELAIS_USER_PASSWORD', `Password for ${values.username}: `);
  await withDb(config, async (db) => {
    const ctx = await contextOf(db, values.org!);
    const unit = await unitByCode(db.kysely, ctx, values.unit!);
    if (!unit) throw new UsageError(`no org unit with code ${values.unit} in ${ctx.actor.organisationCode}`);
    const input = parseInput(CreateUser, {
      username: values.username,
      displayName: values.name,
      password,
      locale: values.locale,
      assignments: [{ role: values.role, orgUnitId: unit.id, programs: values.programs ? values.programs.split(',').map((p) => p.trim()) : null }],
    });
    const { user } = await createUsersService(db.kysely).createUser(ctx, input);
    console.log(`user ${input.username} created (${user.id}) as ${values.role} on ${unit.code}`);
  });
  return 0;
};
