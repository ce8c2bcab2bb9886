import { describe, expect, it } from 'vitest';
import { notApprovableReason } from './requester-standing.ts';

// A filer who lost the administrator role after filing and was granted it again (0192, fourth
// amendment): the card says the filing stays void, as the server's 409 does.
describe('notApprovableReason', () => {
  it('says a filing stays void once its filer lost the role after filing, even granted again', () => {
    const item = { requesterStanding: 'role_lost_since_filing', requestedBy: { displayName: 'Alex Morgan' } } as const;
    expect(notApprovableReason(item, 'filed')).toBe('No longer approvable: Alex Morgan, who filed it, lost the administrator role after filing it; granting it again does not revive it. Reject it; another administrator may file it again.');
    expect(notApprovableReason({ ...item, requesterStanding: 'administrator' }, 'filed')).toBeNull();
  });
});
