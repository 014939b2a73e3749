import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const coreExports = {
  group: ['@watchpost/core/src/*', '**/packages/core/src/*'],
  message: 'Import @watchpost/core through its package exports.',
};
const ROLES = ['api', 'worker', 'scheduler'];
/** Every way to reach into an app: its package, a relative path, or its sources. */
const appPaths = (app) => [
  `@watchpost/${app}`,
  `@watchpost/${app}/*`,
  `**/apps/${app}/**`,
  `**/${app}/src/**`,
  `../${app}`,
  `../${app}/**`,
];
/** `no-restricted-imports` options replace each other, so every block repeats the base rule. */
const restrictImports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [coreExports, ...patterns] }],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
      parserOptions: {
        // Each package's tsconfig.json references its build and test projects, so every
        // file under packages/, apps/, test/ and bench/ has a project; only the root's
        // config files need the default one.
        projectService: { allowDefaultProject: ['*.js', '*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      ...restrictImports(),
    },
  },
  // Layering: core never imports an app; the roles never import each other; all-in-one
  // composes the roles through their package entry points only.
  {
    files: ['packages/core/**/*.ts'],
    rules: restrictImports({
      group: [...ROLES, 'all-in-one'].flatMap(appPaths),
      message: 'core must not depend on apps',
    }),
  },
  ...ROLES.map((role) => ({
    files: [`apps/${role}/**/*.ts`],
    rules: restrictImports({
      group: [...ROLES.filter((other) => other !== role), 'all-in-one'].flatMap(appPaths),
      message: 'a role never imports another app; share code through @watchpost/core',
    }),
  })),
  {
    // The socket transport: a handler parses, calls a service and replies (docs/architecture.md,
    // "Transport"). What two handlers share is a service, never another handler file.
    files: ['apps/api/src/realtime/*-handlers.ts'],
    ignores: ['apps/api/src/realtime/register-socket-handlers.ts'],
    rules: restrictImports(
      {
        group: ROLES.filter((other) => other !== 'api')
          .concat('all-in-one')
          .flatMap(appPaths),
        message: 'a role never imports another app; share code through @watchpost/core',
      },
      {
        group: ['@watchpost/core/db', '@watchpost/core/changes', '@watchpost/core/queue'],
        message: 'a socket handler calls a service (@watchpost/core/services), not a repository',
      },
      {
        group: ['./*-handlers.js'],
        message: 'handlers never import each other: what two share belongs in a service',
      },
    ),
  },
  {
    // The dashboard runs in the browser: browser globals, React's hook rules, and only the
    // browser-safe root of core (type-only, so no server code can reach the bundle).
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        location: 'readonly',
        atob: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        HTMLElement: 'readonly',
      },
    },
    rules: {
      // The two classic hook rules; the plugin's other rules judge code for the React
      // Compiler, which the dashboard does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...restrictImports({
        group: ['@watchpost/core/*', '@watchpost/api', '@watchpost/worker', '@watchpost/scheduler'],
        message: 'the dashboard imports only types from the browser-safe @watchpost/core root',
      }),
    },
  },
  {
    files: ['apps/all-in-one/**/*.ts'],
    rules: restrictImports({
      group: ROLES.flatMap(appPaths).filter(
        (path) => !ROLES.some((r) => path === `@watchpost/${r}`),
      ),
      message: 'all-in-one imports the roles through their package entry points only',
    }),
  },
);
