//! What the editor calls things, in the editor's language: fields, the words a choice field
//! takes, records by their names, and each problem as a sentence with what to do about it (no
//! JSON paths, no validator words).
//!
//! ```
//! use innovation_atlas::{dataset::Lang, editor::labels::problem_message, validate::Reason};
//! let reason = Reason::NotHttps("http://www.linkedin.com/groups/1".into());
//! assert_eq!(problem_message(&reason, Lang::En),
//!     "The address must start with https://. Use https://www.linkedin.com/groups/1 if the site has it.");
//! ```

use serde_json::Value;

use crate::countries;
use crate::dataset::Lang;
use crate::i18n::region_name;
use crate::schema::RecordKind;
use crate::validate::{Expected, Reason};

use super::text::t;

/// The label of a field of a kind of record.
pub fn field_label(kind: RecordKind, field: &str, lang: Lang) -> &'static str {
    let s = t(lang);
    match field {
        "url" if kind != RecordKind::Group => s.field_web_address,
        "id" => s.field_id,
        "code" => s.field_code,
        "region" => s.field_region,
        "summary" => s.field_summary,
        "source" => s.field_source,
        "name" => s.field_name,
        "description" => s.field_description,
        "role" => s.field_role,
        "member_of" => s.field_member_of,
        "website" => s.field_website,
        "kind" => s.field_kind,
        "organisation" => s.field_organisation,
        "country" => s.field_country,
        "city" => s.field_city,
        "since" => s.field_since,
        "countries" => s.field_countries,
        "url" => s.field_url,
        "date" => s.field_date,
        "title" => s.field_title,
        "months" => s.field_months,
        "organiser" => s.field_organiser,
        "updated" => s.field_updated,
        _ => "",
    }
}

/// How a word of a choice field reads: "Main coordinator" for `main-coordinator`.
pub fn choice_label(word: &str, lang: Lang) -> String {
    let s = t(lang);
    match word {
        "main-coordinator" => s.role_main_coordinator.into(),
        "coordinator" => s.role_coordinator.into(),
        "member" => s.role_member.into(),
        "co-opted" => s.role_co_opted.into(),
        "office" => s.presence_office.into(),
        "scout" => s.presence_scout.into(),
        other => crate::dataset::Region::from_code(other).map(|r| region_name(r, lang).to_string()).unwrap_or_else(|| other.into()),
    }
}

/// The name a record is known by in `lang`: a country's name, else its name or title (the
/// other language's if this one is empty), else its id, else "New record".
pub fn record_label(kind: RecordKind, record: &Value, lang: Lang) -> String {
    if kind == RecordKind::Country {
        if let Some(code) = record.get("code").and_then(Value::as_str) {
            return countries::name(code, lang).map(str::to_string).unwrap_or_else(|| code.to_string());
        }
    }
    let text = record.get(kind.name_field());
    let in_lang = |l: Lang| text.and_then(|t| t.get(l.code())).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let other = if lang == Lang::En { Lang::Sv } else { Lang::En };
    in_lang(lang)
        .or_else(|| in_lang(other))
        .or_else(|| record.get(kind.id_field()).and_then(Value::as_str).filter(|s| !s.is_empty()))
        .map(str::to_string)
        .unwrap_or_else(|| t(lang).new_record.to_string())
}

