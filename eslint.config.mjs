import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The floors of the app, from the top: Routes (app/) may use everything below;
// each floor below may only look further down. Paths are from the repository root.
// tests/, e2e/, bench/, scripts/ and the root config files are on no floor: free.
const floors = {
  Routes: { is: 'app/', paths: ['app'] },
  UI: { is: 'components/', paths: ['components'] },
  Auth: { is: 'auth.ts, proxy.ts, lib/auth/', paths: ['auth.ts', 'proxy.ts', 'lib/auth'] },
  UseCases: { is: 'server/', paths: ['server'] },
  Emails: { is: 'emails/', paths: ['emails'] },
  // The server's settings: routes, auth and use cases read them; nothing below does.
  Config: { is: 'env.ts', paths: ['env.ts'] },
  Data: { is: 'db/', paths: ['db'] },
  // lib/ minus lib/auth, which belongs to Auth: files right in lib/ and every other folder.
  Rules: { is: 'lib/', paths: ['lib/!(auth)', 'lib/!(auth)/**'] },
};

// Every arrow that points up a floor (or sideways where the plan has no arrow),
// with the reason shown when it is broken. One zone each. UI → Data is in the
// next block: types may cross it, code may not.
const never = [
  ['Rules', 'Data', 'rules are the ground floor; pass the data in.'],
  ['Rules', 'UseCases', 'rules are the ground floor; use cases call rules, not the reverse.'],
  ['Rules', 'Emails', 'rules are the ground floor; templates use rules, not the reverse.'],
  ['Rules', 'Auth', 'rules are the ground floor; take the user as an argument.'],
  ['Rules', 'UI', 'rules are the ground floor and know no screen.'],
  ['Rules', 'Routes', 'rules are the ground floor and know no route.'],
  ['Rules', 'Config', 'rules are pure; pass settings in as arguments.'],

  ['Data', 'UseCases', 'the data layer calls no use case.'],
  ['Data', 'Emails', 'the data layer renders no mail.'],
  ['Data', 'Auth', 'the data layer takes userId as an argument, it never asks for the session.'],
  ['Data', 'UI', 'the data layer knows no screen.'],
  ['Data', 'Routes', 'the data layer knows no route.'],
  ['Data', 'Config', 'the database client reads its own settings; queries take what they need as arguments.'],

  ['Emails', 'Data', 'templates are pure; the use case passes the data in.'],
  ['Emails', 'UseCases', 'templates are pure; use cases render them, not the reverse.'],
  ['Emails', 'Auth', 'templates are pure; the sign-in link comes in as a prop.'],
  ['Emails', 'UI', 'mail templates are not app components.'],
  ['Emails', 'Routes', 'templates are pure and know no route.'],
  ['Emails', 'Config', 'templates are pure; settings come in as props.'],

  ['UseCases', 'Auth', 'use cases take the user as an argument; auth calls use cases, not the reverse.'],
  ['UseCases', 'UI', 'use cases know no screen.'],
  ['UseCases', 'Routes', 'use cases know no route.'],

  ['Auth', 'Emails', 'auth sends mail through its use case in server/, which renders the template.'],
  ['Auth', 'UI', 'auth knows no screen.'],
  ['Auth', 'Routes', 'auth knows no route.'],

  ['UI', 'UseCases', 'components never run use cases; actions come in as props.'],
  ['UI', 'Emails', 'components never render mail.'],
  ['UI', 'Auth', 'components never read the session; the page passes the user in.'],
  ['UI', 'Config', 'components may run in the browser; settings come in as props.'],
  ['UI', 'Routes', 'a shared component takes its action as a prop.'],
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // The floor plan. eslint-plugin-import (registered as `import` by the Next
    // config, with the TypeScript resolver for `@/…`) resolves each import to a
    // file, so `@/app/…` and `../../app/…` are caught alike.
    files: ['**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: never.map(([below, above, why]) => ({
            target: floors[below].paths,
            from: floors[above].paths,
            message: `${below} (${floors[below].is}) must not import ${above} (${floors[above].is}): ${why}`,
          })),
        },
      ],
    },
  },
  {
    // UI may see Data's types (a row's shape) but never its code: a value import
    // would pull the database client towards the browser. no-restricted-paths
    // cannot tell the two apart, so this arrow is checked on the import text.
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)db(/|$)',
              allowTypeImports: true,
              message: 'UI (components) may import Data (db) only as `import type`: a component gets its data as props.',
            },
          ],
        },
      ],
    },
  },
  {
    // No React here: Playwright fixtures call `use()`, and test helpers named `use…`
    // set up a test's surroundings; the hooks rule mistakes both for React hooks.
    files: ['e2e/**', 'tests/**', 'bench/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: ['.next/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'],
  },
];

export default config;
