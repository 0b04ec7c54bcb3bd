import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportFieldChange, ImportPreview, ImportReviewItem } from '#shared/contract/imports';
import { formatDate } from '#shared/domain/dates';
import { formatMoney } from '#shared/domain/money';
import { Icon } from '../../components/Icon';
import { useImportsT, type ImportsKey } from './i18n';
import { useReviewT } from './reviewI18n';

const SHOWN = 50;

function Value({ change, side, currency }: { change: ImportFieldChange; side: 'before' | 'after'; currency: string }) {
  const { t, locale } = useReviewT();
  const v = change[side];
  if (v === null || v === '')
    return (
      <Text span c="dimmed">
        {t('ui.imp.review.empty')}
      </Text>
    );
  // money is stored in minor units: show it as the user typed it, in the company's currency
  const text = change.field === 'credit_limit' && typeof v === 'number' ? formatMoney(v, currency, locale) : String(v);
  return (
    <Text span fw={side === 'after' ? 600 : undefined} td={side === 'before' ? 'line-through' : undefined}>
      {text}
    </Text>
  );
}

function Items({ items, total, title, currency }: { items: ImportReviewItem[]; total: number; title: string; currency: string }) {
  const { t } = useReviewT();
  const { t: ti } = useImportsT();
  if (total === 0) return null;
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Tbody>
          {items.slice(0, SHOWN).map((it) => (
            <Table.Tr key={it.line}>
              <Table.Td c="dimmed" className="num" w={90}>
                {t('ui.imp.review.line', { line: it.line })}
              </Table.Td>
              <Table.Td w={120}>{it.key}</Table.Td>
              <Table.Td>{it.label}</Table.Td>
              <Table.Td>
                {it.changes.map((c) => (
                  <div key={c.field} data-testid="review-change">
                    <Text span c="dimmed">
                      {ti(`ui.imp.field.${c.field}` as ImportsKey)}:{' '}
                    </Text>
                    <Value change={c} side="before" currency={currency} /> → <Value change={c} side="after" currency={currency} />
                  </div>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > Math.min(SHOWN, items.length) && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('ui.imp.review.more', { count: total - Math.min(SHOWN, items.length) })}
        </Text>
      )}
    </div>
  );
}

/**
 * What the import will create, update (each changed field, before → after) and leave unchanged, from
 * the dry run, before anything is written; and a warning for payments dated after today.
 */
export function ReviewPanel({ preview, currency }: { preview: ImportPreview; currency: string }) {
  const { t, locale } = useReviewT();
  const { review, postDated } = preview;
  return (
    <Stack gap="sm">
      {postDated && (
        <Alert color="yellow" variant="light" icon={<Icon name="alert" />} data-testid="import-postdated">
          {t('ui.imp.postDated', { count: postDated.count, first: formatDate(postDated.first, locale), last: formatDate(postDated.last, locale) })}
        </Alert>
      )}
      <Paper withBorder p="sm" radius="md" data-testid="import-review">
        <Title order={4}>{t('ui.imp.review.title')}</Title>
        <Text size="sm" className="num" mb="xs" data-testid="import-review-summary">
          {t('ui.imp.review.summary', { create: review.create, update: review.update, unchanged: review.unchanged })}
        </Text>
        <Stack gap="sm">
          <Items items={review.updates} total={review.update} title={t('ui.imp.review.updates', { count: review.update })} currency={currency} />
          <Items
            items={review.creates}
            total={review.creates.length ? review.create : 0}
            title={t('ui.imp.review.creates', { count: review.create })}
            currency={currency}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
