//! The fiscal year and the round a document is about, when the command line does not say.
//!
//! Documents name their year in phrases like "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔"; they also name the
//! year whose ITA result they analyse ("ผลการประเมิน ... ปีงบประมาณ พ.ศ. ๒๕๖๓"), which is
//! always the earlier one, so the latest year so named wins. A six-month report says
//! "รอบ ๖ เดือน"; a full-year one says "ประจำปี" or "๑๒ เดือน".

use crate::thai::digits::to_ascii_digits;

/// The phrase a year was found in, and the year (BE).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub phrase: String,
}

/// The latest BE year written after "ปีงบประมาณ", "ประจำปี" or "ปี พ.ศ.".
pub fn fiscal_year(text: &str) -> Option<Found<i32>> {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let ascii = to_ascii_digits(&squeezed);
    let original: Vec<char> = squeezed.chars().collect();
    let chars: Vec<char> = ascii.chars().collect();
    let mut best: Option<Found<i32>> = None;
    for key in ["ปีงบประมาณ", "ประจำปี", "ปีพ.ศ."] {
        let key: Vec<char> = key.chars().collect();
        let mut i = 0;
        while i + key.len() <= chars.len() {
            if chars[i..i + key.len()] == key[..] {
                let mut j = i + key.len();
                for skip in ["งบประมาณ", "พ.ศ.", "พ.ศ"] {
                    let s: Vec<char> = skip.chars().collect();
                    if chars.get(j..j + s.len()) == Some(&s[..]) {
                        j += s.len();
                    }
                }
                let digits: String = chars[j..].iter().take_while(|c| c.is_ascii_digit()).collect();
                if let (4, Ok(year)) = (digits.len(), digits.parse::<i32>()) {
                    if (2500..=2700).contains(&year) && best.as_ref().is_none_or(|b| year > b.value) {
                        let end = (j + 4).min(original.len());
                        best = Some(Found {
                            value: year,
                            phrase: original[i..end].iter().collect(),
                        });
                    }
                }
            }
            i += 1;
        }
    }
    best
}

/// 1 for a six-month report, 2 for a full-year one, from the document's wording. "ประจำปี"
/// alone says nothing ("ประจำปีงบประมาณ" is in every title); "ประจำปี พ.ศ. ๒๕๖๗" (seed 001)
/// and "รอบ ๑๒ เดือน" do.
pub fn round(text: &str) -> Option<Found<u8>> {
    let squeezed: String = to_ascii_digits(&text.chars().filter(|c| !c.is_whitespace()).collect::<String>());
    for (phrase, round) in [
        ("รอบ6เดือน", 1),
        ("6เดือนแรก", 1),
        ("รอบ12เดือน", 2),
        ("ประจำปีพ.ศ.", 2),
        ("รายงานผลการดำเนินงานประจำปี", 2),
    ] {
        if squeezed.contains(phrase) {
            return Some(Found {
                value: round,
                phrase: phrase.to_string(),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_the_seeds() {
        for (text, year) in [
            ("เรื่อง รายงานติดตามผล ประจำปีงบประมาณ พ.ศ.๒๕๖๔ รอบ ๖ เดือน", Some(2564)),
            (
                "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๓ ... มาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕",
                Some(2565),
            ),
            ("ของเทศบาลเมืองสะเตงนอก ประจำปี พ.ศ. ๒๕๖๗", Some(2567)),
            ("ตลอดทั้งปี งบประมาณ พ.ศ.๒๕๖๔", Some(2564)),
            ("ประจำปี ๒๕๖๓ ดำเนินการ", Some(2563)),
            ("รอบ ๖ เดือน", None),
            ("ปีงบประมาณ 64", None),
        ] {
            assert_eq!(fiscal_year(text).map(|f| f.value), year, "{text}");
        }
    }

    #[test]
    fn rounds() {
        assert_eq!(round("รายงาน รอบ ๖ เดือน ประจำปีงบประมาณ").map(|f| f.value), Some(1));
        assert_eq!(round("รายงานผล ประจำปี พ.ศ. ๒๕๖๗").map(|f| f.value), Some(2));
        assert_eq!(round("มาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕"), None);
        assert_eq!(round("มาตรการ"), None);
    }
}
