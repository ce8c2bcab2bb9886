import { checkRange, type RangeMessage, type RangeRequest } from './check-range.ts';
import { createReadEntries } from './read-chain.ts';

// The integrity worker's helper: verifies the end of the log on another core while the
// integrity worker verifies the start (docs/decisions/0160). One range per worker.
//
// Nothing here imports the route table or the app's problem reader (zod and every contract):
// this script is loaded and run on the check's critical path (docs/decisions/0201). Its errors
// are never shown: the integrity worker reads the range itself when this one fails.

const refusal = (response: Response) => Promise.resolve(new Error(`The API answered the audit chain with ${response.status} ${response.statusText}`));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const post = (message: RangeMessage) => {
  if (message.type === 'leaves') self.postMessage(message, { transfer: [message.leaves.buffer] });
  else self.postMessage(message);
};

self.onmessage = (event: MessageEvent<RangeRequest & { pageSize: number }>) => {
  checkRange(createReadEntries(self.location.origin, event.data.pageSize, refusal), event.data, post)
    .then((done) => post({ type: 'done', done }))
    .catch((error: unknown) => post({ type: 'error', message: messageOf(error) }));
};
