import { z } from 'zod';

export const problemFieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

/** RFC 9457 problem details as the API sends them; `code` is stable, `detail` is Danish. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(problemFieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
