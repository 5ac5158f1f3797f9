import { describe, expect, it } from 'vitest';
import { fillDescriptor, sourceStamp } from './stamp.ts';

const a = { path: 'src/A.java', content: 'class A {}' };
const b = { path: 'src/B.java', content: 'class B {}' };

describe('sourceStamp', () => {
  const base = sourceStamp([a, b], '8.19.21');
  it.each([
    ['the same files in another order', sourceStamp([b, a], '8.19.21'), true],
    ['another Elasticsearch version', sourceStamp([a, b], '8.19.22'), false],
    ['a changed file', sourceStamp([a, { ...b, content: 'class B { }' }], '8.19.21'), false],
    ['a renamed file', sourceStamp([a, { ...b, path: 'src/C.java' }], '8.19.21'), false],
    ['a file less', sourceStamp([a], '8.19.21'), false],
    [
      'content moved across the file boundary',
      sourceStamp(
        [
          { ...a, content: 'class A {}c' },
          { ...b, content: 'lass B {}' },
        ],
        '8.19.21',
      ),
      false,
    ],
  ])('%s → same stamp: %s', (_, stamp, same) => {
    expect(stamp === base).toBe(same);
  });
});

describe('fillDescriptor', () => {
  it('fills every placeholder', () => {
    expect(fillDescriptor('name=@name@\nelasticsearch.version=@v@\njava.version=17\n', { name: 'x', v: '8.19.21' })).toBe(
      'name=x\nelasticsearch.version=8.19.21\njava.version=17\n',
    );
  });
  it('refuses a placeholder without a value', () => {
    expect(() => fillDescriptor('version=@version@', {})).toThrow('no value for @version@');
  });
});
