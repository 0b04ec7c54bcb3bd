// The help text, in a module of its own so the built CLI prints it without loading the rest (entry.ts).
export const USAGE = `Usage: cartera --db FILE <command> [options]

Commands:
  demo [--clients N] [--invoices N] [--seed S] [--today YYYY-MM-DD]
  import clients|invoices|payments FILE [--dry-run] [--partial] [--encoding utf8|win1252] [--delimiter ,|;|tab] [--date-format iso|dmy|mdy] [--decimal .|,]
  aging --as-of YYYY-MM-DD [--format table|csv|json] [--basis due|issue] [--buckets 0,30,60,90,120] [--by client|segment|currency]
  kpis --from YYYY-MM-DD --to YYYY-MM-DD [--format table|json] [--basis due|issue]
  export aging --as-of YYYY-MM-DD --out FILE.xlsx|.csv|.pdf [--by …] [--basis …] [--buckets …] [--view summary|detail] [--delimiter ,|;] [--decimal .|,]
  export invoices|payments|interactions --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx|.csv [--delimiter ,|;] [--decimal .|,]
  backup OUT
  restore FROM                 replace the file with a backup (the current file is backed up first)
  check                        quick_check, integrity_check, schema version and counts; never writes
  export --out FILE.zip        full archive: a CSV per table and a manifest
  import-all FILE.zip          full archive into a new, empty file
  policy show | policy set FILE.json
  worklist --date YYYY-MM-DD [--format json|table]
  promise add --client CODE --amount 123.45 --currency PEN --date YYYY-MM-DD [--made YYYY-MM-DD]
  promises --as-of YYYY-MM-DD --format json
  letter --client CODE --kind KIND --out FILE.pdf [--date YYYY-MM-DD] [--json]   (letter --help lists the kinds)
  statement --client CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf
  script --client CODE --kind KIND   a call script filled with the client's data (script --help lists the kinds)
  plan preview --client CODE --installments N --frequency weekly|fortnightly|monthly --first YYYY-MM-DD
               [--currency C] [--down AMOUNT] [--rate ANNUAL_PCT] [--method equal-installment|equal-principal] [--format json]
`;
