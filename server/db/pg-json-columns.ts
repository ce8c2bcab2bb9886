import pg from 'pg';
import { parseJson } from '#domain/json/parse-json.ts';

/**
 * node-postgres reads json and jsonb columns (the `json_agg` of the batched reads) with V8's
 * JSON.parse, which misreads escaped object keys (docs/decisions/0237). Today every key they
 * carry is a column name, but a key a user chose would be misread; so they are read with
 * parseJson, for every pool and client of the process.
 */
export function readJsonColumnsWithParseJson(): void {
  pg.types.setTypeParser(pg.types.builtins.JSON, parseJson);
  pg.types.setTypeParser(pg.types.builtins.JSONB, parseJson);
}
