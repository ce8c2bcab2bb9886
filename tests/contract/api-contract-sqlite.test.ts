// The contract's scenarios against the real server on SQLite, a fresh data folder each.
import { describeContractOn } from './support/contract-suite.ts';
import { sqliteTarget } from './support/targets.ts';

describeContractOn('server on SQLite', (options) => sqliteTarget(options));
