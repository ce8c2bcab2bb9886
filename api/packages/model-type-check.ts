import { z } from 'zod';
import { modelTypeLabels, modelTypeSchema, type ModelType } from '#domain/contracts/sections.ts';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import { unchangedBusinessLineProblems } from '../business-lines/line-check.ts';
import type { StoreTx } from '../store/store.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// A policy may be scoped to model types (0157), so the type chooses the policy like the business
// line does. It is stated at the first version and kept (docs/decisions/0168): a new package
// without one, or a resubmission that changes or drops it, would leave its type's policy.
// Compared with the package's latest version, not its first (0174): a package filed before the
// rule may have changed type between versions, and the latest one's type chooses its policy now.

const label = (type: ModelType | undefined) => (type ? `"${modelTypeLabels[type]}"` : 'no model type');

/** A new package states its model type. */
export function modelTypeRequiredProblems(modelType: ModelType | undefined, root: string): FieldProblem[] {
  if (modelType) return [];
  return [{ pointer: `${root}/sections/0/modelType`, message: 'State the model type: it decides which policy the package is checked against', code: 'model_type_required' }];
}

type VersionReads = Pick<StoreTx, 'findVersion' | 'listVersionFacts'>;

/** The type a package is filed as: its latest version's (none, for a package filed before types were required). */
export async function filedModelTypeOf(tx: VersionReads, packageId: string): Promise<ModelType | undefined> {
  const latestNumber = Math.max(0, ...(await tx.listVersionFacts([packageId])).map((v) => v.number));
  const latest = await tx.findVersion(packageId, latestNumber);
  if (!latest) throw new Error('A package has a version');
  return filedModelType(latest.canonicalContent);
}

/** A new version keeps the type of the package's latest version (none, for a package filed before types were required). */
export async function unchangedModelTypeProblems(tx: VersionReads, packageId: string, modelType: ModelType | undefined, root: string): Promise<FieldProblem[]> {
  const filed = await filedModelTypeOf(tx, packageId);
  if (filed === modelType) return [];
  return [{ pointer: `${root}/sections/0/modelType`, message: `This package was filed as ${label(filed)}; a new version cannot change it to ${label(modelType)}. Submit a new package for another model type.`, code: 'model_type_changed' }];
}

// Read loosely: stored content passed the schema of its day, which may be stricter now.
const firstSection = z.object({ sections: z.tuple([z.object({ modelType: modelTypeSchema.optional() })], z.unknown()) });

function filedModelType(canonicalContent: string): ModelType | undefined {
  return firstSection.parse(parseJson(canonicalContent)).sections[0].modelType;
}

/**
 * A new package of a model already filed keeps that model's business line and model type: the
 * line and type choose the policy and the approval chain, so filing the next version of the same
 * model as a new package under another line or type would leave them (third adversary review,
 * docs/decisions/0173). A model whose newest package states no type (filed before types were
 * required) may state one.
 */
export async function sameModelFilingProblems(tx: Pick<StoreTx, 'findLatestPackageOfModel'> & VersionReads, modelKey: string, filing: { businessLine: string; modelType?: ModelType | undefined }, root: string): Promise<FieldProblem[]> {
  const latest = await tx.findLatestPackageOfModel(modelKey);
  if (!latest) return [];
  const found = unchangedBusinessLineProblems(filing.businessLine, latest.businessLine, root, { kind: 'model', modelKey, versionLabel: latest.versionLabel });
  const filed = await filedModelTypeOf(tx, latest.id);
  if (filed && filed !== filing.modelType) {
    found.push({ pointer: `${root}/sections/0/modelType`, message: `Model "${modelKey}" is filed as ${label(filed)} (version ${latest.versionLabel}); a new package of it cannot be ${label(filing.modelType)}. Another type is another model: file it under its own key.`, code: 'model_type_changed' });
  }
  return found;
}
