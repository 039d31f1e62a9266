//! Instants as channels write them: ISO 8601 with or without offset, Shopify's
//! `2025-05-11 09:55:16 -0400`, and day-first or month-first dates when the file makes the
//! order unambiguous. Stored as UTC with the source offset kept when the file gave one.

use std::fmt;

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use chrono_tz::Tz;

/// A point in time, in UTC, with the UTC offset the source wrote (if it wrote one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant {
    pub utc: DateTime<Utc>,
    pub offset_seconds: Option<i32>,
}

impl Instant {
    pub fn from_utc(utc: DateTime<Utc>) -> Instant {
        Instant {
            utc,
            offset_seconds: None,
        }
    }

    /// `2025-07-14T16:22:05Z`: sortable text, the store's format for instants. Written by
    /// hand: it runs for every imported row, and chrono's formatter is several times slower.
    pub fn utc_text(&self) -> String {
        use chrono::{Datelike, Timelike};
        let t = self.utc;
        let year = t.year();
        if !(0..=9999).contains(&year) {
            return t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        }
        let mut b = [0u8; 20];
        let mut put = |at: usize, v: u32, width: usize| {
            let mut v = v;
            for i in (0..width).rev() {
                b[at + i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, year as u32, 4);
        put(5, t.month(), 2);
        put(8, t.day(), 2);
        put(11, t.hour(), 2);
        put(14, t.minute(), 2);
        put(17, t.second(), 2);
        b[4] = b'-';
        b[7] = b'-';
        b[10] = b'T';
        b[13] = b':';
        b[16] = b':';
        b[19] = b'Z';
        String::from_utf8_lossy(&b).into_owned()
    }

    /// `+02:00` when the source wrote an offset.
    pub fn offset_text(&self) -> Option<String> {
        self.offset_seconds.map(format_offset)
    }
}

pub fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
}

/// Which comes first in `03/04/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOrder::DayFirst => "day-first",
            DateOrder::MonthFirst => "month-first",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Unreadable,
    Invalid,
    Ambiguous,
    WrongOrder(DateOrder),
    Nonexistent(Tz),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Unreadable => f.write_str(
                "is not a date omni can read (expected ISO 8601 such as 2025-07-14T18:22:05+02:00, or use --date-format)",
            ),
            DateError::Invalid => f.write_str("is not a valid calendar date or time"),
            DateError::Ambiguous => f.write_str(
                "is ambiguous: nothing in the file shows whether dates are day-first or month-first (use --date-format, e.g. %d/%m/%Y)",
            ),
            DateError::WrongOrder(order) => write!(
                f,
                "is not a valid date in this file, whose dates are {order} (use --date-format if the file mixes orders)"
            ),
            DateError::Nonexistent(tz) => write!(
                f,
                "does not exist in {tz} (a daylight-saving gap): write it with its UTC offset"
            ),
        }
    }
}

/// Parses the dates of one file: its date order (if known), an optional explicit strftime
/// format, and the zone that wall-clock times without an offset belong to.
#[derive(Debug, Clone)]
pub struct DateParser {
    pub order: Option<DateOrder>,
    pub format: Option<String>,
    pub zone: Tz,
}

const OFFSET_FORMATS: [&str; 4] = [
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%z",
];
const NAIVE_FORMATS: [&str; 6] = [
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
];
const DATE_FORMATS: [&str; 2] = ["%Y-%m-%d", "%Y/%m/%d"];

impl DateParser {
    pub fn new(zone: Tz) -> DateParser {
        DateParser {
            order: None,
            format: None,
            zone,
        }
    }

