//! The validator's messages: what a [`LoadError`] or a [`Problem`] says to an editor, in
//! English and Swedish.

use std::fmt;

use super::{Expected, LoadError, Problem, Reason, FILE_NAME};
use crate::dataset::{Lang, SCHEMA_VERSION};
use crate::json::SyntaxError;

impl LoadError {
    /// The message for the published data file, `initiative.json`.
    pub fn message(&self, lang: Lang) -> String {
        self.message_for(FILE_NAME, lang)
    }

    /// The message naming the file it is about: a file the editor opened is called by its own
    /// name ("draft-2026.json: line 3, …"), not by the published file's.
    pub fn message_for(&self, file: &str, lang: Lang) -> String {
        use LoadError::*;
        let sv = lang == Lang::Sv;
        match self {
            Empty if sv => format!("{file}: filen är tom."),
            Empty => format!("{file}: the file is empty."),
            Syntax { line, column, detail } if sv => {
                format!("{file}: rad {line}, kolumn {column}: filen är inte giltig JSON ({}).", syntax_text(*detail, lang))
            }
            Syntax { line, column, detail } => {
                format!("{file}: line {line}, column {column}: the file is not valid JSON ({}).", syntax_text(*detail, lang))
            }
            NotAnObject if sv => format!("{file}: filen måste vara ett JSON-objekt {{ … }}."),
            NotAnObject => format!("{file}: the file must be a JSON object {{ … }}."),
            NewerSchema { found } if sv => {
                format!("{file}: schema_version: {found} är nyare än appen förstår ({SCHEMA_VERSION}). Uppdatera appen.")
            }
            NewerSchema { found } => {
                format!("{file}: schema_version: {found} is newer than this app understands ({SCHEMA_VERSION}). Update the app.")
            }
            BadSchemaVersion if sv => format!("{file}: schema_version: saknas eller är inte ett heltal."),
            BadSchemaVersion => format!("{file}: schema_version: missing or not a whole number."),
            Http { status } if sv => format!("{file} kunde inte hämtas: servern svarade {status}."),
            Http { status } => format!("{file} could not be loaded: the server answered {status}."),
            Network { detail } if sv => format!("{file} kunde inte hämtas: {detail}."),
            Network { detail } => format!("{file} could not be loaded: {detail}."),
            Timeout { seconds } if sv => format!("{file} kom inte fram inom {seconds} sekunder."),
            Timeout { seconds } => format!("{file} did not arrive within {seconds} seconds."),
        }
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        format!("{FILE_NAME}: {}: {}", self.path, reason_text(&self.reason, lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn reason_text(reason: &Reason, lang: Lang) -> String {
    use Reason::*;
    let sv = lang == Lang::Sv;
    match reason {
        Shape(detail) if sv => format!("fel form ({detail})"),
        Shape(detail) => format!("wrong shape ({detail})"),
        Missing if sv => "saknas, men måste finnas".into(),
        Missing => "is missing, and is required".into(),
        WrongType(expected) => format!("{} {}", if sv { "ska vara" } else { "should be" }, expected_text(*expected, lang)),
        NotOneOf { value, allowed } if sv => format!("'{}' är inte ett av {}", clip(value), allowed.join(", ")),
        NotOneOf { value, allowed } => format!("'{}' is not one of {}", clip(value), allowed.join(", ")),
        BadId(id) if sv => format!("'{}' får bara innehålla a–z, 0–9 och bindestreck (högst 64 tecken)", clip(id)),
        BadId(id) => format!("'{}' may only hold a–z, 0–9 and hyphens (64 at most)", clip(id)),
        UnknownCountryCode(c) if sv => format!("'{c}' är inte en landskod enligt ISO 3166-1"),
        UnknownCountryCode(c) => format!("'{c}' is not an ISO 3166-1 country code"),
        NotADatasetCountry(c) if sv => format!("'{c}' finns inte bland filens länder (countries)"),
        NotADatasetCountry(c) => format!("'{c}' is not one of the file's countries"),
        DuplicateId(id) if sv => format!("id '{id}' används redan"),
        DuplicateId(id) => format!("id '{id}' is used twice"),
        UnknownOrganisation(id) if sv => format!("'{id}' finns inte bland filens organisationer"),
        UnknownOrganisation(id) => format!("'{id}' is not one of the file's organisations"),
        NotHttps(url) if sv => format!("'{}' är ingen https-länk och visas inte som länk", clip(url)),
        NotHttps(url) => format!("'{}' is not an https link and is not shown as a link", clip(url)),
        MissingLanguage(Lang::En) if sv => "den engelska texten saknas".into(),
        MissingLanguage(Lang::Sv) if sv => "den svenska texten saknas".into(),
        MissingLanguage(Lang::En) => "the English text is missing".into(),
        MissingLanguage(Lang::Sv) => "the Swedish text is missing".into(),
        BadDate(d) if sv => format!("'{}' är inget datum av formen ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD", clip(d)),
        BadDate(d) => format!("'{}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", clip(d)),
        BadMonth(m) if sv => format!("{m} är ingen månad (1–12)"),
        BadMonth(m) => format!("{m} is not a month (1–12)"),
        Empty if sv => "får inte vara tom".into(),
        Empty => "must not be empty".into(),
    }
}

fn syntax_text(error: SyntaxError, lang: Lang) -> &'static str {
    use SyntaxError::*;
    match (error, lang) {
        (ExpectedValue, Lang::En) => "a value was expected here",
        (ExpectedValue, Lang::Sv) => "ett värde saknas här",
        (ExpectedCommaOrBracket, Lang::En) => "a comma or ] was expected",
        (ExpectedCommaOrBracket, Lang::Sv) => "ett komma eller ] saknas",
        (ExpectedCommaOrBrace, Lang::En) => "a comma or } was expected",
        (ExpectedCommaOrBrace, Lang::Sv) => "ett komma eller } saknas",
        (ExpectedColon, Lang::En) => "a colon was expected after the name",
        (ExpectedColon, Lang::Sv) => "ett kolon saknas efter namnet",
        (KeyMustBeAString, Lang::En) => "a name in quotes was expected",
        (KeyMustBeAString, Lang::Sv) => "ett namn inom citattecken saknas",
        (TrailingComma, Lang::En) => "a comma before the end of a list or object",
        (TrailingComma, Lang::Sv) => "ett komma före slutet av en lista eller ett objekt",
        (BadNumber, Lang::En) => "this number is not written as JSON writes numbers",
        (BadNumber, Lang::Sv) => "talet är inte skrivet som JSON skriver tal",
        (BadEscape, Lang::En) => "a backslash that starts no known escape",
        (BadEscape, Lang::Sv) => "ett omvänt snedstreck som inte inleder någon känd kod",
        (ControlCharacter, Lang::En) => "a line break or tab inside quotes: write \\n or \\t",
        (ControlCharacter, Lang::Sv) => "en radbrytning eller tabb inom citattecken: skriv \\n eller \\t",
        (UnexpectedEnd, Lang::En) => "the file ends too early",
        (UnexpectedEnd, Lang::Sv) => "filen tar slut för tidigt",
        (TrailingCharacters, Lang::En) => "there is more after the end",
        (TrailingCharacters, Lang::Sv) => "det finns mer efter slutet",
    }
}

fn expected_text(expected: Expected, lang: Lang) -> &'static str {
    match (expected, lang) {
        (Expected::Text, Lang::En) => "a text in English and Swedish: { \"en\": \"…\", \"sv\": \"…\" }",
        (Expected::Text, Lang::Sv) => "en text på engelska och svenska: { \"en\": \"…\", \"sv\": \"…\" }",
        (Expected::Words, Lang::En) => "text in quotes",
        (Expected::Words, Lang::Sv) => "text inom citattecken",
        (Expected::ListOfWords, Lang::En) => "a list of texts in quotes: [\"…\", \"…\"]",
        (Expected::ListOfWords, Lang::Sv) => "en lista av texter inom citattecken: [\"…\", \"…\"]",
        (Expected::ListOfMonths, Lang::En) => "a list of month numbers: [1, 12]",
        (Expected::ListOfMonths, Lang::Sv) => "en lista av månadsnummer: [1, 12]",
    }
}

/// Keeps messages readable when an editor pasted something huge.
fn clip(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).chain("…".chars()).collect()
    }
}
