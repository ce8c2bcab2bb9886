import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { businessLineKey } from '#domain/text/business-line.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The organisation's business lines as a closed list (docs/decisions/0168): one row per line,
// keyed by its normalised form, so two spellings of one line cannot both be listed. A line is
// retired, never deleted: stored packages, policies and templates keep naming it.
//
// The list starts with the lines administrators already named, in published policy scopes and
// workflow templates. Lines only packages named are not carried over: they were typed by owners,
// and one of them is exactly the escape this list closes ("Consumer credit" for "Consumer lending").

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('business_lines')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const definitions = await sql<{ definition: string }>`select definition from policies union all select definition from workflow_templates`.execute(db);
  const labels = definitions.rows.flatMap(({ definition }) => namedLines(parseJson(definition)));
  const byKey = new Map<string, string>();
  for (const label of labels) if (!byKey.has(businessLineKey(label)) && businessLineKey(label) !== '') byKey.set(businessLineKey(label), label.trim());
  const at = new Date().toISOString();
  for (const [key, label] of byKey) {
    await sql`insert into business_lines (key, label, retired_at, created_at) values (${key}, ${label}, null, ${at})`.execute(db);
  }
}

/** The lines a stored policy (its scope) or template definition names. */
function namedLines(definition: unknown): string[] {
  if (typeof definition !== 'object' || definition === null) return [];
  const record = definition as { businessLines?: unknown; scope?: { businessLines?: unknown } };
  const lines = record.scope?.businessLines ?? record.businessLines;
  return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : [];
}
