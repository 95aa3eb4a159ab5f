import { z } from 'zod';
import { text } from './common.ts';

export const Health = z.object({
  status: z.literal('ok'),
  version: text(),
  engine: z.enum(['embedded', 'postgres']),
  uptimeSeconds: z.number(),
});
