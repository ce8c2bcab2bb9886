// The contract's scenarios against the real server on PostgreSQL, a fresh database each.
import { inject } from 'vitest';
import { describeContractOn } from './support/contract-suite.ts';
import { postgresTarget } from './support/targets.ts';

describeContractOn('server on PostgreSQL', (options) => postgresTarget(inject('databaseUrl'), options));
