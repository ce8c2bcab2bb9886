import { z } from 'zod';

/**
 * A package version's number, as every request and record names it: counted from 1, and held
 * to the range of the databases' integer column, so a number no version can have is refused
 * as bad input at its field (422) instead of failing in the database (500).
 */
export const versionNumberSchema = z.number().int().min(1).max(2_147_483_647);
