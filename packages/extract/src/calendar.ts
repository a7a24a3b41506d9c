/**
 * Calendar arithmetic on plain (year, month, day) triples in UTC, and the lunar calendar and solar
 * terms through `lunar-javascript` (loaded on first use: most texts name no lunar date).
 */
import { createRequire } from 'node:module';

/** A calendar day. */
export type Ymd = [number, number, number];

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD`. */
export const iso = ([y, m, d]: Ymd): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** Days in a month (m may run past 12: 14 is February of the next year). */
export function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether the triple names a real day. */
export function valid([y, m, d]: Ymd): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** Normalizes a triple whose month or day ran over (2024-14-01 → 2025-02-01). */
export function norm(y: number, m: number, d: number): Ymd {
  const t = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC reads years 0–99 as 1900–1999.
  if (y >= 0 && y < 100) t.setUTCFullYear(t.getUTCFullYear() - 1900);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** Moves a day by whole days. */
export function addDays([y, m, d]: Ymd, days: number): Ymd {
  return norm(y, m, d + days);
}

/** Moves a day by whole months, keeping the day within the month (1-31 + 1 month → 2-28). */
export function addMonths([y, m, d]: Ymd, months: number): Ymd {
  const [ny, nm] = norm(y, m + months, 1);
  return [ny, nm, Math.min(d, daysIn(ny, nm))];
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday([y, m, d]: Ymd): number {
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The last day of a month. */
export const monthEnd = (y: number, m: number): Ymd => norm(y, m + 1, 0);

interface SolarDay {
  getYear(): number;
  getMonth(): number;
  getDay(): number;
}
interface LunarDay {
  getSolar(): SolarDay;
  getJieQiTable(): Record<string, SolarDay>;
}
interface LunarLib {
  Lunar: { fromYmd(y: number, m: number, d: number): LunarDay };
  LunarMonth: { fromYm(y: number, m: number): { getDayCount(): number } | null };
}

let lib: LunarLib | undefined;
function lunar(): LunarLib {
  lib ??= createRequire(import.meta.url)('lunar-javascript') as LunarLib;
  return lib;
}

const toYmd = (s: SolarDay): Ymd => [s.getYear(), s.getMonth(), s.getDay()];

const lunarDays = new Map<string, Ymd | undefined>();

/** The solar day of a lunar date (lunar year `y`, month 1–12, day 1–30); undefined when it does not exist. */
export function fromLunar(y: number, m: number, d: number): Ymd | undefined {
  const key = `${y}-${m}-${d}`;
  if (!lunarDays.has(key)) lunarDays.set(key, computeFromLunar(y, m, d));
  return lunarDays.get(key);
}

function computeFromLunar(y: number, m: number, d: number): Ymd | undefined {
  if (y < 1900 || y > 2099) return undefined;
  try {
    const month = lunar().LunarMonth.fromYm(y, m);
    if (!month || d > month.getDayCount()) return undefined;
    return toYmd(lunar().Lunar.fromYmd(y, m, d).getSolar());
  } catch {
    return undefined;
  }
}

/** Days in a lunar month. */
export function lunarMonthDays(y: number, m: number): number | undefined {
  try {
    return lunar().LunarMonth.fromYm(y, m)?.getDayCount();
  } catch {
    return undefined;
  }
}

const terms = new Map<string, Ymd | undefined>();

/** The day of a solar term (清明, 冬至 …) in Gregorian year `y`. */
export function solarTerm(y: number, name: string): Ymd | undefined {
  const key = `${y}${name}`;
  if (!terms.has(key)) terms.set(key, computeSolarTerm(y, name));
  return terms.get(key);
}

function computeSolarTerm(y: number, name: string): Ymd | undefined {
  if (y < 1900 || y > 2099) return undefined;
  for (const ly of [y, y + 1]) {
    const day = lunar().Lunar.fromYmd(ly, 1, 1).getJieQiTable()[name];
    if (day && day.getYear() === y) return toYmd(day);
  }
  return undefined;
}
