// The allowed arrows between the top-level folders (ARCHITECTURE.md explains them).
// `npm run check` runs this, and so does `npm test` before it starts any server.
// A folder may import itself, the folders listed here, npm packages and Node's built-ins;
// test/ and bench/ may import anything, and nothing else may import them.
const allowed = {
  edge: ['openapi', 'config', 'log'],
  core: ['openapi', 'config', 'log'],
  cdc: ['openapi', 'config', 'log'],
  stack: ['config', 'log'],
  // operator tools: they talk to the services through the public API (the SDK) only
  cli: ['openapi', 'config', 'log'],
  openapi: [],
  config: [],
  log: [],
};

const folderRules = Object.entries(allowed).map(([folder, imports]) => ({
  name: `${folder}-imports`,
  comment: imports.length
    ? `${folder}/ may import only ${imports.map((f) => `${f}/`).join(', ')}, npm packages and node: built-ins`
    : `${folder}/ imports nothing of the app: only npm packages and node: built-ins`,
  severity: 'error',
  from: { path: `^${folder}/` },
  to: { couldNotResolve: false, pathNot: [`^(${[folder, ...imports].join('|')})/`, '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...folderRules,
    {
      name: 'no-test-or-bench-imports',
      comment: 'test/ and bench/ are leaves: only they (and the test runner config) may import test/ or bench/',
      severity: 'error',
      from: { pathNot: '^((test|bench)/|vitest\\.config\\.ts$)' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-cli-imports',
      comment: 'cli/ holds commands: only test/ and bench/ may import them',
      severity: 'error',
      from: { pathNot: '^(cli|test|bench)/' },
      to: { path: '^cli/' },
    },
    {
      name: 'no-circular',
      comment: 'import cycles make load order matter and hide a missing module boundary',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'an import that resolves to nothing (a typo, or a moved file)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(node_modules|\\.stack|\\.wrangler)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
