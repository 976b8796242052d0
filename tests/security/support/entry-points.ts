import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every way into the app from a browser, read from the file system and the
 * TypeScript compiler: page routes, route handlers, and server actions (the
 * exports of a 'use server' module, and any function that says 'use server'
 * itself). Each is named by its file relative to the root, with forward
 * slashes; an action adds `#name`.
 */
export type EntryPoints = { pages: string[]; routes: string[]; actions: string[] };

const PAGE = /^page\.[jt]sx?$/;
const ROUTE = /^route\.[jt]s$/;
const SOURCE = /\.[jt]sx?$/;
const TEST = /\.test\.[jt]sx?$/;

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

const saysUseServer = (statements: ts.NodeArray<ts.Statement>) => {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === 'use server') return true;
  }
  return false;
};

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** A module's exported names that hold a value (functions and consts), as a 'use server' module exports its actions. */
function exportedValues(file: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    }
    if (ts.isExportAssignment(statement)) names.push('default');
  }
  return names;
}

/** Functions inside an ordinary module that are server actions on their own (`async function save() { 'use server'; … }`). */
function inlineActions(file: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body) && saysUseServer(node.body.statements)) {
      const name =
        node.name && ts.isIdentifier(node.name)
          ? node.name.text
          : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)
            ? node.parent.name.text
            : `line ${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      names.push(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

export function entryPoints(root: string): EntryPoints {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const files = listFiles(path.join(root, 'app')).filter((file) => SOURCE.test(file) && !TEST.test(file));
  const found: EntryPoints = { pages: [], routes: [], actions: [] };
  for (const file of files) {
    const name = path.basename(file);
    if (PAGE.test(name)) found.pages.push(relative(file));
    if (ROUTE.test(name)) found.routes.push(relative(file));
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const actions = saysUseServer(source.statements) ? exportedValues(source) : inlineActions(source);
    for (const action of actions) found.actions.push(`${relative(file)}#${action}`);
  }
  for (const list of Object.values(found)) list.sort();
  return found;
}
