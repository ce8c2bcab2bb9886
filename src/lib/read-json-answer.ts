import { nativeParseIfSure } from '#domain/json/native-parse-if-sure.ts';

/**
 * The JSON of an answer, read as parseJson reads it (docs/decisions/0237): V8's own parse when
 * it is sure to be right, else the project's parser, loaded the first time one is needed so the
 * log-in page does not carry it.
 */
export async function readJsonAnswer(response: Response): Promise<unknown> {
  const text = await response.text();
  const sure = nativeParseIfSure(text);
  if (sure) return sure.value;
  const { parseJsonStrictly } = await import('#domain/json/parse-json.ts');
  return parseJsonStrictly(text);
}
