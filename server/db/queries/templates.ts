import { workflowTemplateSchema, type WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import type { TemplatesStore } from '#api/store/templates.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The workflow templates part of the Kysely repository.

export function templatesQueries(db: Db): TemplatesStore {
  return {
    async findTemplate(key, version) {
      const row = await db.selectFrom('workflow_templates').selectAll().where('key', '=', key).where('version', '=', version).executeTakeFirst();
      return row ? workflowTemplateSchema.parse(parseJson(row.definition)) : null;
    },
    async listTemplates() {
      const rows = await db.selectFrom('workflow_templates').selectAll().orderBy('key').orderBy('version').execute();
      return rows.map((r): WorkflowTemplate => workflowTemplateSchema.parse(parseJson(r.definition)));
    },
    async insertTemplate(t) {
      await db.insertInto('workflow_templates').values({ key: t.key, version: t.version, definition: JSON.stringify(t), created_at: new Date().toISOString() }).execute();
    },
  };
}
