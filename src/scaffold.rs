//! The files `prongsai init` writes: a portal that builds at once, with a fiscal-year
//! section, one measure, one O-item page and a GitHub Pages workflow.

mod pages_workflow;

pub use pages_workflow::{pages_workflow, Release};

/// (relative path, contents) of a new portal. `{name}` and `{year}` are filled in; the Pages
/// workflow installs `release`.
pub fn files(name: &str, year: i32, release: &Release) -> Vec<(String, String)> {
    let start_ce = year - 543 - 1;
    let end_ce = year - 543;
    let fill = |text: &str| {
        text.replace("{name}", &toml_escape(name))
            .replace("{year}", &year.to_string())
            .replace("{start}", &format!("{start_ce}-10-01"))
            .replace("{end}", &format!("{end_ce}-09-30"))
    };
    [
        ("prongsai.toml", PRONGSAI_TOML),
        ("content/_index.md", HOME),
        ("content/{year}/_index.md", YEAR),
        ("content/{year}/measures/01-open-data.md", MEASURE),
        ("content/{year}/oit/o1.md", O_ITEM),
        ("static/.gitkeep", ""),
        (".gitignore", GITIGNORE),
    ]
    .iter()
    .map(|(path, text)| (fill(path), fill(text)))
    .chain([(".github/workflows/pages.yml".to_string(), pages_workflow(release))])
    .collect()
}

fn toml_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

const PRONGSAI_TOML: &str = r#"# การตั้งค่าพอร์ทัล (portal settings) — see the book: Configuration
title = "ศูนย์ข้อมูลความโปร่งใส {name}"
base_url = "https://example.github.io/portal/"   # ที่อยู่เว็บที่จะเผยแพร่ (where the site is published)
language = "th"
thai_digits = false

[organization]
name = "{name}"
"#;

const HOME: &str = r#"+++
title = "หน้าแรก"
+++
ยินดีต้อนรับสู่ศูนย์ข้อมูลความโปร่งใส ข้อมูลการประเมินคุณธรรมและความโปร่งใส (ITA) ของหน่วยงานอยู่ในหมวดปีงบประมาณด้านล่าง
"#;

const YEAR: &str = r#"+++
title = "ปีงบประมาณ พ.ศ. {year}"
fiscal_year = {year}
+++
ข้อมูลการประเมินคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. {year}
"#;

const MEASURE: &str = r#"+++
kind = "measure"
number = 1
title = "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ"
indicators = [9]
items = ["O1"]
owners = ["สำนักปลัด"]
steps = ["รวบรวมข้อมูลที่ต้องเผยแพร่", "เผยแพร่บนเว็บไซต์ของหน่วยงาน"]
period = "ตลอดปีงบประมาณ"
start = {start}
end = {end}
reporting = "รายไตรมาส"

[[progress]]
round = 1
status = "in-progress"
result = "อยู่ระหว่างรวบรวมข้อมูล"
+++
รายละเอียดของมาตรการ หลักฐาน และภาพประกอบ
"#;

const O_ITEM: &str = r#"+++
kind = "o-item"
item = "O1"
+++
โครงสร้างหน่วยงาน: แผนผังแสดงการแบ่งส่วนราชการ
"#;

// a prongsai binary copied into the portal to start it with a double-click stays out of git
const GITIGNORE: &str = "public/\n.public.prongsai-*\n/prongsai\n/prongsai.exe\n";
