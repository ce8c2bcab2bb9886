import { z } from 'zod';
import { actorSchema } from './decisions.ts';

// API tokens let a model's training pipeline submit packages and versions for that one
// model without a browser session, in the name of the model owner who created the token
// (docs/decisions/0062-tokens-act-as-their-creator.md). The owner creates and revokes their
// tokens, an administrator may revoke any; the secret is shown once, at creation, and only
// its SHA-256 is stored.

/** Every secret starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const apiTokenPrefix = 'mat_';

/** `mat_` + 32 random bytes in base64url (43 characters). */
export const apiTokenSecretPattern = /^mat_[A-Za-z0-9_-]{43}$/;

export const apiTokenSummarySchema = z.object({
  id: z.string(),
  modelKey: z.string(),
  name: z.string(),
  /** Who created it: the person it submits as, while they own its model. */
  createdBy: actorSchema,
  createdAt: z.iso.datetime(),
  revoked: z.object({ by: actorSchema, at: z.iso.datetime() }).nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

/** The tokens, newest first (the caller's own; an administrator's: all), with the models the caller owns, for which they can create one. */
export const apiTokenListSchema = z.object({
  items: z.array(apiTokenSummarySchema),
  models: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

export const createApiTokenRequestSchema = z.object({
  modelKey: z.string().trim().min(1, 'Choose the model this token submits for').max(200),
  name: z.string().trim().min(1, 'Name this token, for example the pipeline that uses it').max(100),
});
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

/** The one response that carries the secret. */
export const createdApiTokenSchema = z.object({ token: apiTokenSummarySchema, secret: z.string().regex(apiTokenSecretPattern) });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** Recorded in the audit entry of a submission made with a token. */
export const viaTokenSchema = z.object({ tokenId: z.string(), tokenName: z.string() });
export type ViaToken = z.infer<typeof viaTokenSchema>;
