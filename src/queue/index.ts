export { parseQueueUrl, QUEUE_NAME, resolveQueue } from './connection.js';
export { type EnqueueSummary, enqueueItems } from './enqueue.js';
export { ATTEMPTS, JOB_OPTIONS, jobId, openQueue } from './jobs.js';
export { type QueueStatus, queueStatus, retryFailed } from './status.js';
export { runWorker, type WorkerOptions, type WorkerStats } from './worker.js';