    pub fn parse(&self, text: &str) -> Result<Instant, DateError> {
        let t = text.trim().trim_start_matches('\'').trim();
        if t.is_empty() {
            return Err(DateError::Unreadable);
        }
        if let Some(fmt) = &self.format {
            return self.parse_with_format(t, fmt);
        }
        if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
            return Ok(with_offset(dt));
        }
        for f in OFFSET_FORMATS {
            if let Ok(dt) = DateTime::parse_from_str(t, f) {
                return Ok(with_offset(dt));
            }
        }
        for f in NAIVE_FORMATS {
            if let Ok(n) = NaiveDateTime::parse_from_str(t, f) {
                return self.localize(n);
            }
        }
        for f in DATE_FORMATS {
            if let Ok(d) = NaiveDate::parse_from_str(t, f) {
                return self.localize(d.and_time(NaiveTime::MIN));
            }
        }
        if let Some(result) = self.parse_with_zone_abbreviation(t) {
            return result;
        }
        if looks_like_iso(t) {
            return Err(DateError::Invalid);
        }
        if let Some(naive) = parse_month_name(t) {
            return naive.and_then(|n| self.localize(n));
        }
        self.parse_numeric(t)
    }

    /// `2013-01-07 07:35:42 PST`, `08/07/2016 10:12:40 BST`: a zone abbreviation Amazon writes.
    fn parse_with_zone_abbreviation(&self, t: &str) -> Option<Result<Instant, DateError>> {
        let (rest, abbr) = t.rsplit_once(' ')?;
        let offset_hours = ZONE_ABBREVIATIONS
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(abbr))?
            .1;
        let offset = FixedOffset::east_opt(offset_hours * 3600)?;
        let fixed = DateParser {
            zone: chrono_tz::UTC,
            ..self.clone()
        };
        Some(fixed.parse(rest).and_then(|i| {
            let wall = i.utc.naive_utc();
            match offset.from_local_datetime(&wall) {
                LocalResult::Single(dt) => Ok(with_offset(dt)),
                _ => Err(DateError::Invalid),
            }
        }))
    }

    fn parse_with_format(&self, t: &str, fmt: &str) -> Result<Instant, DateError> {
        if let Ok(dt) = DateTime::parse_from_str(t, fmt) {
            return Ok(with_offset(dt));
        }
        if let Ok(n) = NaiveDateTime::parse_from_str(t, fmt) {
            return self.localize(n);
        }
        match NaiveDate::parse_from_str(t, fmt) {
            Ok(d) => self.localize(d.and_time(NaiveTime::MIN)),
            Err(_) => Err(DateError::Unreadable),
        }
    }

    /// `31/12/2024`, `12/31/2023 23:01`, `08/14/25`, `31.12.2024`.
    fn parse_numeric(&self, t: &str) -> Result<Instant, DateError> {
        let (date_part, time_part) = match t.split_once([' ', 'T']) {
            Some((d, rest)) => (d, Some(rest.trim())),
            None => (t, None),
        };
        let (a, b, year) = split_dmy(date_part).ok_or(DateError::Unreadable)?;
        let order = match (a > 12, b > 12) {
            (true, true) => return Err(DateError::Invalid),
            (true, false) => require(self.order, DateOrder::DayFirst)?,
            (false, true) => require(self.order, DateOrder::MonthFirst)?,
            (false, false) if a == b => DateOrder::DayFirst,
            (false, false) => self.order.ok_or(DateError::Ambiguous)?,
        };
        let (day, month) = match order {
            DateOrder::DayFirst => (a, b),
            DateOrder::MonthFirst => (b, a),
        };
        let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Invalid)?;
        let time = match time_part {
            None | Some("") => NaiveTime::MIN,
            Some(tp) => parse_time(tp)?,
        };
        self.localize(date.and_time(time))
    }

    fn localize(&self, naive: NaiveDateTime) -> Result<Instant, DateError> {
        match self.zone.from_local_datetime(&naive) {
            LocalResult::Single(dt) => Ok(Instant::from_utc(dt.with_timezone(&Utc))),
            // A wall time that occurs twice (the hour repeated when clocks go back): the
            // earlier instant, a rule the README states.
            LocalResult::Ambiguous(earlier, _) => {
                Ok(Instant::from_utc(earlier.with_timezone(&Utc)))
            }
            LocalResult::None => Err(DateError::Nonexistent(self.zone)),
        }
    }
}

/// A time zone by IANA name, or by the display names POS exports write
/// (`Eastern Time (US & Canada)`, Square's item sales).
pub fn zone_from_name(name: &str) -> Option<Tz> {
    let n = name.trim();
    if let Ok(tz) = n.parse::<Tz>() {
        return Some(tz);
    }
    let iana = match n.to_ascii_lowercase().as_str() {
        "eastern time (us & canada)" | "eastern time" => "America/New_York",
        "central time (us & canada)" | "central time" => "America/Chicago",
        "mountain time (us & canada)" | "mountain time" => "America/Denver",
        "pacific time (us & canada)" | "pacific time" => "America/Los_Angeles",
        "alaska" => "America/Anchorage",
        "hawaii" => "Pacific/Honolulu",
        "london" | "edinburgh" => "Europe/London",
        "madrid" => "Europe/Madrid",
        "paris" => "Europe/Paris",
        "berlin" => "Europe/Berlin",
        "rome" => "Europe/Rome",
        "amsterdam" => "Europe/Amsterdam",
        "lisbon" => "Europe/Lisbon",
        "buenos aires" => "America/Argentina/Buenos_Aires",
        "mexico city" => "America/Mexico_City",
        "sydney" => "Australia/Sydney",
        "tokyo" => "Asia/Tokyo",
        "utc" => "UTC",
        _ => return None,
    };
    iana.parse().ok()
}

/// Zone abbreviations seen in marketplace reports, with their UTC offsets in hours.
const ZONE_ABBREVIATIONS: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("BST", 1),
    ("CET", 1),
    ("CEST", 2),
    ("WET", 0),
    ("WEST", 1),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("ART", -3),
    ("BRT", -3),
    ("IST", 5),
    ("JST", 9),
];

