import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { StreamsError } from '../../errors/streams-error.js';
import { sleep } from '../sleep.js';

/** The task folder is locked by another live process (the previous owner still closing). */
export class StateDirLockedError extends StreamsError {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Locks a task's state folder with a `.lock` file holding this process's PID, so two
 * processes never open the same task's LevelDB. A lock left by a process that no longer
 * exists (killed) is taken over, so a crash never blocks the restart.
 */
export function lockTaskDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner === process.pid) return () => rmSync(file, { force: true });
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new StateDirLockedError(`State folder ${dir} is locked by process ${owner}; it is still running (or closing) this task.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new StateDirLockedError(`Could not lock state folder ${dir}.`);
}

/**
 * `lockTaskDir`, retried every 500 ms for up to 30 s while the previous owner (another
 * process) may still be closing the task. Null when `signal` aborts first.
 */
export async function lockTaskDirWhenFree(dir: string, signal?: AbortSignal): Promise<(() => void) | null> {
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) return null;
    try {
      return lockTaskDir(dir);
    } catch (error) {
      if (attempt >= 60) throw error;
      await sleep(500, signal);
    }
  }
}
