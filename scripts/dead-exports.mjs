#!/usr/bin/env node
// npm run check:exports — exports of lib/, components/, entrypoints/ and cli/ that no other production file
// uses (found with TypeScript's own reference search; re-exports in an index.ts do not count as uses).
// "local" counts uses in the declaring file, "tests" uses in tests/ and bench/. Not part of npm test (it
// takes about a minute): run it before a clean-up. An export used only locally, that no exported signature
// needs, can lose its `export`; one used nowhere can go.
import { relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOTS = ['lib/', 'components/', 'entrypoints/', 'cli/'];
const root = process.cwd();
const config = ts.getParsedCommandLineOfConfigFile(resolve('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
if (!config) throw new Error('cannot read tsconfig.json');
const service = ts.createLanguageService({
  getScriptFileNames: () => config.fileNames,
  getScriptVersion: () => '1',
  getScriptSnapshot: (file) => (ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file) ?? '') : undefined),
  getCurrentDirectory: () => root,
  getCompilationSettings: () => config.options,
  getDefaultLibFileName: ts.getDefaultLibFilePath,
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
});
const program = service.getProgram();
const checker = program.getTypeChecker();
const isReExport = (file, start) => {
  const text = program.getSourceFile(file)?.text ?? '';
  const line = text.slice(text.lastIndexOf('\n', start) + 1, text.indexOf('\n', start)).trim();
  return file.endsWith('index.ts') && /^export (type )?(\{|\* from)/.test(line);
};

let found = 0;
for (const source of program.getSourceFiles()) {
  const path = relative(root, source.fileName);
  if (!ROOTS.some((prefix) => path.startsWith(prefix))) continue;
  const module = checker.getSymbolAtLocation(source);
  if (!module) continue;
  for (const symbol of checker.getExportsOfModule(module)) {
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile() !== source || symbol.name === 'default') continue;
    const name = ts.getNameOfDeclaration(declaration) ?? declaration;
    let local = 0;
    let tests = 0;
    let production = 0;
    for (const group of service.findReferences(source.fileName, name.getStart()) ?? []) {
      for (const reference of group.references) {
        if (reference.isDefinition || isReExport(reference.fileName, reference.textSpan.start)) continue;
        const where = relative(root, reference.fileName);
        if (where === path) local++;
        else if (where.startsWith('tests/') || where.startsWith('bench/')) tests++;
        else production++;
      }
    }
    if (production > 0) continue;
    found++;
    console.log(`${path}: ${symbol.name} (local ${local}, tests ${tests})`);
  }
}
console.log(`${found} export(s) no other production file uses`);
