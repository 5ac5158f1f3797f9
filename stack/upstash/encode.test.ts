import { describe, expect, it } from 'vitest';
import { encodeReply, parseCommand, parseCommands } from './encode.ts';

describe('encodeReply', () => {
  it.each([
    ['null stays null', null, false, null],
    ['integers stay numbers', 42, true, 42],
    ['text in utf8 mode', Buffer.from('héllo ✓'), false, 'héllo ✓'],
    ['text in base64 mode', Buffer.from('héllo ✓'), true, Buffer.from('héllo ✓').toString('base64')],
    ['binary survives base64', Buffer.from([0xff, 0x00, 0xfe]), true, '/wD+'],
    ['nested arrays', [Buffer.from('a'), 1, null, [Buffer.from('b')]], true, ['YQ==', 1, null, ['Yg==']]],
  ] as const)('%s', (_name, reply, base64, expected) => {
    expect(encodeReply(reply as never, base64)).toEqual(expected);
  });
});

describe('parseCommand', () => {
  it('accepts strings and numbers', () => expect(parseCommand(['SET', 'k', 1])).toEqual(['SET', 'k', '1']));
  it.each([[[]], [{}], ['GET'], [['GET', { a: 1 }]], [null]])('rejects %j', (v) => expect(parseCommand(v)).toBeNull());
});

describe('parseCommands', () => {
  it('accepts a list of commands', () =>
    expect(
      parseCommands([
        ['SET', 'k', 1],
        ['GET', 'k'],
      ]),
    ).toEqual([
      ['SET', 'k', '1'],
      ['GET', 'k'],
    ]));
  it.each([[[]], [[['GET', 'k'], 'GET']], [[[]]], [{}]])('rejects %j', (v) => expect(parseCommands(v)).toBeNull());
});
