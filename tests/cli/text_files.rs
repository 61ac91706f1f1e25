//! Text the way other programs save it (issue 14, item 7): old Mac line ends, UTF-16, and
//! diaries with `;` between fields.

use crate::support::{stderr, stdout, strainscope};

const DIARY_HEADER: &str = "date,time,region,side,intensity,quality,symptoms,notes";

/// `pain add` of a knee pain of 2 on 2026-06-03 at 10:00 to the diary `p`.
fn add_knee_pain(p: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "pain",
        "add",
        "--diary",
        p,
        "--region",
        "knee",
        "--intensity",
        "2",
        "--at",
        "2026-06-03 10:00",
    ];
    args.extend(extra);
    strainscope(args)
}

#[test]
fn a_cr_only_file_names_each_rows_real_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mac.csv");
    std::fs::write(
        &path,
        format!("{DIARY_HEADER}\r2026-06-02,07:30,knee,,3,ache,,\r2026-06-0x,,knee,,3,,,\r2026-06-04,,knee,,11,,,\r"),
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let out = strainscope(["pain", "check", p]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.contains("entries    1 (1 with pain > 0)"), "{s}");
    assert!(
        s.contains(&format!(
            "{p}:3:1: \"2026-06-0x\" in column \"date\" is not valid (expected a date such as 2026-06-02)"
        )),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "{p}:4:5: \"11\" in column \"intensity\" is not valid (expected a whole number from 0 to 10)"
        )),
        "{s}"
    );
}

#[test]
fn a_utf16_diary_is_read_and_pain_add_asks_for_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u16.csv");
    let mut bytes = vec![0xff, 0xfe];
    let text = format!("{DIARY_HEADER}\r\n2026-06-02,07:30,knee,,3,ache,,\r\n");
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, &bytes).unwrap();
    let p = path.to_str().unwrap();
    let check = strainscope(["pain", "check", p]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).contains("entries    1 (1 with pain > 0)"));
    let add = add_knee_pain(p, &[]);
    assert_eq!(add.status.code(), Some(3), "{}", stderr(&add));
    assert_eq!(
        stderr(&add),
        format!(
            "error: {p}: UTF-16LE text: save it as UTF-8 (strainscope reads UTF-16 diaries but appends only to UTF-8 ones)\n"
        )
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the diary is untouched"
    );
}

#[test]
fn pain_add_appends_to_a_semicolon_diary_in_its_own_delimiter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("semi.csv");
    std::fs::write(
        &path,
        "date;time;region;side;intensity;quality;symptoms;notes\n2026-06-02;07:30;knee;;3;ache;;\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let add = add_knee_pain(p, &["--note", "after squats; sore"]);
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "date;time;region;side;intensity;quality;symptoms;notes\n2026-06-02;07:30;knee;;3;ache;;\n\
         2026-06-03;10:00;knee;;2;;;\"after squats; sore\"\n"
    );
    let check = strainscope(["pain", "check", p]);
    assert!(
        stdout(&check).contains("entries    2 (2 with pain > 0)"),
        "{}",
        stdout(&check)
    );
}
