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

  it.each([
    ['fixed and varying fields', ['request_id', 'path', 'status', 'ms'], { method: 'GET', cache: 'HIT' }, ['r-1', '/p?"q"', 200, 0.5]],
    ['an undefined value is left out', ['a', 'b'], {}, [undefined, 2]],
    ['no fields', [], {}, []],
    ['a field named like a fixed one', ['level', 'n'], { service: 'other' }, ['custom', 1]],
  ] as const)('template, %s: the same object as the plain call', (_name, varying, fixed, values) => {
    const lines: string[] = [];
    const log = createLogger('info', { service: 'svc' }, (l) => lines.push(l));
    log.template('info', 'request', varying, fixed)(...values);
    log.info('request', { ...Object.fromEntries(varying.map((k, i) => [k, values[i]])), ...fixed });
    const [fromTemplate, plain] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect({ ...fromTemplate, time: 'T' }).toEqual({ ...plain, time: 'T' });
    expect(fromTemplate!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('template below the logger’s level writes nothing', () => {
    const lines: string[] = [];
    createLogger('warn', {}, (l) => lines.push(l)).template('info', 'request', ['a'])(1);
    expect(lines).toEqual([]);
  });
});
