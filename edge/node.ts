import { serve } from '@hono/node-server';
import { config } from '../config/index.ts';
import { refuseUnsafeStart } from '../config/refuse-unsafe-start.ts';
import { hostPort } from '../config/schema.ts';
import { createEdge } from './app.ts';
import { batchedStdout } from './node-log-sink.ts';
import { nodeEdgeOptions } from './node-runtime.ts';
import { EDGE_SECRETS } from './secrets.ts';

// The edge on Node (@hono/node-server), listening on EDGE_URL's address.
refuseUnsafeStart(config, 'edge', EDGE_SECRETS);
const logs = batchedStdout();
process.on('exit', logs.flush);
const edge = createEdge(config, { ...nodeEdgeOptions, logSink: logs.sink });
const { host, port } = hostPort(config.EDGE_URL);
const server = serve({ fetch: edge.fetch, hostname: host, port }, () => {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', service: 'edge', msg: 'listening', url: config.EDGE_URL, runtime: 'node' }));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
