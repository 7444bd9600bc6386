/**
 * CPU time of processes and threads on this machine, from Linux's /proc (for the benchmarks: who
 * used the cores while they ran). Every function returns undefined where /proc cannot be read
 * (another system, a process that ended, a server on another machine).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** utime + stime in seconds from a /proc/.../stat line. */
function statSeconds(line: string): number {
  const f = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** CPU seconds of a process, all its threads together. */
export function processSeconds(pid: number): number | undefined {
  const line = read(`/proc/${pid}/stat`);
  return line === undefined ? undefined : statSeconds(line);
}

/** CPU seconds of each thread of a process (thread id → seconds; the main thread's id is pid). */
export function threadSeconds(pid: number): Map<number, number> | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const out = new Map<number, number>();
  for (const t of tids) {
    const line = read(`/proc/${pid}/task/${t}/stat`);
    if (line !== undefined) out.set(Number(t), statSeconds(line));
  }
  return out;
}

/** Seconds all cores spent busy and in all since boot (the first line of /proc/stat). */
export function machineSeconds(): { busy: number; all: number } | undefined {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return undefined;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const all = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (all - idle) / TICKS, all: all / TICKS };
}
