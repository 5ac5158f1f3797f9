import { existsSync, readdirSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import type { Config } from '../../config/index.ts';
import type { StackService } from '../service.ts';
import { serviceDir } from '../dirs.ts';
import { ensureAptPackage } from '../prereq.ts';
import { alive, asUser, isRoot, log, run, waitFor } from '../proc.ts';

// PostgreSQL from the Debian packages, in a cluster of our own with logical WAL for CDC.
function binDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .map(Number)
    .filter((v) => v >= 15)
    .sort((a, b) => b - a);
  for (const v of versions) if (existsSync(join(base, String(v), 'bin', 'pg_ctl'))) return join(base, String(v), 'bin');
  return null;
}

function pgBin(tool: string): string {
  const dir = binDir();
  if (!dir) throw new Error('PostgreSQL 15+ binaries not found under /usr/lib/postgresql');
  return join(dir, tool);
}

const osUser = (cfg: Config) => (isRoot ? cfg.STACK_PG_OS_USER : null);
const paths = (cfg: Config) => {
  const dir = serviceDir(cfg, 'postgres', osUser(cfg));
  return { dir, data: join(dir, 'data'), log: join(dir, 'postgres.log'), run: join(dir, 'run') };
};

function pgCtl(cfg: Config, args: string[]): string {
  const [cmd, a] = asUser(osUser(cfg), pgBin('pg_ctl'), args);
  return run(cmd, a, { stdio: ['ignore', 'pipe', 'pipe'] });
}

const settings = (cfg: Config, socketDir: string) => `
# --- commerce local stack ---
listen_addresses = '${cfg.POSTGRES_HOST}'
port = ${cfg.POSTGRES_PORT}
unix_socket_directories = '${socketDir}'
wal_level = logical
max_replication_slots = 20
max_wal_senders = 20
# a CDC slot nobody reads must not fill the disk: past this much retained WAL it is invalidated
max_slot_wal_keep_size = '4GB'
max_connections = 300
shared_buffers = '256MB'
log_min_messages = warning
`;

export const postgresService: StackService = {
  name: 'postgres',
  url: (cfg) => `postgres://${cfg.POSTGRES_HOST}:${cfg.POSTGRES_PORT}/${cfg.POSTGRES_DB}`,

  async install() {
    if (!binDir()) ensureAptPackage('postgres', 'postgresql', '/usr/lib/postgresql/15/bin/pg_ctl');
    if (!binDir()) throw new Error('PostgreSQL 15+ is required: install the Debian package postgresql (15 or newer).');
  },

  async start(cfg) {
    if (await this.healthy(cfg)) return;
    const p = paths(cfg);
    if (!existsSync(join(p.data, 'PG_VERSION'))) {
      log('initialising the PostgreSQL cluster');
      const pwfile = join(p.dir, '.pwfile');
      writeFileSync(pwfile, `${cfg.POSTGRES_PASSWORD}\n`, { mode: 0o600 });
      if (isRoot) run('chown', [`${cfg.STACK_PG_OS_USER}:`, pwfile]);
      const [cmd, args] = asUser(osUser(cfg), pgBin('initdb'), [
        '-D',
        p.data,
        '-U',
        cfg.POSTGRES_USER,
        `--pwfile=${pwfile}`,
        '-E',
        'UTF8',
        '--no-locale',
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
      ]);
      run(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      run('mkdir', ['-p', p.run]);
      if (isRoot) run('chown', ['-R', `${cfg.STACK_PG_OS_USER}:`, p.dir]);
      appendFileSync(join(p.data, 'postgresql.conf'), settings(cfg, p.run));
    }
    const pidLine = existsSync(join(p.data, 'postmaster.pid')) ? Number(readFileSync(join(p.data, 'postmaster.pid'), 'utf8').split('\n')[0]) : 0;
    if (!pidLine || !alive(pidLine)) {
      log(`starting PostgreSQL on ${cfg.POSTGRES_HOST}:${cfg.POSTGRES_PORT}`);
      pgCtl(cfg, ['-D', p.data, '-l', p.log, '-w', '-t', '60', '-o', `-p ${cfg.POSTGRES_PORT} -h ${cfg.POSTGRES_HOST}`, 'start']);
    }
    await waitFor('postgres', () => ping(cfg, 'postgres'), 60_000, p.log);
    await ensureDatabase(cfg);
  },

  async stop(cfg) {
    const p = paths(cfg);
    if (this.pid(cfg) === null) return false;
    pgCtl(cfg, ['-D', p.data, '-m', 'fast', '-w', 'stop']);
    return true;
  },

  pid(cfg) {
    const file = join(paths(cfg).data, 'postmaster.pid');
    if (!existsSync(file)) return null;
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return pid > 0 && alive(pid) ? pid : null;
  },

  healthy: (cfg) => ping(cfg, cfg.POSTGRES_DB),
};

async function ping(cfg: Config, database: string): Promise<boolean> {
  const sql = postgres({
    host: cfg.POSTGRES_HOST,
    port: cfg.POSTGRES_PORT,
    user: cfg.POSTGRES_USER,
    password: cfg.POSTGRES_PASSWORD,
    database,
    max: 1,
    connect_timeout: 2,
    onnotice: () => {},
  });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function ensureDatabase(cfg: Config): Promise<void> {
  const sql = postgres({
    host: cfg.POSTGRES_HOST,
    port: cfg.POSTGRES_PORT,
    user: cfg.POSTGRES_USER,
    password: cfg.POSTGRES_PASSWORD,
    database: 'postgres',
    max: 1,
    onnotice: () => {},
  });
  try {
    const [row] = await sql`select 1 as ok from pg_database where datname = ${cfg.POSTGRES_DB}`;
    if (!row) {
      log(`creating database ${cfg.POSTGRES_DB}`);
      await sql.unsafe(`create database "${cfg.POSTGRES_DB.replaceAll('"', '""')}"`);
    }
  } finally {
    await sql.end({ timeout: 1 });
  }
}
