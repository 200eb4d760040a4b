//! `catalog-provisional` — ใช้รายการข้อของปีล่าสุดแทนปีที่ยังไม่ประกาศ (The newest catalog stands in for an unpublished year)
//!
//! ปีงบประมาณ (หรือ `framework`) ที่ใหม่กว่ารายการล่าสุดที่มีไม่เกินสองปี เช่น 2570 ก่อนสำนักงาน ป.ป.ช. ประกาศ
//! ใช้รายการของปีล่าสุดไปพลางก่อน ทุกหน้าที่ขึ้นกับรายการนี้แสดงคำเตือนแก่ผู้อ่าน
//! (ปีที่ไกลกว่านั้นน่าจะพิมพ์ผิด จึงได้ `catalog-missing` แทน)
//! เมื่อประกาศแล้วให้นำเข้าด้วย `prongsai catalog import <ตาราง> --year 2570`
//! แล้วคำเตือนนี้จะหายไป
//!
//! A year up to two years newer than the newest catalog (2570 before NACC publishes its list)
//! uses the newest catalog provisionally; every page that depends on it tells the reader (a year
//! further ahead is more likely a typo and gets `catalog-missing`). Import the list with
//! `prongsai catalog import <table> --year 2570` when it is published and the warning goes.
//!
//! ```toml
//! fiscal_year = 2570   # no 2570 list yet: the 2569 list stands in
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "catalog-provisional",
    level: Level::Warning,
    summary: "ใช้รายการข้อของปีล่าสุดแทนปีที่ยังไม่ประกาศ (The newest catalog stands in for an unpublished year)",
};
