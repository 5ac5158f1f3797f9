import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config/index.ts';
import type { StackService } from '../service.ts';
import { serviceDir } from '../dirs.ts';
import { bootError } from '../elasticsearch-analysis/boot-error.ts';
import { ANALYSIS_PLUGIN, analysisPluginVersion, installAnalysisPlugin, runningAnalysis } from '../elasticsearch-analysis/build.ts';
import { copyFromMaven } from '../fetch-maven.ts';
import { ensureAptPackage, ensureSystemUser, javaHome } from '../prereq.ts';
import { asUser, isRoot, log, readPid, run, stopPid, waitFor } from '../proc.ts';
import { ELASTICSEARCH_VERSION } from '../versions.ts';

// Elasticsearch from Maven Central's integ-test-zip (no bundled JDK, no x-pack security),
// run with the machine's Java 17 as an unprivileged user: it refuses to run as root.
// Created on first use: a new machine has no such user, and the install chowns the plugin to it.
function esUser(cfg: Config): string | null {
  if (!isRoot) return null;
  ensureSystemUser(cfg.STACK_ES_USER);
  return cfg.STACK_ES_USER;
}
// The install must be readable by that user, which a cache under /root is not.
const homeDir = (cfg: Config) =>
  isRoot ? `/opt/commerce-stack/elasticsearch-${ELASTICSEARCH_VERSION}` : join(cfg.cacheDir, `elasticsearch-${ELASTICSEARCH_VERSION}`);
const paths = (cfg: Config) => {
  const dir = serviceDir(cfg, 'elasticsearch', esUser(cfg));
  return {
    dir,
    conf: join(dir, 'config'),
    data: join(dir, 'data'),
    logs: join(dir, 'logs'),
    log: join(dir, 'logs', 'commerce-local.log'),
    pid: join(dir, 'es.pid'),
  };
};

/** The node's config directory: files that analysis settings name (`synonyms_path`, …) resolve against it. */
export const elasticsearchConfigDir = (cfg: Config) => paths(cfg).conf;

// What stopped this boot, from what the node appended to its log: the exact exception, not a timeout.
function bootFailure(logFile: string, from: number, fallback: string): Error {
  if (!existsSync(logFile)) return new Error(fallback);
  const log = readFileSync(logFile);
  const error = bootError(log.subarray(log.length >= from ? from : 0).toString('utf8'));
  return new Error(error ? `Elasticsearch failed to start: ${error}\n(see ${logFile})` : fallback);
}

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

async function installDistribution(cfg: Config): Promise<void> {
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
}

export const elasticsearchService: StackService = {
  name: 'elasticsearch',
  url: (cfg) => cfg.ELASTICSEARCH_URL,
  async install(cfg) {
    javaHome();
    await installDistribution(cfg);
    // The minimal distribution lacks analysis-common; this plugin adds what production clusters have natively.
    installAnalysisPlugin(homeDir(cfg), ELASTICSEARCH_VERSION, esUser(cfg));
    if (!(await this.healthy(cfg))) return;
    const running = await runningAnalysis(cfg.ELASTICSEARCH_URL);
    if (running.plugin === analysisPluginVersion(ELASTICSEARCH_VERSION)) return;
    // a node this stack did not start (e.g. Docker's full distribution) is left alone if it has the analysis natively
    if (this.pid(cfg) === null) {
      if (running.analysisCommon) return;
      throw new Error(
        `Elasticsearch at ${cfg.ELASTICSEARCH_URL} has neither analysis-common nor ${ANALYSIS_PLUGIN}, and this stack did not start it: stop it and retry`,
      );
    }
    log(`restarting Elasticsearch: it runs ${running.plugin ? `build ${running.plugin} of ${ANALYSIS_PLUGIN}, not this one` : `without ${ANALYSIS_PLUGIN}`}`);
    await this.stop(cfg);
  },
  async start(cfg) {
    if (await this.healthy(cfg)) return;
    const user = esUser(cfg);
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
    const logFrom = existsSync(p.log) ? statSync(p.log).size : 0;
    try {
      run(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
      await waitFor('elasticsearch', () => this.healthy(cfg), 120_000, p.log);
    } catch (e) {
      throw bootFailure(p.log, logFrom, (e as Error).message);
    }
    const { plugin } = await runningAnalysis(cfg.ELASTICSEARCH_URL);
    if (plugin !== analysisPluginVersion(ELASTICSEARCH_VERSION)) {
      throw new Error(`Elasticsearch started without this build of ${ANALYSIS_PLUGIN} (it reports ${plugin ?? 'none'}): see ${p.log}`);
    }
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
