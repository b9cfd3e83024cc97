/** What the benchmark parent and its server children share: the upstream credential, the roles, and the IPC messages. */

/** The tenant's upstream credential: the mock checks it on every request, direct or through the gateway. */
export const BENCH_CREDENTIAL = 'bench-upstream-credential';

export type Role = 'mock' | 'gateway' | 'both';

/** What a child reports once it listens. */
export interface Ready {
  type: 'ready';
  mockBaseUrl?: string;
  gatewayUrl?: string;
  token?: string;
}

/** Sent in reply to `{ type: 'cpu' }`: user + system CPU microseconds since the process started. */
export interface CpuReply {
  type: 'cpu';
  micros: number;
}

/** Sent in reply to `{ type: 'rss' }`: the process's resident set size in bytes. */
export interface RssReply {
  type: 'rss';
  bytes: number;
}
