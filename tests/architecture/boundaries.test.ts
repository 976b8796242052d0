import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The floor plan in eslint.config.mjs can fail: a synthetic import placed in
 * each floor (as an existing file of it, so the resolver sees real paths) is
 * reported when it points up a floor, both as `@/…` and as a relative path,
 * and is not reported when it points down.
 */

const root = path.resolve(import.meta.dirname, '../..');

type Floor = { files: string[]; modules: string[] };

// Sample files stand in for a floor's code; sample modules are what others import of it.
const floors: Record<string, Floor> = {
  Routes: { files: ['app/(app)/actions.ts'], modules: ['app/(app)/actions'] },
  UI: { files: ['components/ui/button.tsx'], modules: ['components/ui/button'] },
  Auth: { files: ['auth.ts', 'proxy.ts', 'lib/auth/user.ts'], modules: ['auth', 'proxy', 'lib/auth/user'] },
  UseCases: { files: ['server/start.ts'], modules: ['server/start'] },
  Emails: { files: ['emails/layout.tsx'], modules: ['emails/layout'] },
  Config: { files: ['env.ts'], modules: ['env'] },
  Data: { files: ['db/schema.ts', 'db/queries/applications.ts'], modules: ['db', 'db/schema', 'db/queries/applications'] },
  Rules: { files: ['lib/errors.ts', 'lib/pipeline/stages.ts'], modules: ['lib/errors', 'lib/pipeline/stages'] },
};

// Arrows that must be reported (UI → Data is checked on its own below: types only).
const forbidden: [string, string][] = [
  ['Rules', 'Data'], ['Rules', 'UseCases'], ['Rules', 'Emails'], ['Rules', 'Auth'], ['Rules', 'UI'], ['Rules', 'Routes'], ['Rules', 'Config'],
  ['Data', 'UseCases'], ['Data', 'Emails'], ['Data', 'Auth'], ['Data', 'UI'], ['Data', 'Routes'], ['Data', 'Config'],
  ['Emails', 'Data'], ['Emails', 'UseCases'], ['Emails', 'Auth'], ['Emails', 'UI'], ['Emails', 'Routes'], ['Emails', 'Config'],
  ['UseCases', 'Auth'], ['UseCases', 'UI'], ['UseCases', 'Routes'],
  ['Auth', 'Emails'], ['Auth', 'UI'], ['Auth', 'Routes'],
  ['UI', 'UseCases'], ['UI', 'Emails'], ['UI', 'Auth'], ['UI', 'Config'], ['UI', 'Routes'],
];

// A sample of arrows the plan draws, which must not be reported.
const allowed: [string, string][] = [
  ['Routes', 'UI'], ['Routes', 'UseCases'], ['Routes', 'Data'], ['Routes', 'Auth'], ['Routes', 'Rules'], ['Routes', 'Emails'], ['Routes', 'Config'],
  ['UI', 'Rules'], ['UI', 'UI'],
  ['UseCases', 'Data'], ['UseCases', 'Rules'], ['UseCases', 'Emails'], ['UseCases', 'Config'],
  ['Auth', 'Data'], ['Auth', 'UseCases'], ['Auth', 'Rules'], ['Auth', 'Config'],
  ['Data', 'Rules'], ['Data', 'Data'],
  ['Emails', 'Rules'], ['Emails', 'Emails'],
  ['Rules', 'Rules'],
];

const BOUNDARY_RULES = new Set(['import/no-restricted-paths', '@typescript-eslint/no-restricted-imports']);

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the config, the plugins and the TypeScript resolver: do it outside any one test's time.
  await eslint.lintText('', { filePath: path.join(root, floors.Rules.files[0]) });
});

/** The boundary messages ESLint gives `source` as if it were `file`. */
async function boundaryErrors(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return result.messages.filter((message) => message.ruleId && BOUNDARY_RULES.has(message.ruleId));
}

/** `module` (from the root) as `file` would write it: `@/…` or relative. */
function specifier(file: string, module: string, style: 'alias' | 'relative') {
  if (style === 'alias') return `@/${module}`;
  const relative = path.relative(path.dirname(file), module).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function imports(file: string, modules: string[], style: 'alias' | 'relative', kind = 'import * as') {
  return modules.map((module, i) => `${kind} probe${i} from '${specifier(file, module, style)}';`).join('\n') + '\n';
}

const cases = (arrows: [string, string][]) =>
  arrows.flatMap(([from, to]) =>
    floors[from].files.flatMap((file) =>
      (['alias', 'relative'] as const).map((style) => ({ from, to, file, style, modules: floors[to].modules })),
    ),
  );

describe('the floor plan', () => {
  it.each(cases(forbidden))('reports $from → $to ($file, $style)', async ({ from, to, file, style, modules }) => {
    const errors = await boundaryErrors(file, imports(file, modules, style));
    // Every import is reported once, by the no-restricted-paths zone for this arrow.
    expect(errors.map((error) => [error.line, error.ruleId])).toEqual(modules.map((_, i) => [i + 1, 'import/no-restricted-paths']));
    for (const error of errors) {
      expect(error.message).toContain(`${from} (`);
      expect(error.message).toContain(`must not import ${to} (`);
    }
  });

  it.each(cases(allowed))('allows $from → $to ($file, $style)', async ({ file, style, modules }) => {
    expect(await boundaryErrors(file, imports(file, modules, style))).toEqual([]);
  });

  // Data's types (a row's shape) may reach a shared component, its code may not.
  it.each(['alias', 'relative'] as const)('allows UI → Data as types only (%s)', async (style) => {
    const file = floors.UI.files[0];
    const modules = floors.Data.modules;
    expect(await boundaryErrors(file, imports(file, modules, style, 'import type * as'))).toEqual([]);
    const named = modules.map((module, i) => `import { type Probe${i} } from '${specifier(file, module, style)}';`).join('\n');
    expect(await boundaryErrors(file, named)).toEqual([]);
  });

  it.each(['alias', 'relative'] as const)('reports UI → Data as values (%s)', async (style) => {
    const file = floors.UI.files[0];
    const modules = floors.Data.modules;
    const errors = await boundaryErrors(file, imports(file, modules, style));
    expect(errors.map((error) => [error.line, error.ruleId])).toEqual(
      modules.map((_, i) => [i + 1, '@typescript-eslint/no-restricted-imports']),
    );
  });

  it('checks re-exports and dynamic imports too', async () => {
    const file = 'server/start.ts';
    const errors = await boundaryErrors(
      file,
      `export { probe } from '@/app/(app)/actions';\nexport async function load() { return import('../components/ui/button'); }\n`,
    );
    expect(errors.map((error) => error.line)).toEqual([1, 2]);
  });
});
