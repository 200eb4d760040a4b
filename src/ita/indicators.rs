//! The ten ITA indicators (ตัวชี้วัด) and the three assessment tools they belong to.
//!
//! Names are those of ita-domain.md §2.1: the Thai names used by NACC and the seeds (identical
//! 2563–2567) and the English glosses of a NACC/PSU 2564 regional report. Seeds spell them
//! informally at times ("ใช้อำนาจ"); the site always prints these names.

/// One of the three assessment tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tool {
    /// Internal Integrity and Transparency Assessment, indicators 1–5.
    Iit,
    /// External Integrity and Transparency Assessment, indicators 6–8.
    Eit,
    /// Open Integrity and Transparency Assessment, indicators 9–10.
    Oit,
}

impl Tool {
    pub const ALL: [Tool; 3] = [Tool::Iit, Tool::Eit, Tool::Oit];

    /// "IIT", "EIT", "OIT".
    pub fn code(self) -> &'static str {
        match self {
            Tool::Iit => "IIT",
            Tool::Eit => "EIT",
            Tool::Oit => "OIT",
        }
    }

    pub fn name_th(self) -> &'static str {
        match self {
            Tool::Iit => "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
            Tool::Eit => "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
            Tool::Oit => "แบบตรวจการเปิดเผยข้อมูลสาธารณะ",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Tool::Iit => "Internal Integrity and Transparency Assessment",
            Tool::Eit => "External Integrity and Transparency Assessment",
            Tool::Oit => "Open Integrity and Transparency Assessment",
        }
    }

    /// The indicator numbers of this tool.
    pub fn indicators(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Tool::Iit => 1..=5,
            Tool::Eit => 6..=8,
            Tool::Oit => 9..=10,
        }
    }

    /// The tool's weight in the total (0.3, 0.3, 0.4).
    pub fn weight(self) -> f64 {
        match self {
            Tool::Iit | Tool::Eit => 0.3,
            Tool::Oit => 0.4,
        }
    }
}

/// Number, tool, Thai name, English gloss.
const INDICATORS: [(u8, Tool, &str, &str); 10] = [
    (1, Tool::Iit, "การปฏิบัติหน้าที่", "Bribery Fraud"),
    (2, Tool::Iit, "การใช้งบประมาณ", "Budget Misallocation"),
    (3, Tool::Iit, "การใช้อำนาจ", "Power Distortion"),
    (4, Tool::Iit, "การใช้ทรัพย์สินของราชการ", "Asset Misappropriation"),
    (5, Tool::Iit, "การแก้ไขปัญหาการทุจริต", "Anti-Corruption Improvement"),
    (6, Tool::Eit, "คุณภาพการดำเนินงาน", "Service Quality"),
    (7, Tool::Eit, "ประสิทธิภาพการสื่อสาร", "Communication Efficiency"),
    (8, Tool::Eit, "การปรับปรุงการทำงาน", "Procedure Improvement"),
    (9, Tool::Oit, "การเปิดเผยข้อมูล", "Open Data"),
    (10, Tool::Oit, "การป้องกันการทุจริต", "Anti-Corruption Practice"),
];

/// The indicator numbers, 1–10.
pub const NUMBERS: std::ops::RangeInclusive<u8> = 1..=10;

fn entry(number: u8) -> Option<&'static (u8, Tool, &'static str, &'static str)> {
    INDICATORS.iter().find(|entry| entry.0 == number)
}

/// The Thai name of indicator 1–10.
pub fn name_th(number: u8) -> Option<&'static str> {
    entry(number).map(|e| e.2)
}

/// The English gloss of indicator 1–10.
pub fn name_en(number: u8) -> Option<&'static str> {
    entry(number).map(|e| e.3)
}

/// The tool indicator 1–10 belongs to.
pub fn tool_of(number: u8) -> Option<Tool> {
    entry(number).map(|e| e.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for n in NUMBERS {
            let tool = tool_of(n);
            assert!(tool.is_some_and(|t| t.indicators().contains(&n)), "{n}");
            assert!(name_th(n).is_some() && name_en(n).is_some());
        }
        assert_eq!(name_th(9), Some("การเปิดเผยข้อมูล"));
        assert_eq!(name_en(3), Some("Power Distortion"));
        assert_eq!(tool_of(0), None);
        assert_eq!(tool_of(11), None);
        let weights: f64 = Tool::ALL.iter().map(|t| t.weight()).sum();
        assert!((weights - 1.0).abs() < 1e-12);
    }
}
