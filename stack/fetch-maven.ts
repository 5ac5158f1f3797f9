import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config/index.ts';
import { ensureMaven } from './prereq.ts';
import { log, run } from './proc.ts';
import { ELASTICSEARCH_VERSION, KAFKA_VERSION } from './versions.ts';

// Server artefacts come from Maven Central through `mvn` (stack/maven/pom.xml); the local
// repository (~/.m2) is the download cache, so a second fetch is offline and quick.
export function copyFromMaven(outDir: string, kind: 'jars' | 'zip'): string[] {
  const done = join(outDir, '.complete');
  if (existsSync(done)) return readdirSync(outDir).filter((f) => !f.startsWith('.'));
  ensureMaven();
  mkdirSync(outDir, { recursive: true });
  log(`fetching ${kind === 'zip' ? `Elasticsearch ${ELASTICSEARCH_VERSION}` : `Kafka ${KAFKA_VERSION}`} from Maven Central`);
  run(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(repoRoot, 'stack', 'maven', 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${outDir}`,
      '-DincludeScope=runtime',
      kind === 'zip' ? '-DincludeTypes=zip' : '-DexcludeTypes=zip',
      `-Dkafka.version=${KAFKA_VERSION}`,
      `-Delasticsearch.version=${ELASTICSEARCH_VERSION}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  writeFileSync(done, new Date().toISOString());
  return readdirSync(outDir).filter((f) => !f.startsWith('.'));
}
