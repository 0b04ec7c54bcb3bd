import { UnstyledButton } from '@mantine/core';

/**
 * A column title that sorts: a real button (Tab + Enter work), the arrow is decoration and the state is
 * told to assistive tech through aria-sort on the header cell, which the caller sets with `ariaSort`.
 */
export function SortHeader({ label, active, dir, onClick, align }: { label: string; active: boolean; dir: 'asc' | 'desc'; onClick(): void; align?: 'right' }) {
  return (
    <UnstyledButton
      onClick={onClick}
      className="sort-header"
      data-active={active || undefined}
      style={{ justifyContent: align === 'right' ? 'flex-end' : 'flex-start' }}
    >
      <span>{label}</span>
      <span aria-hidden className="sort-arrow">
        {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
      </span>
    </UnstyledButton>
  );
}

export function ariaSort(active: boolean, dir: 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  return active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
}
