import { describeError } from '#src/lib/describe-error.ts';
import { checkRange, type RangeMessage, type RangeRequest } from './check-range.ts';
import { createReadEntries } from './read-chain.ts';

// The integrity worker's helper: verifies the end of the log on another core while the
// integrity worker verifies the start (docs/decisions/0160). One range per worker.

const post = (message: RangeMessage) => {
  if (message.type === 'leaves') self.postMessage(message, { transfer: [message.leaves.buffer] });
  else self.postMessage(message);
};

self.onmessage = (event: MessageEvent<RangeRequest & { pageSize: number }>) => {
  checkRange(createReadEntries(self.location.origin, event.data.pageSize), event.data, post)
    .then((done) => post({ type: 'done', done }))
    .catch((error: unknown) => post({ type: 'error', message: describeError(error) }));
};

// Its script is loaded and run: the integrity worker may start reading the log now.
post({ type: 'running' });
