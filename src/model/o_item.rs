//! `o-item`: the page that answers one OIT item (ข้อ O1 … O43) of the year's framework.

use serde::{Deserialize, Serialize};

use super::fields::Fields;
use super::front::RawFront;
use crate::ita::item_id::ItemId;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OItem {
    pub item: ItemId,
    pub links: Vec<Link>,
    /// Files next to the page, linked with type and size.
    pub files: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub title: String,
    pub url: String,
}

pub fn parse(front: &RawFront, fields: &mut Fields) -> Option<OItem> {
    let raw = fields.require("item", &front.item, "item = \"O43\"")?;
    let ids = fields.item_ids("item", &front.item);
    if ids.len() > 1 {
        fields.report(
            &crate::rules::item_id::RULE,
            raw,
            "หน้า O-item หนึ่งหน้าตอบได้ข้อเดียว (one o-item page answers one item)".into(),
            None,
        );
    }
    let links = match &front.links {
        Some(raw) => fields.nested::<Vec<Link>>("links", raw).unwrap_or_default(),
        None => Vec::new(),
    };
    Some(OItem {
        item: *ids.first()?,
        links,
        files: fields.strings("files", &front.files),
    })
}
