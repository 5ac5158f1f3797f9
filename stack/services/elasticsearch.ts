import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config/index.ts';
import type { StackService } from '../service.ts';
import { serviceDir } from '../dirs.ts';
import { copyFromMaven } from '../fetch-maven.ts';
import { ensureAptPackage, ensureSystemUser, javaHome } from '../prereq.ts';
import { asUser, isRoot, log, readPid, run, stopPid, waitFor } from '../proc.ts';
import { ELASTICSEARCH_VERSION } from '../versions.ts';

// Elasticsearch from Maven Central's integ-test-zip (no bundled JDK, no x-pack security),
// run with the machine's Java 17 as an unprivileged user: it refuses to run as root.
const esUser = (cfg: Config) => (isRoot ? cfg.STACK_ES_USER : null);
// The install must be readable by that user, which a cache under /root is not.
const homeDir = (cfg: Config) =>
  isRoot ? `/opt/commerce-stack/elasticsearch-${ELASTICSEARCH_VERSION}` : join(cfg.cacheDir, `elasticsearch-${ELASTICSEARCH_VERSION}`);
const paths = (cfg: Config) => {
  const dir = serviceDir(cfg, 'elasticsearch', esUser(cfg));
  return { dir, conf: join(dir, 'config'), data: join(dir, 'data'), logs: join(dir, 'logs'), pid: join(dir, 'es.pid') };
};

const yml = (cfg: Config, p: ReturnType<typeof paths>) => {
  const u = new URL(cfg.ELASTICSEARCH_URL);
  return `cluster.name: commerce-local
node.name: local-1
discovery.type: single-node
network.host: ${u.hostname}
http.port: ${u.port || 9200}
transport.port: ${Number(u.port || 9200) + 100}
path.data: ${p.data}
path.logs: ${p.logs}
action.destructive_requires_name: false
# loopback only, like every other local service; without this the node auto-configures TLS
xpack.security.enabled: false
# a developer's nearly full disk must not turn every index read-only
cluster.routing.allocation.disk.threshold_enabled: false
`;
};

export const elasticsearchService: StackService = {
  name: 'elasticsearch',
  url: (cfg) => cfg.ELASTICSEARCH_URL,
  async install(cfg) {
    javaHome();
    const home = homeDir(cfg);
    if (existsSync(join(home, 'bin', 'elasticsearch'))) return;
    ensureAptPackage('unzip', 'unzip');
    const zipDir = join(cfg.cacheDir, `elasticsearch-${ELASTICSEARCH_VERSION}-zip`);
    const [zip] = copyFromMaven(zipDir, 'zip');
    if (!zip) throw new Error(`Elasticsearch ${ELASTICSEARCH_VERSION} zip not found in ${zipDir}`);
    log(`unpacking Elasticsearch into ${home}`);
    const tmp = `${home}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    run('unzip', ['-q', join(zipDir, zip), '-d', tmp]);
    renameSync(join(tmp, `elasticsearch-${ELASTICSEARCH_VERSION}`), home);
    rmSync(tmp, { recursive: true, force: true });
    if (isRoot) run('chmod', ['-R', 'a+rX', home]);
  },
  async start(cfg) {
    if (await this.healthy(cfg)) return;
    const user = esUser(cfg);
    if (user) ensureSystemUser(user);
    const p = paths(cfg);
    if (!existsSync(join(p.conf, 'jvm.options'))) cpSync(join(homeDir(cfg), 'config'), p.conf, { recursive: true });
    writeFileSync(join(p.conf, 'elasticsearch.yml'), yml(cfg, p));
    mkdirSync(join(p.conf, 'jvm.options.d'), { recursive: true });
    writeFileSync(join(p.conf, 'jvm.options.d', 'heap.options'), `-Xms${cfg.ELASTICSEARCH_HEAP_MIN}\n-Xmx${cfg.ELASTICSEARCH_HEAP_MAX}\n`);
    mkdirSync(p.data, { recursive: true });
    mkdirSync(p.logs, { recursive: true });
    if (user) run('chown', ['-R', `${user}:`, p.dir]);
    log(`starting Elasticsearch ${ELASTICSEARCH_VERSION} on ${cfg.ELASTICSEARCH_URL}`);
    const [cmd, args] = asUser(user, 'env', [
      `ES_JAVA_HOME=${javaHome()}`,
      `ES_PATH_CONF=${p.conf}`,
      join(homeDir(cfg), 'bin', 'elasticsearch'),
      '-d',
      '-p',
      p.pid,
    ]);
    run(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    await waitFor('elasticsearch', () => this.healthy(cfg), 120_000, join(p.logs, 'commerce-local.log'));
  },
  stop: (cfg) => stopPid(paths(cfg).pid, 30_000),
  pid: (cfg) => readPid(paths(cfg).pid),
  async healthy(cfg) {
    try {
      const res = await fetch(`${cfg.ELASTICSEARCH_URL}/_cluster/health?timeout=1s`, { signal: AbortSignal.timeout(2000) });
      if (!res.ok) return false;
      const body = (await res.json()) as { status?: string };
      return body.status === 'green' || body.status === 'yellow';
    } catch {
      return false;
    }
  },
};
