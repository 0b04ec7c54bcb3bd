// `node --import ./test/support/trace-imports.mjs …` prints every package and file specifier the ES
// module loader resolves to stderr, one line each as `import: <specifier>`. Used by the CLI tests to
// prove what `cartera --help` does not load.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  writeSync(2, 'import: ' + specifier + '\\n');
  return next(specifier, context);
}`),
);
