import { describe, expect, it } from 'vitest';
import { bootError } from './boot-error.ts';

// Shapes of Elasticsearch 8.19's commerce-local.log, the first one as the node wrote it when the
// plugin's descriptor named another Elasticsearch version.
const versionMismatch = `[2026-12-03T11:31:04,841][INFO ][o.e.b.Elasticsearch      ] [h5a-1] Bootstrapping Entitlements
[2026-12-03T11:31:09,464][ERROR][o.e.b.Elasticsearch      ] [h5a-1] fatal exception while booting Elasticsearch
java.lang.IllegalArgumentException: Plugin [commerce-analysis] was built for Elasticsearch version 8.19.0 but version 8.19.21 is running
\tat org.elasticsearch.server@8.19.21/org.elasticsearch.plugins.PluginsUtils.verifyCompatibility(PluginsUtils.java:148)
\tat org.elasticsearch.server@8.19.21/org.elasticsearch.bootstrap.Elasticsearch.main(Elasticsearch.java:100)
`;
const withCause = `[2026-12-03T11:40:00,000][ERROR][o.e.b.Elasticsearch      ] [local-1] fatal exception while booting Elasticsearch
java.lang.IllegalStateException: failed to load plugin commerce-analysis due to jar hell
\tat org.elasticsearch.server@8.19.21/org.elasticsearch.plugins.PluginsUtils.checkBundleJarHell(PluginsUtils.java:300)
Caused by: java.lang.IllegalStateException: jar hell!
class: org.apache.lucene.analysis.ar.ArabicAnalyzer$DefaultSetHolder
\tat org.elasticsearch.base@8.19.21/org.elasticsearch.jdk.JarHell.checkClass(JarHell.java:316)
\t... 12 more
[2026-12-03T11:40:01,000][INFO ][o.e.n.Node               ] [local-1] stopping ...
`;

describe('bootError', () => {
  it.each([
    [
      'a descriptor for another version',
      versionMismatch,
      'java.lang.IllegalArgumentException: Plugin [commerce-analysis] was built for Elasticsearch version 8.19.0 but version 8.19.21 is running',
    ],
    [
      'an error with its cause',
      withCause,
      'java.lang.IllegalStateException: failed to load plugin commerce-analysis due to jar hell\nCaused by: java.lang.IllegalStateException: jar hell!',
    ],
    [
      'the last of two failed boots',
      `${withCause}${versionMismatch}`,
      'java.lang.IllegalArgumentException: Plugin [commerce-analysis] was built for Elasticsearch version 8.19.0 but version 8.19.21 is running',
    ],
    [
      'the message on the marker line',
      '[2026][ERROR][o] [n] fatal exception while booting Elasticsearchjava.lang.RuntimeException: boom\n\tat x',
      'java.lang.RuntimeException: boom',
    ],
    ['a log without a failed boot', '[2026-12-03T11:29:44,998][INFO ][o.e.n.Node] [h5a-1] started\n', null],
  ])('%s', (_, log, expected) => {
    expect(bootError(log)).toBe(expected);
  });
});
