import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import type { Config } from '../../config/index.ts';
import { hostPort } from '../../config/schema.ts';
import type { StackService } from '../service.ts';
import { copyFromMaven } from '../fetch-maven.ts';
import { javaHome } from '../prereq.ts';
import { log, readPid, run, startDetached, stopPid, waitFor } from '../proc.ts';
import { KAFKA_VERSION } from '../versions.ts';

// Apache Kafka in KRaft mode (one node as broker and controller), jars from Maven Central.
const libDir = (cfg: Config) => join(cfg.cacheDir, `kafka-${KAFKA_VERSION}`, 'libs');
const paths = (cfg: Config) => {
  const dir = join(cfg.stackDir, 'kafka');
  return {
    dir,
    data: join(dir, 'data'),
    props: join(dir, 'server.properties'),
    log4j: join(dir, 'log4j.properties'),
    log: join(dir, 'kafka.log'),
    pid: join(cfg.stackDir, 'pids', 'kafka.pid'),
  };
};

function serverProperties(cfg: Config, dataDir: string): string {
  const { host, port } = hostPort(cfg.KAFKA_BROKERS.split(',')[0]!);
  return `process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${host}:${cfg.KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://${host}:${port},CONTROLLER://${host}:${cfg.KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${host}:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=${dataDir}
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
# room for a large row in one change event; producers still split requests at 512 KB
message.max.bytes=8388608
log.retention.hours=168
`;
}

const LOG4J = `log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
`;

const java = (cfg: Config, args: string[]): [string, string[]] => [join(javaHome(), 'bin', 'java'), ['-cp', `${libDir(cfg)}/*`, ...args]];

export const kafkaService: StackService = {
  name: 'kafka',
  url: (cfg) => `kafka://${cfg.KAFKA_BROKERS}`,
  async install(cfg) {
    javaHome();
    copyFromMaven(libDir(cfg), 'jars');
  },
  async start(cfg) {
    if (await this.healthy(cfg)) return;
    const p = paths(cfg);
    mkdirSync(p.dir, { recursive: true });
    writeFileSync(p.props, serverProperties(cfg, p.data));
    writeFileSync(p.log4j, LOG4J);
    if (!existsSync(join(p.data, 'meta.properties'))) {
      log('formatting Kafka storage (KRaft)');
      const clusterId = randomBytes(16).toString('base64url');
      const [cmd, args] = java(cfg, [
        `-Dlog4j.configuration=file:${p.log4j}`,
        'kafka.tools.StorageTool',
        'format',
        // A base64url id starts with '-' one time in 64, and argparse then reads it as an option.
        `--cluster-id=${clusterId}`,
        '-c',
        p.props,
        '--ignore-formatted',
      ]);
      run(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    }
    log(`starting Kafka ${KAFKA_VERSION} on ${cfg.KAFKA_BROKERS}`);
    const [cmd, args] = java(cfg, [
      `-Xms${cfg.KAFKA_HEAP}`,
      `-Xmx${cfg.KAFKA_HEAP}`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${p.log4j}`,
      `-Dkafka.logs.dir=${p.dir}`,
      'kafka.Kafka',
      p.props,
    ]);
    startDetached({ cmd, args, logFile: p.log, pidFile: p.pid, cwd: p.dir });
    await waitFor('kafka', () => this.healthy(cfg), 90_000, p.log);
  },
  stop: (cfg) => stopPid(paths(cfg).pid, 30_000),
  pid: (cfg) => readPid(paths(cfg).pid),
  healthy: (cfg) => apiVersionsOk(cfg.KAFKA_BROKERS.split(',')[0]!),
};

/**
 * A real protocol-level probe without a client library: an ApiVersions v0 request must be
 * answered with error code 0 (the broker is serving requests, not just listening).
 */
function apiVersionsOk(broker: string): Promise<boolean> {
  const { host, port } = hostPort(broker);
  const clientId = Buffer.from('stack-probe');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  body.writeInt16BE(18, 0); // ApiVersions
  body.writeInt16BE(0, 2);
  body.writeInt32BE(1, 4); // correlation id
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const frame = Buffer.concat([Buffer.alloc(4), body]);
  frame.writeInt32BE(body.length, 0);
  return new Promise((resolve) => {
    const s = connect({ host, port });
    let buf = Buffer.alloc(0);
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(2000, () => done(false));
    s.once('error', () => done(false));
    s.once('connect', () => s.write(frame));
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= 10) done(buf.readInt32BE(4) === 1 && buf.readInt16BE(8) === 0);
    });
  });
}
