import { Anchor, Box, type BoxProps } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../app/stores';
import './longText.css';

/** Longer than this, a text starts folded; about four lines of a note column. */
const FOLD_AT = 280;

/**
 * A note, reason or description typed by a person: it wraps anywhere (a 5,000-character word must not
 * widen the page), keeps its line breaks, and long ones fold to a few lines with "Show more".
 */
export function LongText({ text, ...props }: { text: string | null | undefined } & BoxProps) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (!text) return null;
  const long = text.length > FOLD_AT || text.split('\n').length > 4;
  return (
    <Box component="span" className="long-text" {...props}>
      <span className={long && !open ? 'long-text-folded' : undefined}>{text}</span>
      {long && (
        <Anchor component="button" type="button" fz="xs" display="block" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('ui.text.showLess') : t('ui.text.showMore')}
        </Anchor>
      )}
    </Box>
  );
}
