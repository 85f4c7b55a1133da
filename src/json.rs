//! JSON as the validator reads it, from either parser: serde_json's values (natively, and in the
//! editor, which keeps the file as JSON), or the browser's own `JSON.parse` (in the app, which
//! so carries no JSON parser of its own). And where a text stops being JSON, found the same way
//! for both, so the message an editor reads is the same wherever the file was read.
//!
//! ```
//! use innovation_atlas::json::{syntax_error, Json, SyntaxError};
//! let v: serde_json::Value = serde_json::from_str(r#"{"a": ["x", 2]}"#).unwrap();
//! let items = (&v).field("a").and_then(|a| a.items()).unwrap();
//! assert_eq!(items[0].text().as_deref(), Some("x"));
//! assert_eq!(syntax_error("{\n  \"a\": 1,\n}"), Some((3, 1, SyntaxError::TrailingComma)));
//! ```

/// A JSON value the validator can read.
pub trait Json: Clone {
    /// An object's own field (None for a missing one, or when this is not an object).
    fn field(&self, key: &str) -> Option<Self>;
    fn text(&self) -> Option<String>;
    /// A whole number ≥ 0.
    fn number(&self) -> Option<u64>;
    fn items(&self) -> Option<Vec<Self>>;
    fn is_object(&self) -> bool;
    fn is_null(&self) -> bool;
}

impl Json for &serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn number(&self) -> Option<u64> {
        self.as_u64()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().map(|a| a.iter().collect())
    }
    fn is_object(&self) -> bool {
        serde_json::Value::is_object(self)
    }
    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }
}

/// A value of the browser's `JSON.parse`.
#[cfg(target_arch = "wasm32")]
#[derive(Clone)]
pub struct Browser(pub wasm_bindgen::JsValue);

#[cfg(target_arch = "wasm32")]
impl Json for Browser {
    fn field(&self, key: &str) -> Option<Self> {
        let object = self.is_object().then(|| wasm_bindgen::JsCast::unchecked_ref::<js_sys::Object>(&self.0))?;
        let key = wasm_bindgen::JsValue::from_str(key);
        // Own fields only: "constructor" is not a field of the file.
        js_sys::Object::has_own(object, &key).then(|| js_sys::Reflect::get(object, &key).ok()).flatten().map(Browser)
    }
    fn text(&self) -> Option<String> {
        self.0.as_string()
    }
    fn number(&self) -> Option<u64> {
        let n = self.0.as_f64()?;
        (n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0).then_some(n as u64)
    }
    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(&self.0).then(|| js_sys::Array::from(&self.0).iter().map(Browser).collect())
    }
    fn is_object(&self) -> bool {
        self.0.is_object() && !js_sys::Array::is_array(&self.0)
    }
    fn is_null(&self) -> bool {
        self.0.is_null()
    }
}

/// Reads a text with the browser's `JSON.parse`; None if it is not JSON (see [`syntax_error`]).
#[cfg(target_arch = "wasm32")]
pub fn parse_in_browser(text: &str) -> Option<Browser> {
    js_sys::JSON::parse(text).ok().map(Browser)
}

/// What is wrong where a text stops being JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    ExpectedValue,
    ExpectedCommaOrBracket,
    ExpectedCommaOrBrace,
    ExpectedColon,
    KeyMustBeAString,
    TrailingComma,
    BadNumber,
    BadEscape,
    ControlCharacter,
    UnexpectedEnd,
    TrailingCharacters,
}

/// The first place `text` stops being JSON (RFC 8259): line and column (from 1; columns in
/// characters) and what is wrong; None for a text that is JSON.
pub fn syntax_error(text: &str) -> Option<(usize, usize, SyntaxError)> {
    let mut scan = Scan { bytes: text.as_bytes(), at: 0 };
    let result = scan.value().and_then(|()| {
        scan.space();
        if scan.at < scan.bytes.len() {
            Err(SyntaxError::TrailingCharacters)
        } else {
            Ok(())
        }
    });
    let error = result.err()?;
    let before = &text[..scan.at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, column, error))
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<(), SyntaxError> {
        self.space();
        match self.peek() {
            None => Err(SyntaxError::UnexpectedEnd),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(first) => {
                // true, false or null: the error is where the word stops matching.
                let word: &[u8] = match first {
                    b't' => b"true",
                    b'f' => b"false",
                    b'n' => b"null",
                    _ => return Err(SyntaxError::ExpectedValue),
                };
                for expected in word {
                    match self.peek() {
                        Some(c) if c == *expected => self.at += 1,
                        None => return Err(SyntaxError::UnexpectedEnd),
                        Some(_) => return Err(SyntaxError::ExpectedValue),
                    }
                }
                Ok(())
            }
        }
    }

    /// After an item of a list or object: a comma (and another item) or the end.
    fn next_item(&mut self, close: u8, missing: SyntaxError) -> Result<bool, SyntaxError> {
        self.space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                self.space();
                if self.peek() == Some(close) {
                    return Err(SyntaxError::TrailingComma);
                }
                Ok(true)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(false)
            }
            None => Err(SyntaxError::UnexpectedEnd),
            Some(_) => Err(missing),
        }
    }

    fn array(&mut self) -> Result<(), SyntaxError> {
        self.at += 1;
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.value()?;
            if !self.next_item(b']', SyntaxError::ExpectedCommaOrBracket)? {
                return Ok(());
            }
        }
    }

    fn object(&mut self) -> Result<(), SyntaxError> {
        self.at += 1;
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => self.string()?,
                None => return Err(SyntaxError::UnexpectedEnd),
                Some(_) => return Err(SyntaxError::KeyMustBeAString),
            }
            self.space();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(SyntaxError::UnexpectedEnd),
                Some(_) => return Err(SyntaxError::ExpectedColon),
            }
            self.value()?;
            if !self.next_item(b'}', SyntaxError::ExpectedCommaOrBrace)? {
                return Ok(());
            }
        }
    }

    fn string(&mut self) -> Result<(), SyntaxError> {
        self.at += 1;
        loop {
            match self.peek() {
                None => return Err(SyntaxError::UnexpectedEnd),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.at += 1,
                        Some(b'u') if self.bytes.get(self.at + 1..self.at + 5).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) => {
                            self.at += 5
                        }
                        None => return Err(SyntaxError::UnexpectedEnd),
                        Some(_) => return Err(SyntaxError::BadEscape),
                    }
                }
                Some(c) if c < 0x20 => {
                    // Said just after it, as serde_json says it: a line break ends its line.
                    self.at += 1;
                    return Err(SyntaxError::ControlCharacter);
                }
                Some(_) => self.at += 1,
            }
        }
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let digits = |s: &mut Self| {
            let from = s.at;
            while matches!(s.peek(), Some(b'0'..=b'9')) {
                s.at += 1;
            }
            s.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(SyntaxError::BadNumber);
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(SyntaxError::BadNumber);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(SyntaxError::BadNumber);
            }
        }
        Ok(())
    }
}
