import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshCore, snapshot } from '../../support/core';
import { runCli } from '../../support/cli';
import { defaultPolicy } from '#shared/domain/workflow/policy';

type TestCore = Awaited<ReturnType<typeof freshCore>>;
let core: TestCore;
afterEach(async () => core?.close());

/** Today 2026-11-20. A1 is 12 days overdue, B2 40 days (one invoice disputed), D4 do-not-contact. */
async function book() {
  core = await freshCore();
  const a = await core.call('clients.create', { code: 'A1', name: 'Alfa SAC' });
  const b = await core.call('clients.create', { code: 'B2', name: 'Beta SRL' });
  const d = await core.call('clients.create', { code: 'D4', name: 'Delta', doNotContact: true });
  const inv = (clientId: number, number: string, dueDate: string, amount: number) =>
    core.call('invoices.create', { clientId, number: `${clientId}-${number}`, issueDate: '2026-08-01', dueDate, currency: 'PEN', amount });
  await inv(a.id, '1', '2026-11-08', 50_000);
  const disputed = await inv(b.id, '1', '2026-10-11', 80_000);
  await inv(b.id, '2', '2026-11-05', 30_000);
  await inv(d.id, '1', '2026-10-01', 90_000);
  await core.call('disputes.open', { invoiceId: disputed.id, openedOn: '2026-11-18', reason: 'quality' });
  return { a, b, d };
}

const db = (c: TestCore) => path.join(c.dir, 'cartera.sqlite');

