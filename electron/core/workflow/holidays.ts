import { loadHolidays } from '../lazy';

type HolidaysCtor = Awaited<ReturnType<typeof loadHolidays>>;

const cache = new Map<string, Set<string>>();

/**
 * National public holidays (type "public" only) from date-holidays, whose data is CC-BY licensed
 * (credited in Settings → About). Cached per country and year: the data never changes at run time.
 */
function publicHolidays(Holidays: HolidaysCtor, country: string, year: number): Set<string> {
  const key = `${country}:${year}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set();
    try {
      const hd = new Holidays(country);
      for (const h of hd.getHolidays(year) || []) if (h.type === 'public') set.add(h.date.slice(0, 10));
    } catch {
      // an unknown country simply has no holidays
    }
    cache.set(key, set);
  }
  return set;
}

/** The holidays of the year before, of and after a date; the holiday data loads on first use. */
export async function holidaysAround(country: string, date: string): Promise<Set<string>> {
  const Holidays = await loadHolidays();
  const y = Number(date.slice(0, 4));
  return new Set([...publicHolidays(Holidays, country, y - 1), ...publicHolidays(Holidays, country, y), ...publicHolidays(Holidays, country, y + 1)]);
}
