import { formatDate } from '#shared/domain/dates';
import { useT } from '../app/stores';

/** A business date (YYYY-MM-DD) in the UI locale; the ISO form stays available as a tooltip. */
export function DateText({ date }: { date: string | null | undefined }) {
  const { locale } = useT();
  if (!date) return <span>—</span>;
  return (
    <time dateTime={date} title={date} className="num">
      {formatDate(date, locale)}
    </time>
  );
}
