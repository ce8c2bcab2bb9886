// The contract's scenarios against the MSW mocks the SPA's component tests run on.
import { describeContractOn } from './support/contract-suite.ts';
import { mockTarget } from './support/targets.ts';

describeContractOn('MSW mocks', (options) => mockTarget(options));
