//! `prongsai.toml` → `Config`. Unknown keys are errors with a "did you mean" hint, never
//! silently ignored (SPEC §2).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::source::decode;
use crate::toml_diag::toml_error;

pub const CONFIG_FILE: &str = "prongsai.toml";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    /// Where the site is published; may be a sub-path (`https://x.github.io/portal/`).
    #[serde(default)]
    pub base_url: String,
    #[serde(default)]
    pub description: Option<String>,
    /// UI language: `th` (default) or `en`.
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_output_dir")]
    pub output_dir: PathBuf,
    /// Show numbers and dates with Thai digits.
    #[serde(default)]
    pub thai_digits: bool,
    /// Publish raw HTML in Markdown as written instead of sanitizing it. Only for portals whose
    /// every author is trusted.
    #[serde(default)]
    pub trust_html: bool,
    /// Folders outside the portal's source folders that symbolic links may lead into
    /// (`source::symlinks`); relative ones are relative to the portal root. Empty by default:
    /// a link out of the portal is an error.
    #[serde(default)]
    pub allow_symlinks_to: Vec<PathBuf>,
    #[serde(default)]
    pub organization: Organization,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub province: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// The agency's code in NACC's ITAS (`u4gpi2`): the home and year pages link its IIT
    /// and EIT questionnaires.
    pub itas_code: Option<String>,
}

fn default_language() -> String {
    "th".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_output_dir() -> PathBuf {
    PathBuf::from("public")
}

impl Config {
    /// Reads and validates `prongsai.toml` in `root`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let shown = PathBuf::from(CONFIG_FILE);
        let bytes = std::fs::read(&path).map_err(|e| {
            vec![Diagnostic::new(
                &crate::rules::config_missing::RULE,
                format!("อ่าน {CONFIG_FILE} ไม่ได้ (cannot read {}): {e}", path.display()),
            )
            .with_help("run `prongsai init` to create a portal, or pass --root DIR (สร้างพอร์ทัลด้วย `prongsai init` หรือระบุ --root)")]
        })?;
        let text = decode(&bytes).map_err(|e| {
            vec![Diagnostic::new(&crate::rules::encoding::RULE, e.to_string())
                .in_file(&shown)
                .with_help(e.help())]
        })?;
        let config = Config::parse(&text, &shown)?;
        let refused = config.check_link_folders(root, &text, &shown);
        if refused.is_empty() {
            Ok(config)
        } else {
            Err(refused)
        }
    }

    /// Every `allow_symlinks_to` entry names an existing folder that does not hold the
    /// portal (allowing `/`, the home folder or the portal's parent would let a link reach
    /// `.git`, `prongsai.toml` or anything else).
    fn check_link_folders(&self, root: &Path, text: &str, shown: &Path) -> Vec<Diagnostic> {
        let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let at = text.find("allow_symlinks_to").unwrap_or(0);
        let mut out = Vec::new();
        for folder in &self.allow_symlinks_to {
            let why = match std::fs::canonicalize(root.join(folder)) {
                Ok(real) if !real.is_dir() => Some("ไม่ใช่โฟลเดอร์ (is not a folder)"),
                Ok(real) if real_root.starts_with(&real) => {
                    Some("มีพอร์ทัลทั้งหมดอยู่ข้างใน (holds the whole portal, .git and prongsai.toml included)")
                }
                Ok(_) => None,
                Err(_) => Some("ไม่มีโฟลเดอร์นี้ (the folder does not exist)"),
            };
            if let Some(why) = why {
                out.push(
                    Diagnostic::new(
                        &crate::rules::config_value::RULE,
                        format!("allow_symlinks_to: `{}` ใช้ไม่ได้: {why}", folder.display()),
                    )
                    .in_file(shown)
                    .at_offset(text, at)
                    .with_help(
                        "name only the folder of shared files, e.g. allow_symlinks_to = [\"/srv/ita-shared\"] \
                         (ระบุเฉพาะโฟลเดอร์ที่เก็บไฟล์ใช้ร่วมกัน)",
                    ),
                );
            }
        }
        out
    }

    /// The symbolic-link policy of the portal at `root`: its source folders and the
    /// config's `allow_symlinks_to`.
    pub fn symlinks(&self, root: &Path) -> crate::source::Symlinks {
        crate::source::Symlinks::new(root, &self.allow_symlinks_to)
    }

    pub fn parse(text: &str, shown: &Path) -> Result<Config, Vec<Diagnostic>> {
        let config: Config = toml::from_str(text).map_err(|e| vec![toml_error(shown, text, 0, &e)])?;
        let mut diagnostics = Vec::new();
        if !matches!(config.language.as_str(), "th" | "en") {
            let at = text.find("language").unwrap_or(0);
            diagnostics.push(
                Diagnostic::new(
                    &crate::rules::config_value::RULE,
                    format!("ภาษา `{}` ไม่รองรับ (unsupported language)", config.language),
                )
                .in_file(shown)
                .at_offset(text, at)
                .with_help("use language = \"th\" or \"en\""),
            );
        }
        if !config.base_url.is_empty() && !is_http_url(&config.base_url) {
            let at = text.find("base_url").unwrap_or(0);
            diagnostics.push(
                Diagnostic::new(
                    &crate::rules::config_value::RULE,
                    format!("base_url `{}` ต้องขึ้นต้นด้วย http:// หรือ https://", config.base_url),
                )
                .in_file(shown)
                .at_offset(text, at)
                .with_help("e.g. base_url = \"https://www.example.go.th/ita/\""),
            );
        }
        if let Some(code) = &config.organization.itas_code {
            if !is_itas_code(code) {
                let at = text.find("itas_code").unwrap_or(0);
                diagnostics.push(
                    Diagnostic::new(
                        &crate::rules::config_value::RULE,
                        format!("itas_code `{code}` ไม่ใช่รหัส ITAS ซึ่งเป็นตัวอักษรอังกฤษหรือตัวเลข 4–16 ตัว (not an ITAS code: 4 to 16 letters or digits)"),
                    )
                    .in_file(shown)
                    .at_offset(text, at)
                    .with_help(
                        "copy only the code from the agency's ITAS link, e.g. https://itas.nacc.go.th/go/eit/u4gpi2 → itas_code = \"u4gpi2\" (คัดลอกเฉพาะรหัสท้ายลิงก์ ITAS ของหน่วยงาน)",
                    ),
                );
            }
        }
        if diagnostics.is_empty() {
            Ok(config)
        } else {
            Err(diagnostics)
        }
    }

    /// The base URL with exactly one trailing slash (empty stays empty).
    pub fn base_url(&self) -> String {
        normalize_base_url(&self.base_url)
    }
}

