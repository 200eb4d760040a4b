//! Grades (AA–F), the pass mark and how a result is phrased for a given ITA year
//! (ita-domain.md §3).
//!
//! Bands apply to the total rounded to two decimals, so 94.995 (published 95.00) is AA. NACC
//! published letter grades through ITA 2565 and ผ่าน / ไม่ผ่าน from 2566; 2568 added qualitative
//! ratings such as ผ่านดี whose thresholds are not confirmed, so a published "ผ่านดี" is read as
//! a pass and only checked against the pass mark.

use std::fmt;

use crate::ita::score::round2;

/// The pass mark (every year 2563–2568).
pub const PASS_MARK: f64 = 85.0;

/// The last ITA year published with letter grades.
pub const LAST_LETTER_GRADE_YEAR: i32 = 2565;

/// Whether a total passes (after rounding to two decimals).
pub fn passed(total: f64) -> bool {
    round2(total) >= PASS_MARK
}

/// The seven score bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    AA,
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Grade {
    pub const ALL: [Grade; 7] = [Grade::AA, Grade::A, Grade::B, Grade::C, Grade::D, Grade::E, Grade::F];

    /// The band of a total: AA ≥ 95, A ≥ 85, B ≥ 75, C ≥ 65, D ≥ 55, E ≥ 50, else F.
    pub fn from_total(total: f64) -> Grade {
        let total = round2(total);
        Grade::ALL
            .into_iter()
            .find(|grade| total >= grade.lower_bound())
            .unwrap_or(Grade::F)
    }

    /// The lowest total of the band.
    pub fn lower_bound(self) -> f64 {
        match self {
            Grade::AA => 95.0,
            Grade::A => 85.0,
            Grade::B => 75.0,
            Grade::C => 65.0,
            Grade::D => 55.0,
            Grade::E => 50.0,
            Grade::F => 0.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::AA => "AA",
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::E => "E",
            Grade::F => "F",
        }
    }

    /// Parses "AA" … "F" (case-insensitive, surrounding space ignored).
    pub fn parse(text: &str) -> Option<Grade> {
        let text = text.trim();
        Grade::ALL
            .into_iter()
            .find(|grade| grade.as_str().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A result as published for its ITA year: a letter grade, or pass / fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Grade(Grade),
    Pass,
    Fail,
}

impl Verdict {
    /// How a total is published for `assessed_year` (BE): a letter through 2565, ผ่าน/ไม่ผ่าน
    /// from 2566.
    pub fn for_year(assessed_year: i32, total: f64) -> Verdict {
        if assessed_year <= LAST_LETTER_GRADE_YEAR {
            Verdict::Grade(Grade::from_total(total))
        } else if passed(total) {
            Verdict::Pass
        } else {
            Verdict::Fail
        }
    }

    /// Parses a published grade or verdict: a letter ("A", "aa"), "ผ่าน", "ไม่ผ่าน", the 2568
    /// ratings "ผ่านดี" / "ผ่านดีเยี่ยม" (read as a pass), or English "pass"/"passed"/"fail"/
    /// "failed"/"not passed". Spaces inside Thai phrases are ignored.
    pub fn parse(text: &str) -> Result<Verdict, VerdictError> {
        if let Some(grade) = Grade::parse(text) {
            return Ok(Verdict::Grade(grade));
        }
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        match compact.as_str() {
            "ผ่าน" | "ผ่านดี" | "ผ่านดีเยี่ยม" | "pass" | "passed" => {
                Ok(Verdict::Pass)
            }
            "ไม่ผ่าน" | "fail" | "failed" | "notpassed" => Ok(Verdict::Fail),
            _ => Err(VerdictError {
                input: text.to_string(),
            }),
        }
    }

    /// True when this (published) verdict is what `total` earns. A letter is compared by band;
    /// pass/fail by the pass mark, whatever the year.
    pub fn agrees_with_total(self, total: f64) -> bool {
        match self {
            Verdict::Grade(grade) => Grade::from_total(total) == grade,
            Verdict::Pass => passed(total),
            Verdict::Fail => !passed(total),
        }
    }

    /// Whether the verdict means the pass mark was reached.
    pub fn is_pass(self) -> bool {
        match self {
            Verdict::Grade(grade) => grade <= Grade::A,
            Verdict::Pass => true,
            Verdict::Fail => false,
        }
    }

    /// "A", "ผ่าน", "ไม่ผ่าน".
    pub fn label_th(self) -> &'static str {
        match self {
            Verdict::Grade(grade) => grade.as_str(),
            Verdict::Pass => "ผ่าน",
            Verdict::Fail => "ไม่ผ่าน",
        }
    }

    /// "A", "Passed", "Not passed".
    pub fn label_en(self) -> &'static str {
        match self {
            Verdict::Grade(grade) => grade.as_str(),
            Verdict::Pass => "Passed",
            Verdict::Fail => "Not passed",
        }
    }
}

