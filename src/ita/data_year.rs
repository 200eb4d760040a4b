//! The data-year rule of an O-item: which period its content must cover, relative to the
//! assessed fiscal year (`data_year` in the catalogs; ita-domain.md §1.3). Pages label every
//! item with the fiscal year it covers, and checks compare it with this rule.

use serde::Deserialize;

/// Which period an item's content must cover, relative to the assessed fiscal year
/// (`data_year` in the TOML; ita-domain.md §1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataYear {
    /// `current` — the assessed fiscal year (FY).
    Current,
    /// `current_h1` — 1 October to 31 March of the assessed fiscal year (the six-month round).
    CurrentH1,
    /// `previous` — the fiscal year before the assessed one (annual results reports).
    Previous,
    /// `current_to_date` — one entry per month of the assessed fiscal year so far.
    CurrentToDate,
    /// `standing` — no year; the content must simply be up to date.
    Standing,
}

impl DataYear {
    /// The fiscal year (BE) the content must cover, or `None` for standing content.
    pub fn fiscal_year_for(self, assessed_year: i32) -> Option<i32> {
        match self {
            DataYear::Current | DataYear::CurrentH1 | DataYear::CurrentToDate => Some(assessed_year),
            DataYear::Previous => Some(assessed_year - 1),
            DataYear::Standing => None,
        }
    }

    pub fn label_th(self) -> &'static str {
        match self {
            DataYear::Current => "ข้อมูลของปีงบประมาณที่ประเมิน",
            DataYear::CurrentH1 => "ข้อมูลรอบ ๖ เดือน (ตุลาคม – มีนาคม) ของปีงบประมาณที่ประเมิน",
            DataYear::Previous => "ข้อมูลของปีงบประมาณก่อนปีที่ประเมิน",
            DataYear::CurrentToDate => "ข้อมูลรายเดือนของปีงบประมาณที่ประเมินจนถึงปัจจุบัน",
            DataYear::Standing => "ข้อมูลที่เป็นปัจจุบัน",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            DataYear::Current => "the assessed fiscal year",
            DataYear::CurrentH1 => "October to March of the assessed fiscal year",
            DataYear::Previous => "the fiscal year before the assessed one",
            DataYear::CurrentToDate => "every month of the assessed fiscal year so far",
            DataYear::Standing => "kept up to date",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_year_per_rule() {
        assert_eq!(DataYear::Current.fiscal_year_for(2564), Some(2564));
        assert_eq!(DataYear::CurrentH1.fiscal_year_for(2564), Some(2564));
        assert_eq!(DataYear::CurrentToDate.fiscal_year_for(2564), Some(2564));
        assert_eq!(DataYear::Previous.fiscal_year_for(2564), Some(2563));
        assert_eq!(DataYear::Standing.fiscal_year_for(2564), None);
        let parsed: Result<DataYear, _> = toml::Value::String("current_h1".into()).try_into();
        assert_eq!(parsed, Ok(DataYear::CurrentH1));
    }
}
