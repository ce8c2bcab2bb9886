import { z } from 'zod';

// RFC 9457 problem details as every page reads them, without the extension members that name
// approval blockers and policy checks (problem.ts): those schemas are large and the log-in page
// never meets them, so it does not load them (bench budget: the log-in page's JavaScript).

/** One field-level problem: a JSON Pointer into the request and a message fit for a person. */
export const fieldProblemSchema = z.object({
  pointer: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/** RFC 9457 problem details, extended with every field-level problem, a changed package's diff and the attempts left. */
export const problemBaseSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(fieldProblemSchema).optional(),
  /** For a package that changed under the reader: the app's page comparing what they saw with what is there now. */
  diff: z.string().optional(),
  /** For a signature refused for a wrong password or passkey: failures still allowed before signing is locked (0: it is now). */
  attemptsLeft: z.number().int().nonnegative().optional(),
});

/** The extension members problem.ts adds: a body carrying any of them is read with the whole schema. */
export const problemExtensionMembers = ['blockers', 'policy', 'governanceBlockers'] as const;