/// The label for a total in its ITA year, Thai.
pub fn verdict_label_th(assessed_year: i32, total: f64) -> &'static str {
    Verdict::for_year(assessed_year, total).label_th()
}

/// The label for a total in its ITA year, English.
pub fn verdict_label_en(assessed_year: i32, total: f64) -> &'static str {
    Verdict::for_year(assessed_year, total).label_en()
}

/// A published grade that is neither a letter nor a pass/fail phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictError {
    pub input: String,
}

impl VerdictError {
    pub fn message_th(&self) -> String {
        format!(
            "ไม่รู้จักผลการประเมิน “{}”: ใช้ AA, A, B, C, D, E, F, ผ่าน หรือ ไม่ผ่าน",
            self.input
        )
    }

    pub fn message_en(&self) -> String {
        format!(
            "unknown published grade “{}”: use AA, A, B, C, D, E, F, ผ่าน (pass) or ไม่ผ่าน (fail)",
            self.input
        )
    }
}

impl fmt::Display for VerdictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for VerdictError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands() {
        for (total, grade) in [
            (100.0, Grade::AA),
            (95.0, Grade::AA),
            (94.995, Grade::AA),
            (94.994, Grade::A),
            (92.898, Grade::A),
            (85.0, Grade::A),
            (84.99, Grade::B),
            (75.0, Grade::B),
            (66.85, Grade::C),
            (65.05, Grade::C),
            (58.13, Grade::D),
            (55.0, Grade::D),
            (54.99, Grade::E),
            (50.0, Grade::E),
            (49.99, Grade::F),
            (0.0, Grade::F),
            (-3.0, Grade::F),
            (f64::NAN, Grade::F),
        ] {
            assert_eq!(Grade::from_total(total), grade, "{total}");
        }
        assert!(passed(84.995) && !passed(84.994) && !passed(f64::NAN));
    }

    #[test]
    fn verdict_by_assessed_year() {
        assert_eq!(Verdict::for_year(2564, 92.898), Verdict::Grade(Grade::A));
        assert_eq!(verdict_label_th(2565, 74.57), "C");
        assert_eq!(verdict_label_th(2567, 92.6876), "ผ่าน");
        assert_eq!(verdict_label_en(2567, 92.6876), "Passed");
        assert_eq!(verdict_label_th(2566, 84.0), "ไม่ผ่าน");
        assert_eq!(verdict_label_en(2568, 60.0), "Not passed");
    }

    #[test]
    fn published_grades_parse_and_compare() {
        for (text, verdict) in [
            ("A", Verdict::Grade(Grade::A)),
            (" aa ", Verdict::Grade(Grade::AA)),
            ("ผ่าน", Verdict::Pass),
            ("ผ่านดี", Verdict::Pass),
            ("ไม่ ผ่าน", Verdict::Fail),
            ("pass", Verdict::Pass),
            ("Not passed", Verdict::Fail),
        ] {
            assert_eq!(Verdict::parse(text), Ok(verdict), "{text}");
        }
        let error = Verdict::parse("A+").err();
        assert!(error.as_ref().is_some_and(|e| e.message_th().contains("A+")));
        assert!(Verdict::parse("").is_err());

        assert!(Verdict::Grade(Grade::A).agrees_with_total(92.898));
        assert!(!Verdict::Grade(Grade::AA).agrees_with_total(92.898));
        assert!(Verdict::Pass.agrees_with_total(92.6876));
        assert!(Verdict::Fail.agrees_with_total(66.85));
        assert!(!Verdict::Pass.agrees_with_total(66.85));
        assert!(Verdict::Grade(Grade::AA).is_pass() && !Verdict::Grade(Grade::B).is_pass());
    }
}
