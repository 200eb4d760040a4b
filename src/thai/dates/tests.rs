//! Table tests: every spelling in ita-domain.md §4 "Date spellings found in the seeds".

use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap_or(Date {
        year: 0,
        month: 1,
        day: 1,
    })
}

fn day(y: i32, m: u8, dd: u8) -> When {
    When::Day(d(y, m, dd))
}

fn range(a: Date, b: Date) -> When {
    When::Range { start: a, end: b }
}

fn months(sy: i32, sm: u8, ey: i32, em: u8) -> When {
    When::MonthRange {
        start_year: sy,
        start_month: sm,
        end_year: ey,
        end_month: em,
    }
}

fn rec(text: &str) -> When {
    When::Recurrence(text.to_string())
}

/// The seed table, copied exactly; every row parses to its value with no warning.
#[test]
fn seed_spellings_parse() {
    let cases: Vec<(&str, When)> = vec![
        // d full-month yyyy
        ("๒๖ เมษายน ๒๕๖๔", day(2021, 4, 26)),
        ("๙ เมษายน ๒๕๖๔", day(2021, 4, 9)),
        // d full-month พ.ศ. yyyy
        ("๑ ตุลาคม พ.ศ. ๒๕๖๗", day(2024, 10, 1)),
        // weekday + date (both weekdays are right)
        ("วันจันทร์ที่ ๘ มีนาคม ๒๕๖๔", day(2021, 3, 8)),
        ("วันศุกร์ที่ ๒ เมษายน ๒๕๖๔", day(2021, 4, 2)),
        // d abbr yyyy, with/without space
        ("๒ ต.ค. ๒๕๖๓", day(2020, 10, 2)),
        ("๓๐ พ.ย.๒๕๖๓", day(2020, 11, 30)),
        ("๑๐ ต.ค.๒๕๖๒", day(2019, 10, 10)),
        // d abbr yy (2-digit BE)
        ("๑ ก.พ.- ๒๒ ก.พ. ๖๗", range(d(2024, 2, 1), d(2024, 2, 22))),
        // abbr missing final dot
        ("๓๑ มี.ค ๖๗", day(2024, 3, 31)),
        ("๓๑ มี.ค ๒๕๖๗", day(2024, 3, 31)),
        // abbr-yy range
        ("ต.ค.๖๓- เม.ย.๖๔", months(2020, 10, 2021, 4)),
        ("ต.ค. ๖๓- เม.ย. ๖๔", months(2020, 10, 2021, 4)),
        // day range in one month
        ("๑-๓๑ ต.ค. ๒๕๖๖", range(d(2023, 10, 1), d(2023, 10, 31))),
        ("๑๕-๓๑ ธ.ค. ๒๕๖๖", range(d(2023, 12, 15), d(2023, 12, 31))),
        // cross-year range
        ("๑ ต.ค. ๒๕๖๖-๓๑ มี.ค. ๒๕๖๗", range(d(2023, 10, 1), d(2024, 3, 31))),
        // month-name ranges
        ("(เดือนตุลาคม ๖๓ - เดือนมีนาคม ๖๔)", months(2020, 10, 2021, 3)),
        ("เดือนตุลาคม-พฤศจิกายน ๒๕๖๓", months(2020, 10, 2020, 11)),
        // labelled start/end (the second row's "…" filled in with seed-like dates)
        (
            "วันเริ่มต้น ๑ เม.ย. ๒๕๖๗ วันสิ้นสุด ๓๐ ก.ย. ๒๕๖๗",
            range(d(2024, 4, 1), d(2024, 9, 30)),
        ),
        (
            "วันที่ดำเนินการ ๑ ต.ค. ๒๕๖๖ วันที่สิ้นสุด ๓๑ มี.ค. ๒๕๖๗",
            range(d(2023, 10, 1), d(2024, 3, 31)),
        ),
        // month + year only
        ("กันยายน ๒๕๖๕", When::Month { year: 2022, month: 9 }),
        ("ตลอดเดือนเมษายน ๒๕๖๔", When::Month { year: 2021, month: 4 }),
        // deadline phrase: read as the deadline day
        ("ให้แล้วเสร็จ ก่อนวันที่ ๓๐ เมษายน ๒๕๖๔", day(2021, 4, 30)),
        // quarter
        (
            "ไตรมาสที่ ๒",
            When::Quarter {
                quarter: 2,
                fiscal_year_be: None,
            },
        ),
        (
            "เริ่มไตรมาสที่ ๓",
            When::Quarter {
                quarter: 3,
                fiscal_year_be: None,
            },
        ),
        (
            "ภายในไตรมาสที่ ๓",
            When::Quarter {
                quarter: 3,
                fiscal_year_be: None,
            },
        ),
        // whole year
        ("ต่อเนื่องให้เป็นปัจจุบันตลอดทั้งปี งบประมาณ พ.ศ.๒๕๖๔", When::FiscalYear(2564)),
        // recurrence, kept as written
        ("รายไตรมาส", rec("รายไตรมาส")),
        ("รายเดือน", rec("รายเดือน")),
        ("ทุกสิ้นเดือน", rec("ทุกสิ้นเดือน")),
        ("เดือนละ ๑ ครั้ง ทุกวันที่ ๑๕ ทุกเดือน", rec("เดือนละ ๑ ครั้ง ทุกวันที่ ๑๕ ทุกเดือน")),
        (
            "ทุกครั้งที่มีการจัดซื้อ จัดจ้าง … ภายใน ๕ วัน",
            rec("ทุกครั้งที่มีการจัดซื้อ จัดจ้าง … ภายใน ๕ วัน"),
        ),
        // handwritten endorsement
        ("๒๖ เม ๖๔", day(2021, 4, 26)),
        ("๒๖/๔/๖๔", day(2021, 4, 26)),
        // reference "dated"
        ("ลว. ๓๐ พ.ย.๒๕๖๓", day(2020, 11, 30)),
    ];
    for (text, want) in cases {
        let got = parse_thai_date(text);
        assert_eq!(
            got,
            Ok(Parsed {
                when: want,
                warnings: vec![]
            }),
            "{text}"
        );
    }
}

