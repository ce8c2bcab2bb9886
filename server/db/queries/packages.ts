import { sql } from 'kysely';
import type { PackagesStore, StoredPackage, StoredVersion, StoredVersionFacts } from '#api/store/packages.ts';
import { answerTargetKey, answerTargetSchema } from '#domain/contracts/revisions.ts';
import { sectionKeySchema } from '#domain/contracts/sections.ts';
import type { Engine } from '../schema/engine.ts';
import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import type { PackagesTable, PackageVersionsTable, VersionAnswersTable } from '../schema/schema.ts';
import { withIds, type Db } from './shared.ts';
import { insertSummaryPlaceholder } from './package-summaries.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The packages part of the Kysely repository: models, packages, versions and their answers.

// The two-key advisory locks live in a key space apart from the one-key audit lock.
const packageLockNamespace = 7_418;

/** A version's facts (its content left out). */
export const toVersionFacts = (r: Omit<PackageVersionsTable, 'canonical_content'>): StoredVersionFacts => ({ packageId: r.package_id, number: r.number, contentHash: r.content_hash, sectionDigests: parseJson(r.section_digests) as Record<string, string>, submittedBy: r.submitted_by, submittedAt: r.submitted_at });

export function toPackage(row: PackagesTable): StoredPackage {
  return {
    id: row.id,
    modelKey: row.model_key,
    modelName: row.model_name,
    versionLabel: row.version_label,
    riskTier: row.risk_tier,
    businessLine: row.business_line,
    ownerTeam: row.owner_team,
    ownerId: row.owner_id,
    templateKey: row.template_key,
    templateVersion: row.template_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersion(r: PackageVersionsTable): StoredVersion {
  return { packageId: r.package_id, number: r.number, canonicalContent: r.canonical_content, contentHash: r.content_hash, sectionDigests: parseJson(r.section_digests) as Record<string, string>, submittedBy: r.submitted_by, submittedAt: r.submitted_at };
}

// Built once: a zod schema made per row is most of the cost of mapping one.
const sectionKeysSchema = sectionKeySchema.array();

export function toAnswer(r: VersionAnswersTable): ConcernAnswer {
  return { target: answerTargetSchema.parse(parseJson(r.target)), answer: r.answer, sectionKeys: sectionKeysSchema.parse(parseJson(r.section_keys)) };
}

export function packagesQueries(db: Db, engine: Engine): PackagesStore {
  return {
    async findModel(key) {
      const row = await db.selectFrom('models').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? { key: row.key, name: row.name, ownerId: row.owner_id } : null;
    },
    async insertModel(model) {
      await db.insertInto('models').values({ key: model.key, name: model.name, owner_id: model.ownerId }).execute();
    },
    async listModels() {
      const rows = await db.selectFrom('models').selectAll().orderBy('key').execute();
      return rows.map((r) => ({ key: r.key, name: r.name, ownerId: r.owner_id }));
    },
    async listPackages(ownerId) {
      let q = db.selectFrom('packages').selectAll();
      if (ownerId !== undefined) q = q.where('owner_id', '=', ownerId);
      return (await q.orderBy('id').execute()).map(toPackage);
    },
    async listPackageModels(ownerId) {
      let q = db.selectFrom('packages').select((eb) => ['model_key', 'model_name', eb.fn.max('created_at').as('latest')]).groupBy(['model_key', 'model_name']);
      if (ownerId !== null) q = q.where('owner_id', '=', ownerId);
      // One name per model: its newest package's (a resubmission may rename it).
      const newest = new Map<string, { name: string; latest: string }>();
      for (const row of await q.execute()) {
        const seen = newest.get(row.model_key);
        if (!seen || row.latest > seen.latest) newest.set(row.model_key, { name: row.model_name, latest: row.latest });
      }
      return [...newest].map(([key, { name }]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
    },
    listPackagesById(ids) {
      return withIds(ids, async (only) => (await db.selectFrom('packages').selectAll().where('id', 'in', only ?? []).execute()).map(toPackage));
    },
    async findPackage(id) {
      const row = await db.selectFrom('packages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPackage(row) : null;
    },
    async findPackageByModelVersion(modelKey, versionLabel) {
      const row = await db.selectFrom('packages').selectAll().where('model_key', '=', modelKey).where('version_label', '=', versionLabel).executeTakeFirst();
      return row ? toPackage(row) : null;
    },
    async findLatestPackageOfModel(modelKey) {
      const row = await db.selectFrom('packages').selectAll().where('model_key', '=', modelKey).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toPackage(row) : null;
    },
    async insertPackage(p) {
      await db
        .insertInto('packages')
        .values({ id: p.id, model_key: p.modelKey, model_name: p.modelName, version_label: p.versionLabel, risk_tier: p.riskTier, business_line: p.businessLine, owner_team: p.ownerTeam, owner_id: p.ownerId, template_key: p.templateKey, template_version: p.templateVersion, created_at: p.createdAt, updated_at: p.updatedAt })
        .execute();
      await insertSummaryPlaceholder(db, p.id, p.ownerId);
    },
    async lockPackage(id) {
      // A transaction-scoped advisory lock on (namespace, hash of the id): released at commit or
      // rollback, and taken before the audit lock, never after it, so the two cannot deadlock.
      // SQLite has one connection behind a mutex: transactions already run one at a time.
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${packageLockNamespace}::int, hashtext(${id}))`.execute(db);
    },
    async touchPackage(id, updatedAt) {
      await db.updateTable('packages').set({ updated_at: updatedAt }).where('id', '=', id).execute();
    },
    async refilePackageLine(id, businessLine, template, updatedAt) {
      await db.updateTable('packages').set({ business_line: businessLine, template_key: template.key, template_version: template.version, updated_at: updatedAt }).where('id', '=', id).execute();
      // Re-filed by its owner's version: a line added after the package no longer holds it (0182).
      await db.deleteFrom('line_refiles_required').where('package_id', '=', id).execute();
    },
    listVersionFacts(ids) {
      return withIds(ids, async (only) => {
        let q = db.selectFrom('package_versions').select(['package_id', 'number', 'content_hash', 'section_digests', 'submitted_by', 'submitted_at']);
        if (only) q = q.where('package_id', 'in', only);
        const rows = await q.orderBy('package_id').orderBy('number').execute();
        return rows.map(toVersionFacts);
      });
    },
    async findVersion(packageId, number) {
      const r = await db.selectFrom('package_versions').selectAll().where('package_id', '=', packageId).where('number', '=', number).executeTakeFirst();
      return r ? toVersion(r) : null;
    },
    async insertVersion(v) {
      await db
        .insertInto('package_versions')
        .values({ package_id: v.packageId, number: v.number, canonical_content: v.canonicalContent, content_hash: v.contentHash, section_digests: JSON.stringify(v.sectionDigests), submitted_by: v.submittedBy, submitted_at: v.submittedAt })
        .execute();
    },
    async insertVersionAnswers(packageId, versionNumber, answers) {
      if (answers.length === 0) return;
      await db
        .insertInto('version_answers')
        .values(
          answers.map((a, position) => ({
            package_id: packageId,
            version_number: versionNumber,
            position,
            target_key: answerTargetKey(a.target),
            target: JSON.stringify(a.target),
            answer: a.answer,
            section_keys: JSON.stringify(a.sectionKeys),
          })),
        )
        .execute();
    },
    async listVersionAnswers(packageId, versionNumber) {
      const rows = await db.selectFrom('version_answers').selectAll().where('package_id', '=', packageId).where('version_number', '=', versionNumber).orderBy('position').execute();
      return rows.map(toAnswer);
    },
  };
}
