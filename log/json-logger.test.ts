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

  it.each([
    ['no fields', 'plain', undefined],
    ['fields', 'request', { request_id: 'r-1', status: 200, ms: 0.4, cache: 'HIT', user_id: undefined }],
    ['only undefined fields', 'x', { user_id: undefined }],
    ['text to escape', 'say "hi"\n', { path: '/p?q="\u2028"\\', nested: { a: [1, null] } }],
    ['a field named like a fixed one', 'override', { level: 'custom', service: 'other', n: 1 }],
  ])('%s: the line is the JSON of one object, later keys winning', (_name, msg, fields) => {
    const lines: string[] = [];
    createLogger('info', { service: 'svc' }, (l) => lines.push(l)).info(msg, fields);
    const line = lines[0]!;
    const time = (JSON.parse(line) as { time: string }).time;
    expect(line).toBe(JSON.stringify({ time, level: 'info', service: 'svc', msg, ...fields }));
  });
});