/// Month names in English and Spanish (also their three-letter forms).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    ("sept", 9),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|(_, n)| *n)
        .or_else(|| {
            MONTHS
                .iter()
                .find(|(name, _)| name.len() > 3 && name.starts_with(&w) && w.len() == 3)
                .map(|(_, n)| *n)
        })
}

/// Dates with a month name: `Jun-28-23` (eBay), `Dec 27, 2023`, `27 Dec 2023`,
/// `15 de junio de 2025 14:32 hs.` (Mercado Libre). `None` when the text has no month name.
fn parse_month_name(t: &str) -> Option<Result<NaiveDateTime, DateError>> {
    let cleaned = t
        .replace(',', " ")
        .replace(" de ", " ")
        .replace(" hs.", "")
        .replace(" hs", "");
    let words: Vec<&str> = cleaned
        .split([' ', '-', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    let month_at = words.iter().position(|w| month_number(w).is_some())?;
    let month = month_number(words[month_at])?;
    let numbers: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != month_at)
        .map(|(_, w)| *w)
        .collect();
    let (day, year, time) = match (numbers.first(), numbers.get(1)) {
        (Some(a), Some(b)) if month_at == 0 => (*a, *b, numbers.get(2)),
        (Some(a), Some(b)) => (*a, *b, numbers.get(2)),
        _ => return Some(Err(DateError::Unreadable)),
    };
    let day: u32 = match day.parse() {
        Ok(d) => d,
        Err(_) => return Some(Err(DateError::Unreadable)),
    };
    let year: i32 = match (year.len(), year.parse::<i32>()) {
        (4, Ok(y)) => y,
        (2, Ok(y)) => {
            if y < 70 {
                2000 + y
            } else {
                1900 + y
            }
        }
        _ => return Some(Err(DateError::Unreadable)),
    };
    let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
        return Some(Err(DateError::Invalid));
    };
    let time = match time {
        None => NaiveTime::MIN,
        Some(tp) => match parse_time(tp) {
            Ok(tm) => tm,
            Err(e) => return Some(Err(e)),
        },
    };
    Some(Ok(date.and_time(time)))
}

fn require(known: Option<DateOrder>, needed: DateOrder) -> Result<DateOrder, DateError> {
    match known {
        Some(k) if k != needed => Err(DateError::WrongOrder(k)),
        _ => Ok(needed),
    }
}

fn with_offset(dt: DateTime<FixedOffset>) -> Instant {
    Instant {
        utc: dt.with_timezone(&Utc),
        offset_seconds: Some(dt.offset().local_minus_utc()),
    }
}

fn looks_like_iso(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && (b[4] == b'-' || b[4] == b'/')
}

fn split_dmy(date: &str) -> Option<(u32, u32, i32)> {
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let a = parts[0].parse().ok()?;
    let b = parts[1].parse().ok()?;
    let year: i32 = match parts[2].len() {
        4 => parts[2].parse().ok()?,
        // Two-digit years: 00–69 are 2000s, 70–99 are 1900s (the POSIX %y pivot).
        2 => {
            let y: i32 = parts[2].parse().ok()?;
            if y < 70 { 2000 + y } else { 1900 + y }
        }
        _ => return None,
    };
    Some((a, b, year))
}

fn parse_time(t: &str) -> Result<NaiveTime, DateError> {
    for f in [
        "%H:%M:%S",
        "%H:%M",
        "%H:%M:%S%.f",
        "%I:%M:%S %p",
        "%I:%M %p",
    ] {
        if let Ok(time) = NaiveTime::parse_from_str(t, f) {
            return Ok(time);
        }
    }
    Err(DateError::Unreadable)
}

