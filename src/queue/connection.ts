/**
 * Where the work queue lives: a redis:// (or rediss://) URL. The URL may carry `?prefix=NAME`,
 * the key prefix of the queue in Redis (default "marsad"), so that several installations (or
 * tests) can share one Redis.
 */
import type { ConnectionOptions } from 'bullmq';

/** The BullMQ queue of articles waiting for extraction and storage. */
export const QUEUE_NAME = 'marsad-articles';

export interface QueueTarget {
  connection: ConnectionOptions;
  prefix: string;
}

/** The queue named by `--queue`, else MARSAD_QUEUE; undefined when neither is set. */
export function resolveQueue(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return flag || env.MARSAD_QUEUE || undefined;
}

/**
 * Connection options for BullMQ. `forWorker`: a worker's blocking connection must retry
 * commands forever (maxRetriesPerRequest: null), so that a Redis restart pauses it instead of
 * failing it; ioredis reconnects by itself.
 */
export function parseQueueUrl(spec: string, forWorker = false): QueueTarget {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`not a redis:// URL: ${spec}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`not a redis:// URL: ${spec}`);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`bad Redis database number in ${spec}`);
  const prefix = url.searchParams.get('prefix') || 'marsad';
  if (!/^[\w.-]{1,100}$/.test(prefix)) throw new Error(`bad queue prefix "${prefix}"`);
  const connection: ConnectionOptions = {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    db,
    // Reconnect forever, at most every 2 s.
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    ...(forWorker ? { maxRetriesPerRequest: null } : {}),
  };
  return { connection, prefix };
}
