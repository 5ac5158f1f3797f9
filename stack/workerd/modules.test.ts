import { describe, expect, it } from 'vitest';
import { bundleModules, type ModuleRule } from './modules.ts';

const SHA = 'af8c4d5760ca3d4b3c5ff70afc809fb3ba6d1c8a';
const rules: ModuleRule[] = [
  { type: 'Text', include: ['**/@scalar/api-reference/dist/browser/standalone.js'] },
  { type: 'Text', include: ['**/*.txt', '**/*.html'] },
  { type: 'CompiledWasm', include: ['**/*.wasm', '**/*.wasm?module'] },
];

describe('bundleModules', () => {
  it.each([
    { files: ['worker.js'], modules: [{ type: 'ESModule', path: 'worker.js' }] },
    {
      files: ['README.md', `${SHA}-standalone.js`, 'worker.js', 'worker.js.map'],
      modules: [
        { type: 'ESModule', path: 'worker.js' },
        { type: 'Text', path: `${SHA}-standalone.js` },
      ],
    },
    {
      files: ['worker.js', `${SHA}-page.html`, `${SHA}-codec.wasm`],
      modules: [
        { type: 'ESModule', path: 'worker.js' },
        { type: 'Text', path: `${SHA}-page.html` },
        { type: 'CompiledWasm', path: `${SHA}-codec.wasm` },
      ],
    },
  ])('$files', ({ files, modules }) => {
    expect(bundleModules('worker.js', files, rules)).toEqual(modules);
  });

  it.each([
    { files: ['README.md'], error: 'the bundle has no worker.js' },
    { files: ['worker.js', `${SHA}-other.js`], error: `no module rule of a supported type matches ${SHA}-other.js` },
  ])('refuses $files', ({ files, error }) => {
    expect(() => bundleModules('worker.js', files, rules)).toThrow(error);
  });
});