pub fn normalize_base_url(url: &str) -> String {
    let url = url.trim();
    if url.is_empty() {
        String::new()
    } else {
        format!("{}/", url.trim_end_matches('/'))
    }
}

/// An ITAS code as NACC hands them out: 4 to 16 ASCII letters or digits (`u4gpi2`).
pub fn is_itas_code(code: &str) -> bool {
    (4..=16).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

pub fn is_http_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && url.len() > "https://".len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = Config::parse("title = \"ก\"", Path::new(CONFIG_FILE)).unwrap_or_else(|_| panic!());
        assert_eq!((c.language.as_str(), c.theme.as_str()), ("th", "default"));
        assert_eq!(c.output_dir, PathBuf::from("public"));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_hint() {
        let err = Config::parse("title = \"ก\"\n[organization]\nnmae = \"x\"\n", Path::new(CONFIG_FILE));
        let d = &err.err().unwrap_or_default()[0];
        assert_eq!(d.code, "unknown-key");
        assert_eq!(d.position.map(|p| p.line), Some(3));
        assert!(d.help.as_deref().unwrap_or_default().contains("`name`"));
    }

    #[test]
    fn base_url_is_checked_and_normalised() {
        assert!(Config::parse("title = \"a\"\nbase_url = \"example.com\"", Path::new(CONFIG_FILE)).is_err());
        assert_eq!(normalize_base_url("https://a.b/ita"), "https://a.b/ita/");
    }
}
