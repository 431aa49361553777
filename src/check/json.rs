//! The report as one JSON object: the stable contract for scripts.

use crate::analysis::report::Report;

/// Serialises the report; C1 control characters and DEL, which JSON allows
/// raw but some terminals obey, are escaped as `\u` sequences.
pub fn to_json(report: &Report) -> String {
    let json = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": \"report could not be serialised: {e}\"}}"));
    if !json.chars().any(is_unescaped_control) {
        return json;
    }
    json.chars()
        .map(|c| {
            if is_unescaped_control(c) {
                format!("\\u{:04x}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_unescaped_control(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}')
}
