/** Memory of the benchmarks' processes, read from ps and /proc (Linux). */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Proportional set size (MB) of a process: its private memory plus its share of memory shared with others (0 when unreadable). */
export function pssMb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** app: the process and its descendants; root: the process alone; db: PostgreSQL. */
export type Memory = { app: number; root: number; db: number; appPss: number; dbPss: number };

/**
 * Memory (MB) of a process and its descendants, and of every postgres process of this bench's data
 * folder: RSS, and PSS. PostgreSQL's backends share their buffers, so the sum of their RSS counts the
 * shared memory once per backend; the sum of PSS counts it once.
 */
export function memoryMb(rootPid: number, dataDirHint: string): Memory {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,args="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]), args: m[4]! }));
  const tree = new Set([rootPid]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of rows) {
      if (tree.has(r.pid) || !tree.has(r.ppid)) continue;
      tree.add(r.pid);
      changed = true;
    }
  }
  const appRows = rows.filter((r) => tree.has(r.pid));
  const postmaster = rows.find((r) => r.args.includes("postgres") && r.args.includes(dataDirHint));
  const dbRows = postmaster ? rows.filter((r) => r.pid === postmaster.pid || r.ppid === postmaster.pid) : [];
  const rss = (xs: typeof rows) => xs.reduce((s, r) => s + r.rss, 0) / 1024;
  const pss = (xs: typeof rows) => xs.reduce((s, r) => s + pssMb(r.pid), 0);
  return { app: rss(appRows), root: rss(appRows.filter((r) => r.pid === rootPid)), db: rss(dbRows), appPss: pss(appRows), dbPss: pss(dbRows) };
}
