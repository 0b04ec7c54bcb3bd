import type { Kysely } from 'kysely';

/**
 * Seeds a default collection policy (stages by days overdue) so a new book has a workable ladder
 * from day one. Only when the user has none: a book that already has stages keeps them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const existing = await db.selectFrom('policy_stages').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  await db
    .insertInto('policy_stages')
    .values([
      { seq: 1, name: 'preventive', min_days_overdue: -3, channel: 'whatsapp', template_key: 'reminder.preventive', active: 1 },
      { seq: 2, name: 'first_reminder', min_days_overdue: 1, channel: 'email', template_key: 'reminder.first', active: 1 },
      { seq: 3, name: 'second_reminder', min_days_overdue: 15, channel: 'phone', template_key: 'reminder.second', active: 1 },
      { seq: 4, name: 'final_notice', min_days_overdue: 30, channel: 'letter', template_key: 'letter.final_notice', active: 1 },
      { seq: 5, name: 'pre_legal', min_days_overdue: 60, channel: 'letter', template_key: 'letter.pre_legal', active: 1 },
    ])
    .execute();
}
