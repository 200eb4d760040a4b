//! The progress status of a measure (SPEC §4 `status`) and the Thai phrases reports use for it
//! (ita-domain.md §6).
//!
//! Reports pasted from Word break phrases across lines ("ดำเนินการ เรียบร้อยแล้ว", "อยู่ระหว่าง
//! ดำเนินการ"), so whitespace is ignored when matching Thai; the decomposed sara am (nikhahit +
//! sara aa, as some PDF extractors produce it) is folded into the composed one. Only whole
//! phrases are recognised: a result text that merely ends in "…เรียบร้อยแล้ว" is not a status.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Done,
    InProgress,
    NotStarted,
    Cancelled,
}

/// Accepted spellings after normalisation (see [`normalise`]): English forms with `-` for any
/// space or underscore, Thai phrases without spaces.
const SPELLINGS: [(Status, &[&str]); 4] = [
    (
        Status::Done,
        &[
            "done",
            "completed",
            "complete",
            "ดำเนินการเรียบร้อยแล้ว",
            "ดำเนินการเรียบร้อย",
            "ดำเนินการเสร็จ",
            "ดำเนินการเสร็จแล้ว",
            "ดำเนินการเสร็จสิ้น",
            "ดำเนินการเสร็จสิ้นแล้ว",
            "ดำเนินการแล้ว",
            "ดำเนินการแล้วเสร็จ",
            "เรียบร้อยแล้ว",
            "เสร็จสิ้น",
            "แล้วเสร็จ",
        ],
    ),
    (
        Status::InProgress,
        &[
            "in-progress",
            "inprogress",
            "ongoing",
            "อยู่ระหว่างดำเนินการ",
            "อยู่ในระหว่างดำเนินการ",
            "กำลังดำเนินการ",
            "ระหว่างดำเนินการ",
        ],
    ),
    (
        Status::NotStarted,
        &[
            "not-started",
            "notstarted",
            "ยังไม่ได้ดำเนินการ",
            "ยังไม่ดำเนินการ",
            "ยังไม่เริ่มดำเนินการ",
            "ยังไม่ได้เริ่มดำเนินการ",
        ],
    ),
    (
        Status::Cancelled,
        &["cancelled", "canceled", "ยกเลิก", "ยกเลิกแล้ว", "ยกเลิกการดำเนินการ"],
    ),
];

impl Status {
    pub const ALL: [Status; 4] = [Status::Done, Status::InProgress, Status::NotStarted, Status::Cancelled];

    /// Parses an English form (any case; space or underscore for the hyphen) or a Thai phrase.
    pub fn parse(text: &str) -> Result<Status, StatusError> {
        let key = normalise(text);
        SPELLINGS
            .iter()
            .find(|(_, spellings)| spellings.contains(&key.as_str()))
            .map(|(status, _)| *status)
            .ok_or_else(|| StatusError {
                input: text.to_string(),
            })
    }

    /// The English form used in data files: "done", "in-progress", "not-started", "cancelled".
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in-progress",
            Status::NotStarted => "not-started",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn label_th(self) -> &'static str {
        match self {
            Status::Done => "ดำเนินการเรียบร้อยแล้ว",
            Status::InProgress => "อยู่ระหว่างดำเนินการ",
            Status::NotStarted => "ยังไม่ได้ดำเนินการ",
            Status::Cancelled => "ยกเลิก",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Done => "Done",
            Status::InProgress => "In progress",
            Status::NotStarted => "Not started",
            Status::Cancelled => "Cancelled",
        }
    }

    /// How far along the work is, for [`least_finished`]; cancelled has no rank.
    fn progress_rank(self) -> Option<u8> {
        match self {
            Status::NotStarted => Some(0),
            Status::InProgress => Some(1),
            Status::Done => Some(2),
            Status::Cancelled => None,
        }
    }
}

/// The status of a measure whose sub-steps have these statuses (seed 000 gives one status per
/// step): the least advanced of not-started < in-progress < done. Cancelled steps are left out
/// unless every step is cancelled. `None` for no statuses.
pub fn least_finished(statuses: &[Status]) -> Option<Status> {
    statuses
        .iter()
        .copied()
        .filter_map(|s| s.progress_rank().map(|rank| (rank, s)))
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, s)| s)
        .or_else(|| statuses.first().copied())
}

