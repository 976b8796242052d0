import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Reads db/schema.ts and db/queries/** with the TypeScript compiler and says,
 * for every exported query function, which of a person's tables it touches
 * and whether it is told whose rows to touch (a `userId`).
 */

export type PersonTable = { name: string; sqlName: string; why: string };

export type QueryFunction = {
  /** `db/queries/…#name`, relative to the root, with forward slashes. */
  id: string;
  takesUserId: boolean;
  /** The person's tables it reads or writes, itself or through helpers in db/queries. */
  touches: string[];
};

/** Tables with a user_id column, and the table such a column points at (the person's own row). */
export function personTables(schema: ts.SourceFile): PersonTable[] {
  const helpers = new Map<string, ts.Node>();
  const tables = new Map<string, { sqlName: string; columns: ts.ObjectLiteralExpression }>();
  for (const statement of schema.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      const table = pgTable(declaration.initializer);
      if (table) tables.set(declaration.name.text, table);
      else helpers.set(declaration.name.text, declaration.initializer);
    }
  }

  const mentionsUserIdColumn = (node: ts.Node, seen = new Set<string>()): boolean => {
    if (ts.isStringLiteralLike(node) && node.text === 'user_id') return true;
    // A column made by a helper such as `userId()`: look inside the helper.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helpers.has(node.expression.text)) {
      const name = node.expression.text;
      if (!seen.has(name) && (seen.add(name), mentionsUserIdColumn(helpers.get(name)!, seen))) return true;
    }
    return ts.forEachChild(node, (child) => mentionsUserIdColumn(child, seen) || undefined) ?? false;
  };

  // `text('user_id')….references(() => users.id)`: the table every user_id points at.
  const pointedAt = new Set<string>();
  const findReferences = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'references' &&
      mentionsUserIdColumn(node.expression.expression)
    ) {
      const [target] = node.arguments;
      if (target && ts.isArrowFunction(target) && ts.isPropertyAccessExpression(target.body) && ts.isIdentifier(target.body.expression)) {
        pointedAt.add(target.body.expression.text);
      }
    }
    ts.forEachChild(node, findReferences);
  };
  findReferences(schema);

  const found: PersonTable[] = [];
  for (const [name, { sqlName, columns }] of tables) {
    const hasUserId = columns.properties.some(
      (column) =>
        (column.name && ts.isIdentifier(column.name) && column.name.text === 'userId') || mentionsUserIdColumn(column),
    );
    if (hasUserId) found.push({ name, sqlName, why: 'has a user_id column' });
    else if (pointedAt.has(name)) found.push({ name, sqlName, why: 'is the row a user_id points at' });
  }
  return found;
}

function pgTable(node: ts.Expression) {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'pgTable') return null;
  const [sqlName, columns] = node.arguments;
  if (!sqlName || !ts.isStringLiteralLike(sqlName) || !columns || !ts.isObjectLiteralExpression(columns)) return null;
  return { sqlName: sqlName.text, columns };
}

/** Every exported query function under `<root>/db/queries`, with what it touches and whether it takes userId. */
export function inspectQueries(root: string): { tables: PersonTable[]; functions: QueryFunction[] } {
  const schemaPath = path.join(root, 'db/schema.ts');
  const queriesDir = path.join(root, 'db/queries');
  const queryFiles = listFiles(queriesDir).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));

  const program = ts.createProgram([schemaPath, ...queryFiles], compilerOptions(root));
  const checker = program.getTypeChecker();
  const schema = program.getSourceFile(schemaPath);
  if (!schema) throw new Error(`cannot read ${schemaPath}`);

  const tables = personTables(schema);
  const tableByName = new Map(tables.map((table) => [table.name, table]));
  // Raw SQL in template strings names tables by their SQL names.
  const sqlNamePattern = new RegExp(
    String.raw`\b(?:from|join|into|update)\s+"?(${tables.map((t) => t.sqlName).join('|')})"?(?![\w.])`,
    'gi',
  );
  const bySqlName = new Map(tables.map((table) => [table.sqlName, table.name]));

  const inQueries = (file: ts.SourceFile) => path.resolve(file.fileName).startsWith(queriesDir + path.sep);
  const memo = new Map<ts.Node, Set<string>>();

  /** The person's tables a function body or module-level initializer reaches. */
  const touchedBy = (root: ts.Node): Set<string> => {
    const known = memo.get(root);
    if (known) return known;
    const touched = new Set<string>();
    memo.set(root, touched); // Seen before it is done: a cycle adds nothing.

    const visit = (node: ts.Node) => {
      if (ts.isTypeNode(node)) return; // `typeof letters` in a type touches nothing.
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
        for (const match of node.text.matchAll(sqlNamePattern)) touched.add(bySqlName.get(match[1].toLowerCase())!);
      }
      if (ts.isIdentifier(node)) {
        const declaration = declarationOf(node);
        if (declaration) {
          const file = declaration.getSourceFile();
          if (file === schema && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
            if (tableByName.has(declaration.name.text)) touched.add(declaration.name.text);
          } else if (inQueries(file) && declaration !== root) {
            const reached = helperBody(declaration);
            if (reached) for (const table of touchedBy(reached)) touched.add(table);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
    return touched;
  };

  const declarationOf = (node: ts.Identifier): ts.Declaration | undefined => {
    const parent = node.parent;
    let symbol =
      parent && ts.isShorthandPropertyAssignment(parent) && parent.name === node
        ? checker.getShorthandAssignmentValueSymbol(parent)
        : checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  };

  /** A parameter named userId, destructured with a userId, or typed with a string userId (`scope: OutcomeScope`). */
  const takesUserId = (fn: ts.SignatureDeclaration) =>
    fn.parameters.some(({ name }) =>
      ts.isIdentifier(name)
        ? name.text === 'userId'
        : ts.isObjectBindingPattern(name) && name.elements.some((element) => (element.propertyName ?? element.name).getText() === 'userId'),
    ) ||
    fn.parameters.some((parameter) => {
      const property = checker.getTypeAtLocation(parameter).getProperty('userId');
      return property !== undefined && (checker.getTypeOfSymbolAtLocation(property, parameter).flags & ts.TypeFlags.StringLike) !== 0;
    });

  const functions: QueryFunction[] = [];
  for (const file of queryFiles) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const relative = path.relative(root, file).split(path.sep).join('/');
    for (const [name, fn] of exportedFunctions(source)) {
      functions.push({
        id: `${relative}#${name}`,
        takesUserId: takesUserId(fn),
        touches: [...(fn.body ? touchedBy(fn.body) : [])].sort(),
      });
    }
  }
  return { tables, functions };
}

/** `export function f() {}` and `export const f = () => …` (or `= function …`). */
function exportedFunctions(source: ts.SourceFile): [string, ts.FunctionLikeDeclaration][] {
  const found: [string, ts.FunctionLikeDeclaration][] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body && exported(statement)) {
      found.push([statement.name.text, statement]);
    }
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          found.push([declaration.name.text, init]);
        }
      }
    }
  }
  return found;
}

/** What to look inside when a query uses a helper from db/queries: its body, or a constant's value. */
function helperBody(declaration: ts.Declaration): ts.Node | undefined {
  if (ts.isFunctionDeclaration(declaration)) return declaration.body;
  if (ts.isVariableDeclaration(declaration)) return declaration.initializer;
  return undefined;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const defaults: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
  };
  const configPath = path.join(root, 'tsconfig.json');
  if (!fs.existsSync(configPath)) return defaults;
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return { ...parsed.options, noEmit: true, incremental: false, skipLibCheck: true };
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}