/// What one value proves about its file's date order, if anything (`31/12/2024` → day-first).
pub fn date_order_evidence(text: &str) -> Option<DateOrder> {
    let t = text.trim();
    let date = t.split([' ', 'T']).next()?;
    let (a, b, _) = split_dmy(date)?;
    match (a > 12, b > 12) {
        (true, false) => Some(DateOrder::DayFirst),
        (false, true) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn madrid() -> DateParser {
        DateParser::new(chrono_tz::Europe::Madrid)
    }

    fn utc(p: &DateParser, s: &str) -> Result<String, DateError> {
        p.parse(s).map(|i| i.utc_text())
    }

    #[test]
    fn iso_with_and_without_offset() {
        let p = madrid();
        assert_eq!(
            utc(&p, "2025-07-14T18:22:05+02:00").unwrap(),
            "2025-07-14T16:22:05Z"
        );
        assert_eq!(
            utc(&p, "2025-07-14T16:22:05Z").unwrap(),
            "2025-07-14T16:22:05Z"
        );
        assert_eq!(
            utc(&p, "2025-05-11 09:55:16 -0400").unwrap(),
            "2025-05-11T13:55:16Z"
        );
        assert_eq!(
            p.parse("2025-05-11 09:55:16 -0400")
                .unwrap()
                .offset_text()
                .unwrap(),
            "-04:00"
        );
        // No offset: a wall-clock time in the store's zone (Madrid is UTC+1 in January).
        assert_eq!(
            utc(&p, "2025-01-10 10:00:00").unwrap(),
            "2025-01-10T09:00:00Z"
        );
        assert_eq!(p.parse("2025-01-10 10:00:00").unwrap().offset_text(), None);
        assert_eq!(utc(&p, "2025-01-10").unwrap(), "2025-01-09T23:00:00Z");
    }

    #[test]
    fn utc_text_matches_chrono() {
        let p = madrid();
        for s in [
            "2025-07-14T18:22:05+02:00",
            "0999-01-02T03:04:05Z",
            "2024-12-31T23:59:59Z",
        ] {
            let i = p.parse(s).unwrap();
            assert_eq!(i.utc_text(), i.utc.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        }
    }

    #[test]
    fn impossible_dates_are_invalid() {
        let p = madrid();
        assert_eq!(utc(&p, "2024-02-30"), Err(DateError::Invalid));
        assert_eq!(utc(&p, "2024-13-01T00:00:00Z"), Err(DateError::Invalid));
        assert_eq!(utc(&p, "yesterday"), Err(DateError::Unreadable));
    }

    #[test]
    fn day_and_month_order_only_when_unambiguous() {
        let mut p = madrid();
        assert_eq!(utc(&p, "31/12/2024").unwrap(), "2024-12-30T23:00:00Z");
        assert_eq!(utc(&p, "12/31/2023").unwrap(), "2023-12-30T23:00:00Z");
        assert_eq!(utc(&p, "03/04/2025"), Err(DateError::Ambiguous));
        p.order = Some(DateOrder::DayFirst);
        assert_eq!(utc(&p, "03/04/2025 10:30").unwrap(), "2025-04-03T08:30:00Z");
        assert_eq!(
            utc(&p, "12/31/2023"),
            Err(DateError::WrongOrder(DateOrder::DayFirst))
        );
        assert_eq!(
            utc(&p, "06/10/2025 23:50:38").unwrap(),
            "2025-10-06T21:50:38Z"
        );
        p.order = Some(DateOrder::MonthFirst);
        assert_eq!(utc(&p, "08/14/25").unwrap(), "2025-08-13T22:00:00Z");
    }

    #[test]
    fn daylight_saving_gaps_and_overlaps() {
        let p = madrid();
        // 2025-03-30 02:30 does not exist in Madrid; 2025-10-26 02:30 happens twice.
        assert_eq!(
            utc(&p, "2025-03-30 02:30:00"),
            Err(DateError::Nonexistent(chrono_tz::Europe::Madrid))
        );
        assert_eq!(
            utc(&p, "2025-10-26 02:30:00").unwrap(),
            "2025-10-26T00:30:00Z"
        );
    }

    #[test]
    fn month_names_and_zone_abbreviations() {
        let p = madrid();
        assert_eq!(utc(&p, "Jun-28-23").unwrap(), "2023-06-27T22:00:00Z");
        assert_eq!(utc(&p, "Dec 27, 2023").unwrap(), "2023-12-26T23:00:00Z");
        assert_eq!(
            utc(&p, "15 de junio de 2025 14:32 hs.").unwrap(),
            "2025-06-15T12:32:00Z"
        );
        assert_eq!(
            utc(&p, "2013-01-07 07:35:42 PST").unwrap(),
            "2013-01-07T15:35:42Z"
        );
        assert_eq!(
            p.parse("2013-01-07 07:35:42 PST")
                .unwrap()
                .offset_text()
                .unwrap(),
            "-08:00"
        );
        assert_eq!(utc(&p, "31/06/2016 10:12:40 BST"), Err(DateError::Invalid));
        assert_eq!(utc(&p, "Feb-30-23"), Err(DateError::Invalid));
    }

    #[test]
    fn explicit_format_wins() {
        let mut p = madrid();
        p.format = Some("%d.%m.%Y %H:%M".into());
        assert_eq!(utc(&p, "03.04.2025 10:30").unwrap(), "2025-04-03T08:30:00Z");
        assert_eq!(utc(&p, "2025-04-03"), Err(DateError::Unreadable));
    }

    #[test]
    fn evidence() {
        assert_eq!(date_order_evidence("31/12/2024"), Some(DateOrder::DayFirst));
        assert_eq!(
            date_order_evidence("12/31/2024 10:00"),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(date_order_evidence("01/02/2024"), None);
        assert_eq!(date_order_evidence("2024-01-02"), None);
    }
}
