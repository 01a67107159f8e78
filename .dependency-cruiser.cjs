/** Layering of DESIGN.md: schemas ← connectors, adapters, scoring ← hub ← test; dashboard imports types only. */
const pkg = (names) => `^(${names.join('|')})/`;
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'schemas-imports-nothing-of-ours',
      severity: 'error',
      from: { path: pkg(['schemas']) },
      to: { path: pkg(['connectors', 'adapters', 'scoring', 'hub', 'dashboard', 'test']) },
    },
    {
      name: 'middle-layer-imports-schemas-only',
      severity: 'error',
      from: { path: '^(connectors|adapters|scoring)/' },
      to: { path: pkg(['connectors', 'adapters', 'scoring', 'hub', 'dashboard', 'test']), pathNot: '^$1/' },
    },
    {
      name: 'hub-not-imported-below-test',
      severity: 'error',
      from: { path: pkg(['schemas', 'connectors', 'adapters', 'scoring', 'dashboard']) },
      to: { path: pkg(['hub']) },
    },
    {
      name: 'dashboard-types-only',
      severity: 'error',
      from: { path: '^dashboard/' },
      to: { path: pkg(['schemas', 'connectors', 'adapters', 'scoring', 'hub', 'test']), dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build|node_modules|\\.svelte-kit)/' },
    tsPreCompilationDeps: true,
    preserveSymlinks: false,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
  },
};