describe('policy show / set', () => {
  it('prints the default policy and rejects bad files with a clear message, changing nothing', async () => {
    core = await freshCore();
    const shown = JSON.parse((await runCli(['--db', db(core), 'policy', 'show'])).stdout);
    expect(shown.graceDays).toBe(0);
    expect(shown.promises).toEqual({ graceDays: 3, tolerancePct: 1 });
    expect(shown.stages[0].name).toBe('Cortesía'); // the book's language (es-PE by default)
    const before = snapshot(core);
    const bad = [
      [{ ...shown, stages: [...shown.stages, { key: 'extra', name: 'Extra', day: 10, actions: [{ channel: 'call', template: 'x' }] }] }, 'mismo día'],
      [{ ...shown, minGapDays: -1 }, 'negativo'],
      [{ ...shown, stages: [{ key: 'one', name: 'Uno', day: 1, actions: [{ channel: 'fax', template: 'x' }] }] }, 'Canal desconocido'],
    ] as const;
    for (const [policy, message] of bad) {
      const file = path.join(core.dir, 'bad.json');
      fs.writeFileSync(file, JSON.stringify(policy));
      const r = await runCli(['--db', db(core), '--lang', 'es', 'policy', 'set', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
    }
    fs.writeFileSync(path.join(core.dir, 'broken.json'), '{ not json');
    expect((await runCli(['--db', db(core), '--lang', 'en', 'policy', 'set', path.join(core.dir, 'broken.json')])).stderr).toContain(
      'The policy file cannot be read',
    );
    expect(snapshot(core)).toEqual(before);
  });

  it('replaces the policy from a valid file', async () => {
    core = await freshCore();
    const file = path.join(core.dir, 'p.json');
    fs.writeFileSync(file, JSON.stringify({ ...defaultPolicy('en'), minGapDays: 5 }));
    expect((await runCli(['--db', db(core), 'policy', 'set', file])).code).toBe(0);
    expect((await core.call('policy.get', {})).minGapDays).toBe(5);
  });
});

describe('engine run and worklist', () => {
  it('queues today’s stage actions, skips disputed and do-not-contact, and is idempotent', async () => {
    await book();
    const r = await runCli(['--db', db(core), '--today', '2026-11-20', 'worklist', '--date', '2026-11-20', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.date).toBe('2026-11-20');
    // A1: 12 days → call; B2: only invoice 2 collectible, 15 days → call; D4 skipped
    expect(out.tasks.map((t: { clientCode: string }) => t.clientCode).sort()).toEqual(['A1', 'B2']);
    const b2 = out.tasks.find((t: { clientCode: string }) => t.clientCode === 'B2');
    expect(b2).toMatchObject({ kind: 'call', channel: 'call', stage: 'call', currency: 'PEN', overdue: 30_000, daysOverdue: 15 });
    expect(Object.keys(b2)).toEqual(['clientCode', 'clientName', 'kind', 'channel', 'stage', 'priority', 'reason', 'currency', 'overdue', 'daysOverdue']);
    expect(out.tasks[0].priority).toBeGreaterThanOrEqual(out.tasks[1].priority);
    const again = await core.call('workflow.run', { date: '2026-11-20' });
    expect(again.created).toBe(0);
    expect((await core.call('tasks.worklist', { date: '2026-11-20' })).tasks).toHaveLength(2);
  });

  it('records stage changes on the timeline and in the audit log', async () => {
    const { a } = await book();
    await core.call('workflow.run', { date: '2026-11-20' });
    const tl = await core.call('timeline.byClient', { clientId: a.id });
    expect(tl.find((i) => i.kind === 'stage')).toMatchObject({ title: 'call', currency: 'PEN' });
    const audit = await core.call('audit.list', {} as never);
    expect(JSON.stringify(audit)).toContain('stage.change');
  });

  it('completes a task with an interaction, skips with a reason, reschedules', async () => {
    const { a, b } = await book();
    await core.call('workflow.run', { date: '2026-11-20' });
    let list = await core.call('tasks.worklist', {});
    const ta = list.tasks.find((t) => t.clientId === a.id)!;
    const tb = list.tasks.find((t) => t.clientId === b.id)!;
    await core.call('interactions.add', { clientId: a.id, channel: 'call', outcome: 'promise', taskId: ta.id });
    await core.call('promises.add', { clientId: a.id, amount: 50_000, currency: 'PEN', date: '2026-11-25' });
    list = await core.call('tasks.worklist', {});
    expect(list.tasks.map((t) => t.id)).toEqual([tb.id]);
    expect(list.doneToday).toBe(1);
    await core.call('tasks.reschedule', { id: tb.id, date: '2026-11-23' });
    expect((await core.call('tasks.worklist', {})).tasks).toHaveLength(0);
    expect((await core.call('tasks.worklist', { date: '2026-11-23' })).tasks).toHaveLength(1);
    await expect(core.call('tasks.skip', { id: tb.id, reason: '' })).rejects.toThrow();
    await core.call('tasks.skip', { id: tb.id, reason: 'Cliente de viaje' });
    expect((await core.call('tasks.worklist', { date: '2026-11-23' })).tasks).toHaveLength(0);
    const tl = await core.call('timeline.byClient', { clientId: a.id });
    expect(
      tl
        .filter((i) => i.kind === 'promise' || i.kind === 'interaction')
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['interaction', 'promise']);
  });

  it('a broken promise creates a task the day after the window', async () => {
    const { a } = await book();
    await core.call('promises.add', { clientId: a.id, amount: 50_000, currency: 'PEN', date: '2026-11-20', made: '2026-11-18' });
    expect((await core.call('workflow.run', { date: '2026-11-23' })).promisesBroken).toBe(0);
    const r = await core.call('workflow.run', { date: '2026-11-24' });
    expect(r.promisesBroken).toBe(1);
    const list = await core.call('tasks.worklist', { date: '2026-11-24' });
    expect(list.tasks.find((t) => t.kind === 'broken_promise')).toMatchObject({ clientId: a.id, overdue: 50_000 });
  });
});

describe('disputes in the workflow', () => {
  it('an open dispute older than the follow-up days gets a task; rejecting it returns the amount', async () => {
    const { b } = await book();
    await core.call('workflow.run', { date: '2026-11-24' });
    expect((await core.call('tasks.worklist', { date: '2026-11-24' })).tasks.filter((t) => t.kind === 'dispute_followup')).toHaveLength(0);
    await core.call('workflow.run', { date: '2026-11-25' });
    const list = await core.call('tasks.worklist', { date: '2026-11-25' });
    expect(list.tasks.find((t) => t.kind === 'dispute_followup')).toMatchObject({ clientId: b.id, daysOverdue: 7 });
    const stageTask = () => list.tasks.find((t) => t.clientId === b.id && t.kind !== 'dispute_followup');
    expect(stageTask()).toMatchObject({ overdue: 30_000 });
    const [dispute] = await core.call('disputes.listByClient', { clientId: b.id } as never);
    await core.call('disputes.resolve', { id: dispute!.id, outcome: 'rejected', resolvedOn: '2026-11-26', resolution: 'no defect' } as never);
    await core.call('workflow.run', { date: '2026-11-26' });
    const after = (await core.call('tasks.worklist', { date: '2026-11-26' })).tasks.find((t) => t.clientId === b.id && t.stage);
    // the disputed invoice (due 10-11) is back: 46 days, second notice, on the whole 110,000
    expect(after).toMatchObject({ stage: 'second_notice', overdue: 110_000, daysOverdue: 46 });
  });
});

describe('promises CLI', () => {
  it('adds promises and lists their status as of a date, in the issue’s shape', async () => {
    await book();
    const add = (args: string[]) => runCli(['--db', db(core), '--today', '2026-11-20', 'promise', 'add', ...args]);
    expect((await add(['--client', 'A1', '--amount', '500.00', '--currency', 'PEN', '--date', '2026-11-22', '--made', '2026-11-18'])).code).toBe(0);
    const before = snapshot(core);
    const bad = await runCli([
      '--db',
      db(core),
      '--lang',
      'es',
      'promise',
      'add',
      '--client',
      'A1',
      '--amount',
      '10',
      '--currency',
      'PEN',
      '--date',
      '2026-11-10',
      '--made',
      '2026-11-18',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('anterior al día en que se hizo');
    expect(snapshot(core)).toEqual(before);
    const list = async (asOf: string) => JSON.parse((await runCli(['--db', db(core), 'promises', '--as-of', asOf, '--format', 'json'])).stdout);
    expect(await list('2026-11-25')).toEqual([{ clientCode: 'A1', amount: 50_000, currency: 'PEN', date: '2026-11-22', made: '2026-11-18', status: 'active' }]);
    expect((await list('2026-11-26'))[0].status).toBe('broken');
    expect(await list('2026-11-17')).toEqual([]);
  });
});

describe('risk, segment override and the consumer flag', () => {
  it('overrides the segment with a logged reason, and the consumer flag brings in the contact rules', async () => {
    const { a } = await book();
    const risk = await core.call('risk.get', { clientId: a.id });
    expect(risk).toMatchObject({ rated: false, score: null, segment: null, consumer: false });
    const before = snapshot(core);
    await expect(core.call('clients.setWorkflow', { id: a.id, riskOverride: 'C', reason: '' })).rejects.toThrow();
    expect(snapshot(core)).toEqual(before);
    // C clients are called from day 5; A1 is 12 days late, so it is a call either way: check the ladder instead
    await core.call('clients.setWorkflow', { id: a.id, riskOverride: 'A', consumer: true, reason: 'Cliente preferente' });
    expect(await core.call('risk.get', { clientId: a.id })).toMatchObject({
      segment: 'A',
      override: 'A',
      overrideReason: 'Cliente preferente',
      consumer: true,
    });
    await core.call('workflow.run', { date: '2026-11-20' });
    // segment A calls on day 15: at 12 days A1 is still at the first reminder
    expect((await core.call('tasks.worklist', {})).tasks.find((t) => t.clientId === a.id)).toMatchObject({ stage: 'first_reminder', kind: 'message' });
    // a consumer in Peru is not contacted on a Saturday: the call waits, nothing is queued that day
    await core.call('clients.setWorkflow', { id: a.id, riskOverride: null, reason: 'revisado' });
    const sat = await core.call('workflow.run', { date: '2026-11-21' });
    expect((await core.call('tasks.worklist', { date: '2026-11-21' })).tasks.filter((t) => t.clientId === a.id && t.stage === 'call')).toHaveLength(0);
    expect(sat.date).toBe('2026-11-21');
    expect(JSON.stringify(await core.call('audit.list', {} as never))).toContain('workflow.flags');
  });

  it('warns when a new invoice would pass the credit limit', async () => {
    core = await freshCore();
    const c = await core.call('clients.create', { code: 'L1', name: 'Limitado', creditLimit: 100_000 });
    await core.call('invoices.create', { clientId: c.id, number: 'X-1', issueDate: '2026-11-01', currency: 'PEN', amount: 90_000 });
    expect(await core.call('clients.creditCheck', { clientId: c.id, amount: 10_000, currency: 'PEN' })).toEqual({ over: false, open: 90_000, limit: 100_000 });
    expect((await core.call('clients.creditCheck', { clientId: c.id, amount: 10_001, currency: 'PEN' })).over).toBe(true);
  });
});

describe('task reasons', () => {
  it('write amounts by the one money rule, as every screen does', async () => {
    await book();
    await core.call('workflow.run', { date: '2026-11-20' });
    const { tasks } = await core.call('tasks.worklist', { date: '2026-11-20' });
    const reasons = tasks.map((t) => t.reason).join('\n');
    expect(reasons).toMatch(/S\/\s?\d/);
    expect(reasons).not.toMatch(/PEN \d/);
  });
});