/// Lower-case, hyphens for spaces and underscores in ASCII words, no whitespace in Thai, and the
/// composed sara am.
fn normalise(text: &str) -> String {
    let text = text.trim().replace("\u{0E4D}\u{0E32}", "\u{0E33}");
    if text.is_ascii() {
        text.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase()
    } else {
        text.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
            .flat_map(char::to_lowercase)
            .collect()
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = StatusError;

    fn from_str(s: &str) -> Result<Status, StatusError> {
        Status::parse(s)
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Status, D::Error> {
        let text = String::deserialize(deserializer)?;
        Status::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A status that is none of the accepted spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusError {
    pub input: String,
}

impl StatusError {
    pub fn message_th(&self) -> String {
        format!(
            "ไม่รู้จักสถานะ “{}”: ใช้ done (ดำเนินการเรียบร้อยแล้ว), in-progress (อยู่ระหว่างดำเนินการ), \
             not-started (ยังไม่ได้ดำเนินการ) หรือ cancelled (ยกเลิก)",
            self.input
        )
    }

    pub fn message_en(&self) -> String {
        format!(
            "unknown status “{}”: use done (ดำเนินการเรียบร้อยแล้ว), in-progress (อยู่ระหว่างดำเนินการ), \
             not-started (ยังไม่ได้ดำเนินการ) or cancelled (ยกเลิก)",
            self.input
        )
    }
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for StatusError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_forms() {
        for (text, status) in [
            ("done", Status::Done),
            ("DONE", Status::Done),
            ("in-progress", Status::InProgress),
            ("In Progress", Status::InProgress),
            ("in_progress", Status::InProgress),
            ("not-started", Status::NotStarted),
            ("not started", Status::NotStarted),
            (" Not_Started ", Status::NotStarted),
            ("cancelled", Status::Cancelled),
            ("canceled", Status::Cancelled),
        ] {
            assert_eq!(Status::parse(text), Ok(status), "{text}");
        }
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Ok(status));
            assert_eq!(Status::parse(status.label_th()), Ok(status));
            assert_eq!(Status::parse(status.label_en()), Ok(status));
        }
    }

    #[test]
    fn thai_phrases_from_the_seeds() {
        for (text, status) in [
            ("ดำเนินการเรียบร้อยแล้ว", Status::Done),
            ("ดำเนินการ เรียบร้อยแล้ว", Status::Done),
            ("ดำเนินการ\nเรียบร้อยแล้ว", Status::Done),
            ("ดำเนินการเสร็จ", Status::Done),
            ("ดำเนินการ เสร็จ", Status::Done),
            ("ดำเนินการแล้ว", Status::Done),
            ("อยู่ระหว่างดำเนินการ", Status::InProgress),
            ("อยู่ระหว่าง ดำเนินการ", Status::InProgress),
            ("ยังไม่ได้ดำเนินการ", Status::NotStarted),
            ("ยังไม่ดำเนินการ", Status::NotStarted),
            ("ยกเลิก", Status::Cancelled),
            // Decomposed sara am (U+0E4D U+0E32).
            ("ด\u{0E4D}\u{0E32}เนินการเรียบร้อยแล้ว", Status::Done),
        ] {
            assert_eq!(Status::parse(text), Ok(status), "{text}");
        }
    }

    #[test]
    fn unknown_status_lists_accepted_values() {
        for text in ["", "finished?", "มอบหมายให้ทุกสำนัก/กอง ดำเนินการเรียบร้อยแล้ว", "in--"]
        {
            let error = Status::parse(text).err();
            assert!(
                error.is_some_and(|e| e.message_en().contains("in-progress") && e.message_th().contains("ยกเลิก")),
                "{text:?}"
            );
        }
    }

    #[test]
    fn least_finished_ignores_cancelled_steps() {
        use Status::*;
        assert_eq!(least_finished(&[]), None);
        assert_eq!(least_finished(&[Done, Done]), Some(Done));
        assert_eq!(least_finished(&[Done, InProgress, Done]), Some(InProgress));
        assert_eq!(least_finished(&[InProgress, NotStarted]), Some(NotStarted));
        assert_eq!(least_finished(&[Done, Cancelled]), Some(Done));
        assert_eq!(least_finished(&[Cancelled, Cancelled]), Some(Cancelled));
    }

    #[test]
    fn serde_round_trip() {
        #[derive(Deserialize, Serialize)]
        struct Progress {
            status: Status,
        }
        let parsed: Result<Progress, _> = toml::from_str("status = \"อยู่ระหว่าง ดำเนินการ\"");
        assert_eq!(parsed.map(|p| p.status), Ok(Status::InProgress));
        let bad: Result<Progress, _> = toml::from_str("status = \"maybe\"");
        assert!(bad.err().is_some_and(|e| e.message().contains("not-started")));
        let out = toml::to_string(&Progress {
            status: Status::NotStarted,
        });
        assert_eq!(out.ok().as_deref(), Some("status = \"not-started\"\n"));
    }
}