/// A problem as the editor says it beside its field: what is wrong and, where known, what to do.
pub fn problem_message(reason: &Reason, lang: Lang) -> String {
    use Reason::*;
    let sv = lang == Lang::Sv;
    match reason {
        Missing | Empty if sv => "Fyll i det här fältet.".into(),
        Missing | Empty => "Fill in this field.".into(),
        MissingLanguage(Lang::En) if sv => "Den engelska texten saknas. Skriv den, eller kopiera den svenska och översätt.".into(),
        MissingLanguage(Lang::En) => "The English text is missing. Write it, or copy the Swedish and translate it.".into(),
        MissingLanguage(Lang::Sv) if sv => "Den svenska texten saknas. Skriv den, eller kopiera den engelska och översätt.".into(),
        MissingLanguage(Lang::Sv) => "The Swedish text is missing. Write it, or copy the English and translate it.".into(),
        NotHttps(url) => {
            let fix = https_form(url);
            match (fix, sv) {
                (Some(fix), true) => format!("Adressen måste börja med https://. Använd {fix} om webbplatsen har den."),
                (Some(fix), false) => format!("The address must start with https://. Use {fix} if the site has it."),
                (None, true) => "Adressen måste börja med https://, till exempel https://www.vinnova.se/.".into(),
                (None, false) => "The address must start with https://, for example https://www.vinnova.se/.".into(),
            }
        }
        BadDate(_) if sv => "Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, till exempel 2019-04-01.".into(),
        BadDate(_) => "Write the date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04-01.".into(),
        BadMonth(m) if sv => format!("{m} är ingen månad: välj månader 1–12."),
        BadMonth(m) => format!("{m} is not a month: choose months 1–12."),
        DuplicateId(id) if sv => format!("En annan post har redan id {id}. Välj ett annat, till exempel {id}-2."),
        DuplicateId(id) => format!("Another record already has the id {id}. Choose another, for example {id}-2."),
        BadId(_) if sv => "Ett id får bara ha bokstäverna a–z, siffror och bindestreck, till exempel osi-tokyo.".into(),
        BadId(_) => "An id may only have the letters a–z, digits and hyphens, for example osi-tokyo.".into(),
        UnknownCountryCode(_) if sv => "Välj ett land i listan.".into(),
        UnknownCountryCode(_) => "Choose a country from the list.".into(),
        NotADatasetCountry(code) if sv => format!(
            "{} är inte ett av filens länder. Välj ett av dem, eller lägg först till landet under Länder.",
            countries::display_name(code, lang)
        ),
        NotADatasetCountry(code) => format!(
            "{} is not one of the file's countries. Choose one of them, or first add it under Countries.",
            countries::display_name(code, lang)
        ),
        UnknownOrganisation(id) if sv => format!("Det finns ingen organisation {id} i filen. Välj en i listan."),
        UnknownOrganisation(id) => format!("There is no organisation {id} in the file. Choose one from the list."),
        NotOneOf { .. } if sv => "Välj ett av alternativen i listan.".into(),
        NotOneOf { .. } => "Choose one of the options in the list.".into(),
        WrongType(Expected::Text) if sv => "Skriv texten på engelska och svenska.".into(),
        WrongType(Expected::Text) => "Write the text in English and Swedish.".into(),
        WrongType(_) | Shape(_) if sv => "Det här fältet har fel form i filen. Fyll i det på nytt här.".into(),
        WrongType(_) | Shape(_) => "This field has the wrong form in the file. Fill it in again here.".into(),
    }
}

/// `http://host/path` → `https://host/path`; None if `url` is not an http address.
pub fn https_form(url: &str) -> Option<String> {
    let rest = url.trim().strip_prefix("http://")?;
    Some(format!("https://{rest}")).filter(|u| crate::validate::is_safe_link(u))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_record_is_known_by_its_name_in_the_language_else_the_other_else_its_id() {
        let office = json!({"id": "osi-tokyo", "name": {"en": "Office, Tokyo", "sv": ""}});
        assert_eq!(record_label(RecordKind::Office, &office, Lang::Sv), "Office, Tokyo");
        assert_eq!(record_label(RecordKind::Office, &json!({"id": "x"}), Lang::En), "x");
        assert_eq!(record_label(RecordKind::Office, &json!({}), Lang::Sv), "Ny post");
        assert_eq!(record_label(RecordKind::Country, &json!({"code": "KR"}), Lang::Sv), "Sydkorea");
        assert_eq!(record_label(RecordKind::Event, &json!({"title": {"en": "Signed"}}), Lang::En), "Signed");
    }

    #[test]
    fn problems_say_what_to_do_without_paths() {
        for reason in [Reason::Missing, Reason::BadDate("2019-13".into()), Reason::DuplicateId("osi".into()), Reason::Shape("x".into())] {
            for lang in Lang::ALL {
                let m = problem_message(&reason, lang);
                assert!(!m.contains('[') && !m.contains("initiative.json"), "{m}");
            }
        }
        assert_eq!(https_form("http://www.linkedin.com/groups/1").as_deref(), Some("https://www.linkedin.com/groups/1"));
        assert_eq!(https_form("ftp://x"), None);
        assert_eq!(choice_label("middle-east-africa", Lang::Sv), "Mellanöstern och Afrika");
        assert_eq!(field_label(RecordKind::Group, "url", Lang::En), "LinkedIn address");
        assert_eq!(field_label(RecordKind::Activity, "url", Lang::En), "Web address");
    }
}
