import { createUser, disableUser, enableUser, listManagedUsers, resetUserPassword, setUserRoles } from './admin-handlers.ts';
import { changeOwnPassword, listOwnSessions, revokeOwnSession, stepUp } from './account-handlers.ts';
import { completeSetup, setupStatus } from './setup-handlers.ts';
import { sendPasswordLink, setPasswordWithLink } from './password-links.ts';

export const usersHandlers = { listManagedUsers, createUser, setUserRoles, disableUser, enableUser, resetUserPassword, changeOwnPassword, stepUp, listOwnSessions, revokeOwnSession, setupStatus, completeSetup, sendPasswordLink, setPasswordWithLink };
