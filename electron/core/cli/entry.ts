// The entry of the built `cartera` command (dist-cli/cartera.mjs, made by scripts/build-cli.mjs).
// `cartera`, `cartera --help` and `-h` answer from the help text alone, before the core (SQLite, zod,
// Kysely) is even parsed; every other invocation goes through main(), which loads the big libraries
// (ExcelJS, pdfmake, csv-parse…) only for the command that needs them.
import { USAGE } from './usage';

const argv = process.argv.slice(2);
if (argv.length === 0 || (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h'))) {
  process.stdout.write(USAGE);
  process.exitCode = argv.length === 0 ? 2 : 0;
} else {
  const { main } = await import('./main');
  process.exitCode = await main(argv);
}
