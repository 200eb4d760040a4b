//! Why a file could not be imported. Every message is Thai first with the English after it,
//! like the rest of prongsai's command line, and says what would fix it.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Read {
        path: PathBuf,
        reason: String,
    },
    /// An extension we do not read.
    UnknownFormat {
        path: PathBuf,
    },
    /// The old binary Word format (or an encrypted .docx, which is stored the same way).
    OleFile {
        path: PathBuf,
        encrypted: bool,
    },
    /// A .docx that is not a readable zip or lacks word/document.xml.
    CorruptDocx {
        path: PathBuf,
        reason: String,
    },
    /// Text that is not UTF-8 (see `source::text`).
    Decode {
        path: PathBuf,
        reason: String,
        help: String,
    },
    /// Nothing at all in the file.
    Empty {
        path: PathBuf,
    },
    /// Tables, but none with the columns of a measures table.
    NoMeasureTable {
        path: PathBuf,
        seen: Vec<String>,
    },
    NoTable {
        path: PathBuf,
    },
    /// `--year` missing and no fiscal year in the document.
    NoYear {
        path: PathBuf,
    },
    BadOption {
        message: String,
    },
}

impl ImportError {
    pub fn help(&self) -> Option<String> {
        Some(match self {
            ImportError::Read { .. } => return None,
            ImportError::UnknownFormat { .. } => {
                "ใช้ไฟล์ .docx, .csv, .tsv, .md หรือ .txt (use a .docx, .csv, .tsv, .md or .txt file)".into()
            }
            ImportError::OleFile { encrypted: true, .. } => {
                "เปิดใน Word แล้วเอารหัสผ่านออก (File → Info → Protect Document → \
                 Encrypt with Password → ลบรหัสผ่าน) แล้วบันทึกเป็น .docx อีกครั้ง \
                 (remove the password in Word, then save as .docx again)"
                    .into()
            }
            ImportError::OleFile { .. } => "เปิดใน Word แล้วบันทึกเป็น .docx (Save As → Word Document (*.docx))".into(),
            ImportError::CorruptDocx { .. } => "เปิดไฟล์ใน Word แล้วบันทึกใหม่เป็น .docx หรือคัดลอกตารางไปวางเป็น .csv \
                 (open and re-save it in Word, or copy the table into a .csv file)"
                .into(),
            ImportError::Decode { help, .. } => help.clone(),
            ImportError::Empty { .. } | ImportError::NoTable { .. } => {
                "ไฟล์ต้องมีตารางมาตรการ เช่น หัวตาราง มาตรการ/แนวทาง · วิธีการดำเนินงาน · ผู้รับผิดชอบ · ระยะเวลาดำเนินการ \
                 (the file needs a measures table with headers such as these)"
                    .into()
            }
            ImportError::NoMeasureTable { .. } => "หัวตารางต้องมีคอลัมน์ มาตรการ/แนวทาง หรือ วิธีการดำเนินงาน \
                 (a measures table needs a มาตรการ/แนวทาง or วิธีการดำเนินงาน column); see `book/src/import.md`"
                .into(),
            ImportError::NoYear { .. } => {
                "ระบุปีงบประมาณ เช่น --year 2564 (give the fiscal year, e.g. --year 2564)".into()
            }
            ImportError::BadOption { .. } => return None,
        })
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read { path, reason } => {
                write!(f, "{}: อ่านไฟล์ไม่ได้ (cannot read the file): {reason}", path.display())
            }
            ImportError::UnknownFormat { path } => write!(f, "{}: ไม่รู้จักชนิดไฟล์นี้ (unknown file type)", path.display()),
            ImportError::OleFile { path, encrypted: true } => write!(
                f,
                "{}: ไฟล์ Word นี้ถูกเข้ารหัสด้วยรหัสผ่าน อ่านตารางไม่ได้ (the Word file is password-encrypted)",
                path.display()
            ),
            ImportError::OleFile { path, .. } => write!(
                f,
                "{}: เป็นไฟล์ Word รุ่นเก่า (.doc) หรือถูกเข้ารหัส ไม่ใช่ .docx \
                 (an old-format .doc or encrypted file, not a .docx)",
                path.display()
            ),
            ImportError::CorruptDocx { path, reason } => write!(
                f,
                "{}: ไฟล์ .docx เสียหายหรือไม่ใช่ไฟล์ Word (the .docx is damaged or not a Word file): {reason}",
                path.display()
            ),
            ImportError::Decode { path, reason, .. } => write!(f, "{}: {reason}", path.display()),
            ImportError::Empty { path } => write!(f, "{}: ไฟล์ว่างเปล่า (the file is empty)", path.display()),
            ImportError::NoTable { path } => {
                write!(f, "{}: ไม่พบตารางในไฟล์ (no table found in the file)", path.display())
            }
            ImportError::NoMeasureTable { path, seen } => {
                write!(f, "{}: ไม่พบตารางมาตรการ (no measures table found)", path.display())?;
                if !seen.is_empty() {
                    write!(f, "; หัวตารางที่พบ (headers seen): {}", seen.join(" | "))?;
                }
                Ok(())
            }
            ImportError::NoYear { path } => write!(
                f,
                "{}: ไม่พบปีงบประมาณในเอกสาร (no fiscal year found in the document)",
                path.display()
            ),
            ImportError::BadOption { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for ImportError {}
