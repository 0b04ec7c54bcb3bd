import { describe, expect, it } from 'vitest';
import { isoDate } from '#shared/contract/schemas';
import { translate } from '#shared/i18n/index';
import { dateError } from '../../renderer/components/dateError';

describe('dates inside sentences', () => {
  it('writes business dates in the locale, in every message, and quotes typed values as typed', () => {
    expect(translate('es-PE', 'import.reject.due_before_issue', { due: '2026-09-01', issue: '2026-09-10' })).toBe(
      'La fecha de vencimiento 01/09/2026 es anterior a la de emisión 10/09/2026.',
    );
    expect(translate('en-US', 'import.reject.due_before_issue', { due: '2026-09-01', issue: '2026-09-10' })).toContain('09/01/2026');
    expect(translate('es-PE', 'import.reject.bad_date', { field: 'Fecha', value: '2026-02-30' })).toContain('"2026-02-30"');
    expect(translate('es-PE', 'import.reject.ambiguous_date', { field: 'Fecha', value: '2026-10-31' })).toContain('"2026-10-31"');
  });

  it('an empty date is "required", not "not a valid date (AAAA-MM-DD)"', () => {
    const empty = isoDate.safeParse('');
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('validation.required');
    expect(isoDate.safeParse(undefined).error?.issues[0]?.message).toBe('validation.required');
    expect(isoDate.safeParse('31/10/2026').error?.issues[0]?.message).toBe('validation.date');
    expect(isoDate.safeParse('2026-10-31').success).toBe(true);
    // the forms say the same before asking the core
    expect([dateError(''), dateError('2026-02-30'), dateError('2026-10-31')]).toEqual(['validation.required', 'validation.date', null]);
  });
});
