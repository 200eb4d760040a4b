//! The user interface strings of the default theme and of generated pages, in Thai (the
//! default) and English (`language = "en"`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// (key, Thai, English)
const STRINGS: &[(&str, &str, &str)] = &[
    ("skip_to_content", "ข้ามไปยังเนื้อหา", "Skip to content"),
    ("home", "หน้าแรก", "Home"),
    ("breadcrumbs", "เส้นทางนำทาง", "Breadcrumbs"),
    ("main_nav", "เมนูหลัก", "Main navigation"),
    ("contents", "สารบัญ", "Contents"),
    ("published", "เผยแพร่", "Published"),
    ("updated", "ปรับปรุง", "Updated"),
    ("previous", "ก่อนหน้า", "Previous"),
    ("next", "ถัดไป", "Next"),
    ("in_this_section", "ในหมวดนี้", "In this section"),
    ("sections", "หมวด", "Sections"),
    ("fiscal_year", "ปีงบประมาณ", "Fiscal year"),
    ("not_found_title", "ไม่พบหน้าที่ต้องการ", "Page not found"),
    (
        "not_found_text",
        "หน้านี้อาจถูกย้ายหรือลบไปแล้ว ลองกลับไปที่หน้าแรกหรือใช้การค้นหา",
        "This page may have moved or been removed. Try the home page or search.",
    ),
    ("search", "ค้นหา", "Search"),
    ("search_label", "คำที่ต้องการค้นหา", "Search for"),
    (
        "search_needs_js",
        "การค้นหาต้องเปิดใช้ JavaScript",
        "Search needs JavaScript",
    ),
    ("feed", "ฟีดข่าวสาร", "Feed"),
    ("contact", "ติดต่อ", "Contact"),
    ("phone", "โทรศัพท์", "Phone"),
    ("email", "อีเมล", "Email"),
    ("redirecting", "กำลังพาไปยังหน้าใหม่", "Redirecting to the new page"),
    ("made_with", "สร้างด้วย prongsai", "Made with prongsai"),
    ("year_switcher", "เลือกปีงบประมาณ", "Choose a fiscal year"),
    ("page_nav", "หน้าก่อนหน้าและถัดไป", "Previous and next page"),
    ("memo_title", "บันทึกข้อความ", "Memorandum"),
    ("memo_agency", "ส่วนราชการ", "Agency"),
    ("memo_ref", "ที่", "Ref."),
    ("memo_date", "วันที่", "Date"),
    ("memo_subject", "เรื่อง", "Subject"),
    ("memo_to", "เรียน", "To"),
    ("signatures", "ลงนาม", "Signatures"),
    ("score_history", "คะแนน ITA รายปี", "ITA score by year"),
    ("year_documents", "เอกสารของปีงบประมาณนี้", "This year's documents"),
    ("at_a_glance", "ภาพรวม", "At a glance"),
    ("assessed_year", "ปีที่ประเมิน", "Assessed year"),
];

/// The strings for `language` (`th` or `en`), made once per process: every page's
/// template context holds them.
pub fn strings(language: &str) -> &'static BTreeMap<&'static str, &'static str> {
    static THAI: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
    static ENGLISH: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
    let english = language == "en";
    let table = if english { &ENGLISH } else { &THAI };
    table.get_or_init(|| {
        STRINGS
            .iter()
            .map(|(k, th, en)| (*k, if english { *en } else { *th }))
            .collect()
    })
}

pub fn get(language: &str, key: &str) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, th, en)| if language == "en" { en } else { th })
}
