import { describe, expect, it } from 'vitest';
import { defaultTemplates, selectTemplate } from './default-templates.ts';

describe('selectTemplate', () => {
  it('chooses the chain written for the business line whatever its spelling (0164)', () => {
    for (const line of ['Consumer lending', 'consumer lending', 'Consumer lending.', 'CONSUMER\u2003LENDING', 'Consumer lending\u200b']) {
      expect(selectTemplate(defaultTemplates, 1, line)?.key, line).toBe('consumer-credit');
    }
    expect(selectTemplate(defaultTemplates, 1, 'Consumer loans')?.key).toBe('tier-1');
    expect(selectTemplate(defaultTemplates, 3, 'consumer lending')?.key).toBe('tier-2-3');
  });
});
