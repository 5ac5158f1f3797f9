import { describe, expect, it } from 'vitest';
import { refusal } from './commands.ts';

describe('refusal', () => {
  it.each([
    [['GET', 'k']],
    [['set', 'k', 'v', 'EX', '60']],
    [['HSET', 'h', 'f', 'v']],
    [['EVALSHA', 'abc', '1', 'k']],
    [['eval', 'return 1', '0']],
    [['SCRIPT', 'LOAD', 'return 1']],
    [['script', 'exists', 'abc']],
    [['PING']],
  ])('runs %j', (cmd) => expect(refusal(cmd)).toBeNull());

  it.each([
    [['CONFIG', 'SET', 'maxmemory', '1'], 'CONFIG'],
    [['flushall'], 'FLUSHALL'],
    [['FLUSHDB'], 'FLUSHDB'],
    [['DEBUG', 'SLEEP', '10'], 'DEBUG'],
    [['KEYS', '*'], 'KEYS'],
    [['SELECT', '1'], 'SELECT'],
    [['SHUTDOWN'], 'SHUTDOWN'],
    [['CLIENT', 'LIST'], 'CLIENT'],
    [['MONITOR'], 'MONITOR'],
    [['SCRIPT', 'FLUSH'], 'SCRIPT FLUSH'],
    [['SCRIPT'], 'SCRIPT'],
    [[''], '(empty)'],
  ])('refuses %j naming %s', (cmd, shown) => expect(refusal(cmd)).toBe(`ERR command ${shown} is not allowed by this bridge`));
});
