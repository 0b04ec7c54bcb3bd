import { Group, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useT } from '../app/stores';
import './longText.css';

/**
 * A free-text field that says how much it takes and how much is used ("120 / 500 characters"), and
 * stops at the limit the contract enforces, so nobody writes a long note to have it refused.
 */
export function LimitedTextarea({ max, value, description, ...props }: TextareaProps & { max: number; value: string }) {
  const { t, locale } = useT();
  const n = new Intl.NumberFormat(locale);
  const used = value.length;
  return (
    <Textarea
      {...props}
      value={value}
      maxLength={max}
      classNames={{ input: 'long-text-input' }}
      description={
        <Group component="span" justify="space-between" gap="xs" wrap="nowrap">
          <span>{description}</span>
          <Text component="span" fz="xs" c={used >= max ? 'red.8' : 'dimmed'} className="num" aria-live="polite">
            {t('ui.text.count', { used: n.format(used), max: n.format(max) })}
          </Text>
        </Group>
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
