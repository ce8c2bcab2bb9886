// A typed door to autocannon (it ships no types): the options and result fields we use.
import { createRequire } from 'node:module';

export type RequestContext = Record<string, unknown>;

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before each send with this connection's context; null skips to the first request. */
  setupRequest?: (request: LoadRequest, context: RequestContext) => LoadRequest | null;
  onResponse?: (status: number, body: string, context: RequestContext) => void;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds (ignored when `amount` is given). */
  duration?: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
  headers?: Record<string, string>;
  requests?: LoadRequest[];
  /** Seconds before a request counts as timed out. */
  timeout?: number;
}

export interface LoadResult {
  /** Seconds, as measured by autocannon. */
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  /** Milliseconds, from autocannon's HDR histogram (1 ms resolution). */
  latency: { p50: number; p99: number; average: number; max: number; totalCount: number };
  requests: { total: number; average: number };
}

type Autocannon = (options: LoadOptions & { renderProgressBar: false; renderResultsTable: false }) => Promise<LoadResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return autocannon({ timeout: 30, ...options, renderProgressBar: false, renderResultsTable: false });
}

/** Completed requests per second over the whole run. */
export const throughput = (result: LoadResult): number => result.latency.totalCount / result.duration;
