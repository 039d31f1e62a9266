//! Local days in the merchant's zone and the periods reports cut them into (KPIS.md § 1.3):
//! half-open `[from, to)`, ISO weeks starting Monday, partial periods flagged.

use chrono::{Datelike, NaiveDate, Offset, TimeZone};
use chrono_tz::Tz;

/// Days since 1970-01-01 as a local calendar day.
pub type Day = i32;

const UNIX_EPOCH_CE: i32 = 719_163;

pub fn date_of(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day + UNIX_EPOCH_CE).unwrap_or(NaiveDate::MIN)
}

pub fn day_of(date: NaiveDate) -> Day {
    date.num_days_from_ce() - UNIX_EPOCH_CE
}

/// UTC instants to local days, with the zone's offset changes looked up once: a report
/// converts millions of instants, and asking the zone database each time costs more than
/// the rest of the report.
/// (year, month, day) of a day since 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(day: Day) -> (i32, u32, u32) {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m as u32, d as u32)
}

/// The day since 1970-01-01 of a civil date (Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> Day {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as Day
}

#[derive(Debug, Clone)]
pub struct Calendar {
    pub zone: Tz,
    /// (first UTC second, offset in seconds) from each change on, sorted.
    changes: Vec<(i64, i64)>,
}

const FIRST: i64 = -2_208_988_800; // 1900-01-01
const LAST: i64 = 4_102_444_800; // 2100-01-01

