// Runs a command and measures its wall time and the peak memory of its whole process
// tree. scrapelint lints large runs in worker processes, and getrusage (what
// `/usr/bin/time -f %M` reports) gives only the largest single process, not the sum.
// The tree's RSS is summed from /proc every 100 ms (Linux; elsewhere peak is undefined).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function treeRssKb(root) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const parent = new Map();
  const rss = new Map();
  for (const pid of entries) {
    try {
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(fields[1]));
      rss.set(Number(pid), Number(fields[21]) * 4); // pages of 4 KB
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p = pid; p; p = parent.get(p)) {
      if (p === root) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

/** Resolves to { status, stdout, stderr, wallSeconds, peakMb } once the command ends. */
export function measureRun(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    let peakKb = 0;
    const sample = () => {
      const kb = treeRssKb(child.pid);
      if (kb === undefined) peakKb = NaN;
      else if (kb > peakKb) peakKb = kb;
    };
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, stdout, stderr, wallSeconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
}
