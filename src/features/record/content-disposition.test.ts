import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './content-disposition.ts';

const fallback = 'approval-record-pkg_1.json';

describe('fileNameFrom', () => {
  it('takes the quoted or bare file name the server suggests', () => {
    expect(fileNameFrom('attachment; filename="approval-record-retail-credit-pd-4.2.0-v2.json"', fallback)).toBe('approval-record-retail-credit-pd-4.2.0-v2.json');
    expect(fileNameFrom('attachment; filename=record.json; size=10', fallback)).toBe('record.json');
  });

  it('prefers the UTF-8 name when both are given', () => {
    expect(fileNameFrom(`attachment; filename="record.json"; filename*=UTF-8''d%C3%A9cision.json`, fallback)).toBe('décision.json');
  });

  it('keeps only the last path segment and falls back when nothing usable is left', () => {
    expect(fileNameFrom('attachment; filename="../../etc/record.json"', fallback)).toBe('record.json');
    expect(fileNameFrom('attachment; filename=..\\..\\x.json', fallback)).toBe('x.json');
    expect(fileNameFrom('attachment; filename=".."', fallback)).toBe(fallback);
    expect(fileNameFrom('attachment', fallback)).toBe(fallback);
    expect(fileNameFrom(null, fallback)).toBe(fallback);
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E0%A4%A`, fallback)).toBe(fallback);
  });
});
