import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureAptPackage } from '../prereq.ts';
import { log, run } from '../proc.ts';
import { fillDescriptor, type SourceFile, sourceStamp } from './stamp.ts';

// Elasticsearch's analysis plugin for the local stack (see AnalysisPlugin.java), compiled against
// the jars of the installed distribution, which are Maven Central's: the server jar and the
// Lucene analysis-common jar it bundles. The jar must not ship Lucene's: that one is already on
// the server's classpath, and a second copy fails the node with "jar hell".
export const ANALYSIS_PLUGIN = 'commerce-analysis';
const here = import.meta.dirname;
const STAMP_FILE = 'source.sha256';

// What the plugin is built from: the Java sources, the descriptor template and this recipe.
function sources(): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return [...walk(join(here, 'src')), join(here, 'plugin-descriptor.properties'), import.meta.filename].map((p) => ({
    path: relative(here, p),
    content: readFileSync(p),
  }));
}

/** The version the installed plugin must report: the first 12 hex digits of its source stamp. */
export function analysisPluginVersion(elasticsearchVersion: string): string {
  return sourceStamp(sources(), elasticsearchVersion).slice(0, 12);
}

/**
 * Builds the plugin into `<home>/plugins` unless the installed one was built from these sources for
 * this Elasticsearch version; returns whether it installed a new build (the node must then restart).
 */
export function installAnalysisPlugin(home: string, elasticsearchVersion: string, owner: string | null): boolean {
  const stamp = sourceStamp(sources(), elasticsearchVersion);
  const target = join(home, 'plugins', ANALYSIS_PLUGIN);
  const stampFile = join(target, STAMP_FILE);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) return false;
  ensureAptPackage('javac', 'openjdk-17-jdk-headless');
  log(`building the Elasticsearch analysis plugin (${ANALYSIS_PLUGIN})`);
  const work = mkdtempSync(join(tmpdir(), 'es-analysis-'));
  try {
    const classes = join(work, 'classes');
    const javaFiles = sources()
      .map((f) => join(here, f.path))
      .filter((p) => p.endsWith('.java'));
    run('javac', ['--release', '17', '-nowarn', '-cp', join(home, 'lib', '*'), '-d', classes, ...javaFiles]);
    const jar = join(work, `${ANALYSIS_PLUGIN}.jar`);
    run('jar', ['--create', '--file', jar, '-C', classes, '.']);
    const descriptor = fillDescriptor(readFileSync(join(here, 'plugin-descriptor.properties'), 'utf8'), {
      name: ANALYSIS_PLUGIN,
      description: "Lucene's token filters, tokenizers and char filters under Elasticsearch's analysis-common names, for the local stack",
      version: stamp.slice(0, 12),
      elasticsearchVersion,
    });
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    cpSync(jar, join(target, `${ANALYSIS_PLUGIN}.jar`));
    writeFileSync(join(target, 'plugin-descriptor.properties'), descriptor);
    writeFileSync(stampFile, `${stamp}\n`);
    run('chmod', ['-R', 'a+rX', target]);
    if (owner) run('chown', ['-R', `${owner}:`, target]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return true;
}

type NodePlugins = { nodes: Record<string, { modules?: { name: string }[]; plugins?: { name: string; version: string }[] }> };

/**
 * What gives the running node its analysis: the version of this plugin it loaded (null when none),
 * and whether it has Elasticsearch's own analysis-common module, as a full distribution does.
 */
export async function runningAnalysis(elasticsearchUrl: string): Promise<{ plugin: string | null; analysisCommon: boolean }> {
  const res = await fetch(`${elasticsearchUrl}/_nodes/_local/plugins?filter_path=nodes.*.modules.name,nodes.*.plugins.name,nodes.*.plugins.version`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`GET _nodes/_local/plugins answered ${res.status}: ${await res.text()}`);
  const node = Object.values(((await res.json()) as NodePlugins).nodes)[0];
  return {
    plugin: node?.plugins?.find((p) => p.name === ANALYSIS_PLUGIN)?.version ?? null,
    analysisCommon: node?.modules?.some((m) => m.name === 'analysis-common') ?? false,
  };
}
