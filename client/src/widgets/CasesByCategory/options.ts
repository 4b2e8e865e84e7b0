import { z } from 'zod';

/** Options of `cases-by-category`: today's reports or the open cases, and how many categories. */
export const casesByCategoryOptions = z.object({
  scope: z.enum(['today', 'open']).default('today'),
  limit: z.number().int().min(3).max(15).default(8),
});
export type CasesByCategoryOptions = z.infer<typeof casesByCategoryOptions>;
