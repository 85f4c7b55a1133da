//! The error summary (as the GOV.UK Design System has it): after a refused download, "There is
//! a problem" at the top, every error as a link that opens its record and puts the cursor in
//! its field. It follows the draft: a fixed problem leaves the list.

use leptos::prelude::*;

use crate::draft::problems::{Found, Place, Severity};

use super::labels::{field_label, problem_message, record_label};
use super::state::Editor;
use super::text::t;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    let errors = move || editor.found.with(|f| f.iter().filter(|f| f.severity == Severity::Error).cloned().collect::<Vec<_>>());
    view! {
        <Show when=move || editor.summary.get() && !errors().is_empty()>
            <div id="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{s.there_is_a_problem}</h2>
                <p>{s.fix_before_download}</p>
                <ul>
                    {move || errors().into_iter().map(|found| view! { <SummaryItem found=found/> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn SummaryItem(found: Found) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let lang = editor.lang;
    let message = problem_message(&found.problem.reason, lang);
    let (label, target) = match &found.place {
        Place::Record { kind, index, field, lang: text_lang } => {
            let record = editor
                .with_untracked(|d| d.current().record(*kind, *index).map(|r| record_label(*kind, r, lang)))
                .flatten()
                .unwrap_or_default();
            let field_name = field.as_deref().map(|f| field_label(*kind, f, lang)).unwrap_or_default();
            let label = [record, field_name.to_string()].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" — ");
            (label, Some((*kind, *index, field_id(field.as_deref(), *text_lang))))
        }
        Place::Head(field) => (field_label(crate::schema::RecordKind::Country, field, lang).to_string(), None),
    };
    let href = target.as_ref().map(|(_, _, id)| format!("#{id}")).unwrap_or_default();
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some((kind, index, id)) = target.clone() {
            editor.select(kind, Some(index));
            focus_field(id);
        }
    };
    view! { <li><a href=href on:click=go>{format!("{label}: {message}")}</a></li> }
}

/// The id of a field's control in the form (a text's: its language's).
pub fn field_id(field: Option<&str>, lang: Option<crate::dataset::Lang>) -> String {
    match (field, lang) {
        (Some(f), Some(l)) => format!("field-{f}-{}", l.code()),
        (Some(f), None) => format!("field-{f}"),
        (None, _) => "record-heading".into(),
    }
}

/// Puts the cursor in a field once the form shows it; a text field without a language given
/// gets its English half.
pub fn focus_field(id: String) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            let element = document().get_element_by_id(&id).or_else(|| document().get_element_by_id(&format!("{id}-en")));
            if let Some(element) = element {
                crate::browser::focus(&element);
                element.scroll_into_view_with_bool(false);
            }
        })
    });
}
