import { z } from 'zod';

/** Every role a user can hold. Reviewer roles act on workflow steps; the others own or oversee. */
export const roleSchema = z.enum([
  'model_owner',
  'data_governance',
  'model_risk',
  'fair_lending',
  'privacy',
  'security',
  'committee',
  'admin',
]);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  model_owner: 'Model owner',
  data_governance: 'Data governance',
  model_risk: 'Model risk management',
  fair_lending: 'Fair lending',
  privacy: 'Privacy',
  security: 'Security',
  committee: 'AI governance committee',
  admin: 'Administrator',
};

/**
 * A role inside a sentence: "the fair lending role", but "the AI governance committee"
 * (an acronym keeps its capitals, where a lower-cased label would read "ai governance committee").
 */
export function roleInProse(role: Role): string {
  const label = roleLabels[role];
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** Roles that review and decide workflow steps. */
export const reviewerRoles: readonly Role[] = ['data_governance', 'model_risk', 'fair_lending', 'privacy', 'security', 'committee'];

export function isReviewerRole(role: Role): boolean {
  return reviewerRoles.includes(role);
}

/** Who oversees every package: the whole audit log and the committee dashboard. */
export const oversightRoles: readonly Role[] = ['committee', 'admin'];
