import { obligationScopeSchema, type ObligationScope } from '../contracts/obligations.ts';
import { parseJson } from '../json/parse-json.ts';

/**
 * A scope statement as a signer types it (JSON such as {"dimension":"channel","allow":["card_not_present"]}):
 * null for none (blank), the scope, or what is wrong with it, in the words the sign dialog shows next to the field.
 */
export function parseScopeText(text: string): { scope: ObligationScope | null } | { problem: string } {
  if (text.trim() === '') return { scope: null };
  let json: unknown;
  try {
    json = parseJson(text);
  } catch {
    return { problem: 'The scope is not JSON; write it as {"dimension": "channel", "allow": ["card_not_present"]}' };
  }
  const parsed = obligationScopeSchema.safeParse(json);
  if (parsed.success) return { scope: parsed.data };
  const [issue] = parsed.error.issues;
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { problem: `The scope does not parse (${where}${issue?.message ?? 'invalid'}); write it as {"dimension": "channel", "allow": ["card_not_present"]}` };
}
