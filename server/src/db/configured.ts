import type { Config } from '../config.ts';
import { openDatabase, type Db } from './database.ts';

/** Opens the database named by the configuration (the server's and every `relais` command's). */
export function openConfiguredDatabase(config: Config): Promise<Db> {
  return config.database.engine === 'postgres'
    ? openDatabase({ engine: 'postgres', url: config.database.url })
    : openDatabase({ engine: 'embedded', dataDir: config.database.dataDir });
}
