import { describe, expect, it } from 'vitest';
import { createLogger } from './json-logger.ts';

describe('createLogger', () => {
  const capture = (level: 'debug' | 'info' | 'warn' | 'error') => {
    const lines: Record<string, unknown>[] = [];
    return { lines, log: createLogger(level, { service: 'svc' }, (l) => lines.push(JSON.parse(l))) };
  };

  it('writes one JSON object per event with time, level, base fields, message and fields', () => {
    const { lines, log } = capture('info');
    log.info('hello', { n: 1 });
    expect(lines).toEqual([{ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'info', service: 'svc', msg: 'hello', n: 1 }]);
  });

  it('drops events below its level', () => {
    const { lines, log } = capture('warn');
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((l) => l.msg)).toEqual(['c', 'd']);
  });

  it('adds a child logger’s fields to every line', () => {
    const { lines, log } = capture('info');
    log.child({ worker: 'relay' }).info('x');
    expect(lines[0]).toMatchObject({ service: 'svc', worker: 'relay', msg: 'x' });
  });
});
