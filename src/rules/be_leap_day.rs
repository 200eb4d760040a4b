//! `be-leap-day` — วันที่ 29 ก.พ. ของปี พ.ศ. เขียนเป็นวันที่ TOML (29 February with a BE year written as a TOML date)
//!
//! TOML ตรวจปีอธิกสุรทินจากตัวเลขปีตามที่เขียน ปี พ.ศ. 2567 (ค.ศ. 2024) เป็นปีอธิกสุรทิน
//! แต่ตัวเลข 2567 หารด้วย 4 ไม่ลงตัว TOML จึงปฏิเสธ `2567-02-29` ให้ใส่เครื่องหมายคำพูด
//! แล้ว prongsai จะแปลงปี พ.ศ. ให้เอง
//!
//! TOML checks leap years on the year as written: 2567 BE (2024 CE) is a leap year but the number
//! 2567 is not divisible by 4, so TOML rejects `2567-02-29`. Quote it and prongsai converts the BE
//! year before checking the day.
//!
//! ผิด (wrong):
//!
//! ```toml
//! date = 2567-02-29
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! date = "2567-02-29"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "be-leap-day",
    level: Level::Error,
    summary: "วันที่ 29 ก.พ. ของปี พ.ศ. เขียนเป็นวันที่ TOML (29 February with a BE year written as a TOML date)",
};
