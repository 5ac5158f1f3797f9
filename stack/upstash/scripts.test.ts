import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compatibleScript, createScriptTranslator } from './scripts.ts';

const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

describe('compatibleScript', () => {
  it.each([
    ['drops a flag Redis 7.0 rejects', '#!lua flags=allow-key-locking\nreturn 1', '#!lua\nreturn 1'],
    ['keeps the flags Redis knows', '#!lua flags=no-writes,allow-key-locking\nreturn 1', '#!lua flags=no-writes\nreturn 1'],
    ['leaves a plain shebang alone', '#!lua\nreturn 1', '#!lua\nreturn 1'],
    ['leaves a script without shebang alone', 'return redis.call("GET", KEYS[1])', 'return redis.call("GET", KEYS[1])'],
    ['keeps CRLF line ends', '#!lua flags=allow-key-locking\r\nreturn 1', '#!lua\r\nreturn 1'],
  ])('%s', (_name, input, expected) => expect(compatibleScript(input)).toBe(expected));
});

describe('createScriptTranslator', () => {
  const script = '#!lua flags=allow-key-locking\nreturn 1';
  const compatible = '#!lua\nreturn 1';

  it('rewrites EVAL and then maps the client-side hash for EVALSHA', () => {
    const t = createScriptTranslator();
    expect(t.command(['EVALSHA', sha1(script), '0'])).toEqual(['EVALSHA', sha1(script), '0']);
    expect(t.command(['EVAL', script, '1', 'k'])).toEqual(['EVAL', compatible, '1', 'k']);
    expect(t.command(['evalsha', sha1(script), '1', 'k'])).toEqual(['evalsha', sha1(compatible), '1', 'k']);
  });

  it('answers SCRIPT LOAD with the hash the client computed', () => {
    const t = createScriptTranslator();
    expect(t.command(['SCRIPT', 'LOAD', script])).toEqual(['SCRIPT', 'LOAD', compatible]);
    expect(t.originalSha(sha1(compatible))).toBe(sha1(script));
    expect(t.command(['SCRIPT', 'EXISTS', sha1(script), 'abc'])).toEqual(['SCRIPT', 'EXISTS', sha1(compatible), 'abc']);
  });

  it('passes everything else through', () => {
    const t = createScriptTranslator();
    expect(t.command(['GET', 'k'])).toEqual(['GET', 'k']);
    expect(t.command(['EVAL', 'return 1', '0'])).toEqual(['EVAL', 'return 1', '0']);
    expect(t.originalSha('unknown')).toBe('unknown');
  });
});