/// The last row of the seed table: each is an error or carries a warning.
#[test]
fn seed_errors_are_flagged() {
    // Mixed digits and a month that lost its ต.
    match parse_thai_date("1๓.ค. ๒๕๖๖") {
        Err(DateError::UnknownMonth { found, candidates }) => {
            assert_eq!(found, ".ค.");
            assert!(candidates.contains(&"ต.ค."));
        }
        other => panic!("1๓.ค. ๒๕๖๖ gave {other:?}"),
    }
    // End year copied from the start: the end year is probably 2567.
    let parsed = parse_thai_date("๑ ต.ค. ๒๕๖๖-๓๐ ก.ย. ๒๕๖๖");
    let start = d(2023, 10, 1);
    let end = d(2023, 9, 30);
    let warning = DateWarning::EndBeforeStart {
        start,
        end,
        whole_months: false,
        likely_end_year_be: Some(2567),
    };
    assert_eq!(
        parsed,
        Ok(Parsed {
            when: range(start, end),
            warnings: vec![warning.clone()]
        })
    );
    assert!(warning.message_en().contains("probably 2567"), "{warning}");
    assert!(warning.message_th().contains("2567"));
    // Start after end.
    let parsed = parse_thai_date("๑ ต.ค. ๒๕๖๗ - ๓๐ ก.ย. ๒๕๖๗");
    let warnings = parsed.map(|p| p.warnings).unwrap_or_default();
    assert!(
        matches!(warnings[..], [DateWarning::EndBeforeStart { .. }]),
        "{warnings:?}"
    );
    // The table's placeholder row has no date in it.
    assert!(matches!(
        parse_thai_date("วันที่ดำเนินการ … วันที่สิ้นสุด …"),
        Err(DateError::IncompleteRange { .. } | DateError::NoDate { .. })
    ));
}

