import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  engine: z.enum(['embedded', 'postgres']),
  uptimeSeconds: z.number(),
});