impl Calendar {
    pub fn new(zone: Tz) -> Calendar {
        let offset = |t: i64| -> i64 {
            let utc = chrono::DateTime::from_timestamp(t, 0).unwrap_or_default();
            i64::from(
                zone.offset_from_utc_datetime(&utc.naive_utc())
                    .fix()
                    .local_minus_utc(),
            )
        };
        let mut changes = vec![(i64::MIN, offset(FIRST))];
        let mut t = FIRST;
        // Zones change their offset at most a few times a year: probe daily, then find the
        // second of each change by bisection.
        while t < LAST {
            let next = t + 86_400;
            let before = changes.last().map_or(0, |c| c.1);
            if offset(next) != before {
                let (mut lo, mut hi) = (t, next);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if offset(mid) == before {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                changes.push((hi, offset(hi)));
            }
            t = next;
        }
        Calendar { zone, changes }
    }

    /// The local day of a UTC instant (Unix seconds).
    pub fn day(&self, at: i64) -> Day {
        let i = self.changes.partition_point(|c| c.0 <= at);
        let offset = self.changes[i.saturating_sub(1)].1;
        (at + offset).div_euclid(86_400) as Day
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Period {
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// The first day of the period holding `day`.
    pub fn start(self, day: Day) -> Day {
        // Plain civil arithmetic: this runs once per fact, chrono's validation is too slow.
        let (y, m, _) = civil_from_days(day);
        match self {
            Period::Day => day,
            Period::Week => day - (day + 3).rem_euclid(7),
            Period::Month => days_from_civil(y, m, 1),
            Period::Quarter => days_from_civil(y, (m - 1) / 3 * 3 + 1, 1),
            Period::Year => days_from_civil(y, 1, 1),
        }
    }

    /// The period's ordinal since 1970 (months since January 1970, …): the number of periods
    /// between two days is the difference of their indexes.
    pub fn index(self, day: Day) -> i64 {
        let (y, m, _) = civil_from_days(day);
        let months = (i64::from(y) - 1970) * 12 + i64::from(m) - 1;
        match self {
            Period::Day => i64::from(day),
            Period::Week => i64::from(self.start(day) + 3).div_euclid(7),
            Period::Month => months,
            Period::Quarter => months.div_euclid(3),
            Period::Year => i64::from(y) - 1970,
        }
    }

    /// The first day of the next period after the one starting at `start`.
    pub fn next(self, start: Day) -> Day {
        match self {
            Period::Day => start + 1,
            Period::Week => start + 7,
            Period::Month => self.start(start + 31),
            Period::Quarter => self.start(start + 92),
            Period::Year => self.start(start + 366),
        }
    }

    /// The start of the period `n` periods after the one starting at `start` (n ≥ 0).
    pub fn advance(self, start: Day, n: usize) -> Day {
        (0..n).fold(start, |s, _| self.next(s))
    }

    /// `2025-03-04`, `2025-W10`, `2025-03`, `2025-Q1`, `2025`.
    pub fn label(self, start: Day) -> String {
        let d = date_of(start);
        match self {
            Period::Day => d.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => d.format("%Y-%m").to_string(),
            Period::Quarter => format!("{}-Q{}", d.year(), d.month0() / 3 + 1),
            Period::Year => d.year().to_string(),
        }
    }
}

/// The days a report covers: `[from, to)`, either end open when not given.
/// [`Period::start`] memoised per day: reports ask it once per fact, for a few hundred
/// distinct days.
#[derive(Debug, Clone)]
pub struct PeriodStarts {
    pub period: Period,
    base: Day,
    starts: Vec<Day>,
}

/// Beyond this many days (over five centuries) the memo stops growing and computes.
const MEMO_DAYS: usize = 200_000;

impl PeriodStarts {
    pub fn new(period: Period) -> PeriodStarts {
        PeriodStarts {
            period,
            base: 0,
            starts: Vec::new(),
        }
    }

    pub fn start(&mut self, day: Day) -> Day {
        let i = i64::from(day) - i64::from(self.base);
        if i >= 0 && (i as usize) < self.starts.len() {
            return self.starts[i as usize];
        }
        // Grow to cover `day` with a margin, then fill the new days.
        let (lo, hi) = if self.starts.is_empty() {
            (day - 512, day + 512)
        } else {
            let end = self.base + self.starts.len() as Day;
            (self.base.min(day - 512), end.max(day + 512))
        };
        if (hi - lo) as usize > MEMO_DAYS {
            return self.period.start(day);
        }
        self.starts = (lo..hi).map(|d| self.period.start(d)).collect();
        self.base = lo;
        self.starts[(day - lo) as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl Window {
    pub fn contains(&self, day: Day) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day < t)
    }

    /// The window with its open ends closed by the data's first and last day.
    pub fn closed(&self, data: Option<(Day, Day)>) -> Option<(Day, Day)> {
        let (first, last) = match (data, self.from, self.to) {
            (_, Some(f), Some(t)) => return (f < t).then_some((f, t)),
            (Some(d), _, _) => d,
            (None, _, _) => return None,
        };
        let from = self.from.unwrap_or(first);
        let to = self.to.unwrap_or(last + 1);
        (from < to).then_some((from, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        day_of(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn local_days_follow_dst() {
        let cal = Calendar::new(chrono_tz::Europe::Madrid);
        // 2025-03-29 23:30 UTC is 00:30 on the 30th in Madrid (UTC+1, before the change).
        assert_eq!(cal.day(1_743_291_000), day("2025-03-30"));
        // 2025-03-30 22:30 UTC is 00:30 on the 31st (UTC+2, after the change).
        assert_eq!(cal.day(1_743_373_800), day("2025-03-31"));
        // 2025-03-30 21:59:59 UTC is 23:59:59 on the 30th.
        assert_eq!(cal.day(1_743_371_999), day("2025-03-30"));
        let utc = Calendar::new(chrono_tz::UTC);
        assert_eq!(utc.day(-1), day("1969-12-31"));
    }

    #[test]
    fn period_indexes_count_periods() {
        for p in [
            Period::Day,
            Period::Week,
            Period::Month,
            Period::Quarter,
            Period::Year,
        ] {
            let start = p.start(day("2024-11-20"));
            for n in 0..30 {
                let later = p.advance(start, n);
                assert_eq!(p.index(later) - p.index(start), n as i64, "{p:?} {n}");
                // Any day of a period has its index.
                assert_eq!(p.index(p.next(later) - 1), p.index(later), "{p:?} {n}");
            }
        }
    }

    #[test]
    fn memoised_starts_match_and_grow_both_ways() {
        let mut memo = PeriodStarts::new(Period::Month);
        for day in [20_000, 19_000, 21_500, -3, 20_001, 90_000_000] {
            assert_eq!(memo.start(day), Period::Month.start(day), "{day}");
        }
    }

    #[test]
    fn civil_arithmetic_agrees_with_chrono() {
        for day in (-800_000..800_000).step_by(97) {
            let d = date_of(day);
            let (y, m, dd) = civil_from_days(day);
            assert_eq!((y, m, dd), (d.year(), d.month(), d.day()), "{day}");
            assert_eq!(days_from_civil(y, m, dd), day);
        }
    }

    #[test]
    fn periods_start_label_and_advance() {
        let d = day("2025-03-05"); // a Wednesday
        assert_eq!(Period::Week.start(d), day("2025-03-03"));
        assert_eq!(Period::Week.label(Period::Week.start(d)), "2025-W10");
        assert_eq!(Period::Month.start(d), day("2025-03-01"));
        assert_eq!(Period::Quarter.label(Period::Quarter.start(d)), "2025-Q1");
        assert_eq!(Period::Month.next(day("2025-01-01")), day("2025-02-01"));
        assert_eq!(
            Period::Month.advance(day("2024-11-01"), 3),
            day("2025-02-01")
        );
        assert_eq!(Period::Year.next(day("2024-01-01")), day("2025-01-01"));
    }

    #[test]
    fn windows_close_with_the_data() {
        let w = Window {
            from: Some(10),
            to: None,
        };
        assert!(w.contains(10) && !w.contains(9));
        assert_eq!(w.closed(Some((5, 20))), Some((10, 21)));
        assert_eq!(w.closed(None), None);
    }
}