#[test]
fn other_spellings() {
    let cases: Vec<(&str, When)> = vec![
        ("2567-02-29", day(2024, 2, 29)),
        ("2021-04-26", day(2021, 4, 26)),
        ("๒๕๖๔-๐๔-๒๖", day(2021, 4, 26)),
        ("26/4/2564", day(2021, 4, 26)),
        ("26 April 2021", day(2021, 4, 26)),
        ("26 Apr. 2021", day(2021, 4, 26)),
        ("April 26, 2021", day(2021, 4, 26)),
        ("1 Oct 2023 - 31 Mar 2024", range(d(2023, 10, 1), d(2024, 3, 31))),
        ("ตั้งแต่เดือน ตุลาคม ๒๕๖๓ถึง เดือน มีนาคม ๒๕๖๔", months(2020, 10, 2021, 3)),
        ("รอบ ๖ เดือน (เดือนตุลาคม ๖๓ – เดือนมีนาคม ๖๔)", months(2020, 10, 2021, 3)),
        ("ต.ค.- มี.ค. ๖๔", months(2020, 10, 2021, 3)),
        ("๑ ต.ค. ๖๓ - มี.ค. ๖๔", range(d(2020, 10, 1), d(2021, 3, 31))),
        ("๒๖ มิย ๖๔", day(2021, 6, 26)),
        ("วันที่ ๒๖ เมษายน พ.ศ.๒๕๖๔", day(2021, 4, 26)),
        ("ปีงบประมาณ พ.ศ. ๒๕๖๕", When::FiscalYear(2565)),
        (
            "ไตรมาสที่ ๒ ปีงบประมาณ ๒๕๖๔",
            When::Quarter {
                quarter: 2,
                fiscal_year_be: Some(2564),
            },
        ),
        ("monthly", rec("monthly")),
        ("๒๖ เมษายน ๒๕๖๔ วันจันทร์", day(2021, 4, 26)),
        ("๑ ต.ค. ๒๕๖๖ - ๓๑", range(d(2023, 10, 1), d(2023, 10, 31))),
        ("ส.ค. ๖๗", When::Month { year: 2024, month: 8 }),
    ];
    for (text, want) in cases {
        assert_eq!(parse_thai_date(text).map(|p| p.when), Ok(want), "{text}");
    }
}

#[test]
fn impossible_and_malformed_dates_are_errors() {
    let leap = parse_date_value("๒๙ ก.พ. ๒๕๖๖");
    assert_eq!(
        leap,
        Err(DateError::ImpossibleDay {
            day: 29,
            month: 2,
            ce_year: 2023
        })
    );
    let message = leap.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.starts_with("29 Feb 2566 does not exist: 2566 (2023) is not a leap year"),
        "{message}"
    );
    assert!(matches!(
        parse_date_value("2566-02-29"),
        Err(DateError::ImpossibleDay { .. })
    ));
    assert!(matches!(
        parse_date_value("31 เมษายน 2564"),
        Err(DateError::ImpossibleDay { .. })
    ));
    assert!(matches!(
        parse_date_value("๓๒ ม.ค. ๒๕๖๔"),
        Err(DateError::BadDay { .. })
    ));
    assert!(matches!(
        parse_date_value("๒๖/๑๓/๖๔"),
        Err(DateError::BadMonthNumber { .. })
    ));
    assert!(matches!(
        parse_date_value("๒๖ เมษายน ๒๕๖"),
        Err(DateError::BadYear { .. })
    ));
    assert!(matches!(
        parse_date_value("๒๖ เมษายน"),
        Err(DateError::MissingYear { .. })
    ));
    assert!(matches!(
        parse_date_value("๒๕๖๔"),
        Err(DateError::YearOnly { be_year: 2564 })
    ));
    assert!(matches!(
        parse_date_value("ไตรมาสที่ ๕"),
        Err(DateError::BadQuarter { .. })
    ));
    assert!(matches!(
        parse_date_value("๑ ต.ค. ๒๕๖๖ -"),
        Err(DateError::IncompleteRange { .. })
    ));
    assert!(matches!(parse_date_value("สวัสดี"), Err(DateError::NoDate { .. })));
    assert!(matches!(parse_date_value("   "), Err(DateError::Empty)));
    assert!(matches!(
        parse_date_value("กันยายน ๒๕๖๕"),
        Err(DateError::NotASingleDay {
            found: When::Month { .. }
        })
    ));
}

#[test]
fn warnings_for_suspicious_but_readable_dates() {
    let parsed = parse_thai_date("1๓ ต.ค. ๒๕๖๖");
    assert_eq!(
        parsed,
        Ok(Parsed {
            when: day(2023, 10, 13),
            warnings: vec![DateWarning::MixedDigits { found: "1๓".into() }]
        })
    );
    let parsed = parse_thai_date("วันอังคารที่ ๘ มีนาคม ๒๕๖๔");
    let warnings = parsed.map(|p| p.warnings).unwrap_or_default();
    assert!(matches!(&warnings[..], [DateWarning::WeekdayMismatch { actual, .. }] if actual == "จันทร์"));
}

