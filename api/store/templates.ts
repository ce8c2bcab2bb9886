import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';

// The templates slice of the storage port: workflow templates, one row per key and version.

export interface TemplatesStore {
  findTemplate(key: string, version: number): Promise<WorkflowTemplate | null>;
  listTemplates(): Promise<WorkflowTemplate[]>;
  insertTemplate(template: WorkflowTemplate): Promise<void>;
}
