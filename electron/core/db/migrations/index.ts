import type { Migration } from 'kysely';
import * as m0001 from './0001_init';
import * as m0002 from './0002_default_policy';
import * as m0003 from './0003_open_index_covering';
import * as m0004 from './0004_open_client_due_index';
import * as m0005 from './0005_kpi_covering_indexes';
import * as m0006 from './0006_invoice_number_index';
import * as m0007 from './0007_workflow';

/**
 * Every migration this version knows, in order. Forward only: never edit a shipped one, add the next.
 * Names are zero-padded because Kysely runs them in name order.
 */
export const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_default_policy': m0002,
  '0003_open_index_covering': m0003,
  '0004_open_client_due_index': m0004,
  '0005_kpi_covering_indexes': m0005,
  '0006_invoice_number_index': m0006,
  '0007_workflow': m0007,
};

export const SCHEMA_VERSION = Object.keys(migrations).length;