#[test]
fn spans() {
    let q1 = When::Quarter {
        quarter: 1,
        fiscal_year_be: Some(2564),
    };
    assert_eq!(q1.span(), Some((d(2020, 10, 1), d(2020, 12, 31))));
    let q2 = When::Quarter {
        quarter: 2,
        fiscal_year_be: Some(2564),
    };
    assert_eq!(q2.span(), Some((d(2021, 1, 1), d(2021, 3, 31))));
    assert_eq!(When::FiscalYear(2565).span(), Some((d(2021, 10, 1), d(2022, 9, 30))));
    assert_eq!(
        When::Month { year: 2024, month: 2 }.span(),
        Some((d(2024, 2, 1), d(2024, 2, 29)))
    );
    assert_eq!(rec("รายเดือน").span(), None);
}

#[test]
fn messages_exist_in_both_languages() {
    let errors = [
        DateError::Empty,
        DateError::TooLong { chars: 999 },
        DateError::UnknownMonth {
            found: ".ค.".into(),
            candidates: vec!["ต.ค."],
        },
        DateError::ImpossibleDay {
            day: 31,
            month: 4,
            ce_year: 2021,
        },
        DateError::NotASingleDay {
            found: When::FiscalYear(2564),
        },
    ];
    for e in errors {
        assert!(!e.message_th().is_empty() && !e.message_en().is_empty());
        assert_eq!(e.to_string(), e.message_en());
    }
    let april = DateError::ImpossibleDay {
        day: 31,
        month: 4,
        ce_year: 2021,
    };
    assert_eq!(april.to_string(), "31 Apr 2564 does not exist: April 2564 has 30 days");
}

/// No input may panic: odd strings, long strings, random Thai.
#[test]
fn never_panics() {
    let mut inputs: Vec<String> = [
        "",
        " ",
        "-",
        "--",
        "/",
        "//",
        "๑",
        "๑๒๓๔๕๖๗๘๙๐๑๒๓๔๕๖๗๘๙",
        "99999999999999999999 ม.ค. 99999999999",
        "๐ ม.ค. ๐๐๐๐",
        "0000-00-00",
        "9999-99-99",
        "๒๖/๔/",
        "/๔/๖๔",
        "ไตรมาส",
        "ไตรมาสที่",
        "ไตรมาสที่ ๙๙๙๙๙๙๙๙๙๙๙",
        "พ.ศ.",
        "ค.ศ. ๖๔",
        ".",
        "..ค..",
        "เม",
        "เมเมเม",
        "ก.พ.ก.พ.ก.พ.",
        "๒๙ ก.พ. ๒๕๖๗ - ๒๙ ก.พ. ๒๕๖๖",
        "ม.ค. - ",
        " - ธ.ค.",
        "\u{0E4D}\u{0E32}",
        "\u{0E80}\u{0EFF}",
        "๑ - ๒ - ๓ - ๔",
        "1 to",
        "a-b-c",
        "🙂 ๒๖ 🙂",
        "January",
        "๓๑ ธ.ค. ๙๙ - ๑ ม.ค. ๐๐",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    inputs.push("๒".repeat(10_000));
    inputs.push("ม.ค.".repeat(100));
    inputs.push("๑ ต.ค. ๒๕๖๖-".repeat(20));
    // Pseudo-random strings over the Thai block, digits, dots and dashes.
    let alphabet: Vec<char> = ('\u{0E01}'..='\u{0E5B}').chain("0123456789 .-/()".chars()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let len = (seed % 24) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        inputs.push(s);
    }
    for input in &inputs {
        if let Ok(parsed) = parse_thai_date(input) {
            let _ = parsed.when.span();
            for w in parsed.warnings {
                let _ = (w.message_th(), w.message_en());
            }
        } else if let Err(e) = parse_thai_date(input) {
            let _ = (e.message_th(), e.message_en());
        }
        let _ = parse_date_value(input);
        let _ = crate::thai::digits::parse_number(input);
        let _ = crate::thai::digits::parse_integer(input);
        let _ = crate::thai::lao::lao_inside_thai_words(input);
    }
}
