//! Where a text stops being JSON, as the app says it whichever parser read the file: the same
//! place serde_json finds, said in words, and nothing for a text that is JSON.

use innovation_atlas::json::{syntax_error, SyntaxError};

const BROKEN: &[&str] = &[
    "{\"schema_version\": 1,\n \"countries\": [",
    "{\"a\": 1,}",
    "[1, 2,]",
    "{\"a\" 1}",
    "{a: 1}",
    "{\"a\": tru}",
    "{\"a\": 01}",
    "{\"a\": 1.}",
    "{\"a\": \"x\\q\"}",
    "{\"a\": \"line\nbreak\"}",
    "{\"a\": 1} 2",
    "[1 2]",
    "{\"a\": 1 \"b\": 2}",
    "{\"name\": {\"en\": \"Göteborg\", \"sv\": \"Göteborg\"},\n \"x\": }",
    "",
    "   ",
];

#[test]
fn every_broken_text_is_found_where_serde_json_finds_it() {
    for text in BROKEN {
        let serde = serde_json::from_str::<serde_json::Value>(text).expect_err(text);
        let (line, column, _) = syntax_error(text).unwrap_or_else(|| panic!("not found in {text:?}"));
        assert_eq!(line, serde.line(), "line of {text:?}");
        // serde_json counts columns in bytes; ours in characters (what an editor sees).
        let line_text = text.lines().nth(line - 1).unwrap_or("");
        let bytes = line_text.char_indices().nth(column - 1).map_or(line_text.len(), |(i, _)| i) + 1;
        assert!(
            bytes.abs_diff(serde.column()) <= 1,
            "{text:?}: ours {line}:{column} ({bytes} bytes), serde_json {}:{}",
            serde.line(),
            serde.column()
        );
    }
}

#[test]
fn what_is_wrong_is_said() {
    assert_eq!(syntax_error("{\"a\": 1,}").map(|e| e.2), Some(SyntaxError::TrailingComma));
    assert_eq!(syntax_error("{\"a\" 1}").map(|e| e.2), Some(SyntaxError::ExpectedColon));
    assert_eq!(syntax_error("[1 2]").map(|e| e.2), Some(SyntaxError::ExpectedCommaOrBracket));
    assert_eq!(syntax_error("{\"a\": \"x").map(|e| e.2), Some(SyntaxError::UnexpectedEnd));
    assert_eq!(syntax_error("{\"a\": 1} x").map(|e| e.2), Some(SyntaxError::TrailingCharacters));
}

#[test]
fn json_is_not_an_error() {
    for text in [include_str!("../public/data/initiative.json"), "[]", "{}", "\"x\\u00e9\"", "-0.5e+3", "null", " [true, false] "] {
        assert_eq!(syntax_error(text), None, "{text:?}");
    }
}
