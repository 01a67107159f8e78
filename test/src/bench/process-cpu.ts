import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** User + system CPU seconds a process has used so far (Linux `/proc/<pid>/stat`, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The pid of the local server listening on `port`, when it runs on this machine (null for a remote or unknown one). */
export function listenerPid(port: number): number | null {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    return pid ? Number(pid) : null;
  } catch {
    return null;
  }
}

/** Measures the CPU seconds each named process spends while `work` runs. */
export async function measureCpu<T>(pids: Record<string, number | null>, work: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number> }> {
  const live = Object.entries(pids).filter((e): e is [string, number] => e[1] !== null);
  const before = live.map(([, pid]) => cpuSeconds(pid));
  const result = await work();
  const cpu = Object.fromEntries(live.map(([name, pid], i) => [name, cpuSeconds(pid) - before[i]!]));
  return { result, cpu };
}
