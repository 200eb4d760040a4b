//! The operations behind the commands, as library calls that return values: `build`
//! publishes the pipeline's output through the disk cache, `check` runs it with no cache
//! and no output. Commands (`commands`) parse nothing and print what these return.

pub mod build;
pub mod check;

/// The first day of this month: of `SOURCE_DATE_EPOCH` when set, else of the system clock.
pub fn this_month() -> Option<crate::date::Date> {
    let today = source_date().or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        Some(crate::date::Date::from_days_since_epoch(
            i64::try_from(secs / 86_400).ok()?,
        ))
    })?;
    crate::date::Date::new(today.year, today.month, 1)
}

/// `SOURCE_DATE_EPOCH` as a date, for reproducible builds.
pub fn source_date() -> Option<crate::date::Date> {
    let secs: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()?;
    Some(crate::date::Date::from_days_since_epoch(secs.div_euclid(86_400)))
}
