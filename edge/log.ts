// The edge logs through the shared format; the Node entry passes a batching sink
// (node-log-sink.ts), workerd the default console sink.
export { createLogger, type Logger, type LogSink } from '../log/json-logger.ts';
