//! A searchable choice, keyboard-operable (the ARIA 1.2 combobox with a list box): type to
//! narrow the options, arrows to move, Enter to choose, Escape to close. Used for references
//! among many records (a country by its name, an organisation by its name); the value stored
//! is the code or id.

use leptos::ev;
use leptos::prelude::*;

use crate::text::fold;

/// How many options show at once: typing narrows a long list down.
const SHOWN: usize = 50;

/// `options` are (value, label); `value` the chosen value (None: nothing chosen);
/// `on_choose` gets the new choice. With `none_label`, emptying the field chooses nothing.
#[component]
pub fn Choice(
    id: String,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<Option<String>>,
    on_choose: impl Fn(Option<String>) + Clone + Send + Sync + 'static,
    none_label: Option<&'static str>,
    no_match: &'static str,
    #[prop(into)] described_by: Signal<String>,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    let label_of = move |v: &Option<String>| match v {
        Some(v) => options.with(|o| o.iter().find(|(value, _)| value == v).map(|(_, l)| l.clone()).unwrap_or_else(|| v.clone())),
        None => String::new(),
    };
    let text = RwSignal::new(value.with_untracked(label_of));
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let focused = RwSignal::new(false);
    // A change from elsewhere (undo, revert) shows, unless the visitor is typing here.
    Effect::new(move || {
        let shown = value.with(label_of);
        if !focused.get_untracked() {
            text.set(shown);
        }
    });
    let matches = Memo::new(move |_| {
        let typed = fold(text.get().trim());
        let current = value.with(label_of);
        options.with(|all| {
            all.iter()
                .filter(|(_, label)| typed.is_empty() || fold(&current) == typed || fold(label).contains(&typed))
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let listbox = format!("{id}-options");
    // The list is named by the field's own label (`{id}-label`).
    let labelled_by = format!("{id}-label");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-option-{i}")
    };
    let choose = {
        let on_choose = on_choose.clone();
        move |choice: Option<(String, String)>| {
            open.set(false);
            match choice {
                Some((value, label)) => {
                    text.set(label);
                    on_choose(Some(value));
                }
                None => {
                    text.set(String::new());
                    on_choose(None);
                }
            }
        }
    };
    let on_keydown = {
        let choose = choose.clone();
        move |e: ev::KeyboardEvent| {
            let count = matches.with(Vec::len);
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    if open.get_untracked() {
                        active.update(|a| *a = (*a + 1).min(count.saturating_sub(1)));
                    } else {
                        open.set(true);
                        active.set(0);
                    }
                }
                "ArrowUp" => {
                    e.prevent_default();
                    active.update(|a| *a = a.saturating_sub(1));
                }
                "Enter" if open.get_untracked() => {
                    e.prevent_default();
                    if let Some(option) = matches.with(|m| m.get(active.get_untracked()).cloned()) {
                        choose(Some(option));
                    }
                }
                "Escape" if open.get_untracked() => {
                    e.prevent_default();
                    e.stop_propagation();
                    open.set(false);
                    text.set(value.with_untracked(label_of));
                }
                _ => {}
            }
        }
    };
    let on_input = move |e: ev::Event| {
        text.set(event_target_value(&e));
        open.set(true);
        active.set(0);
    };
    // Leaving the field: an exact name chooses it, an empty field (where allowed) nothing; any
    // other text goes back to the choice as it was.
    let on_blur = {
        let choose = choose.clone();
        move |_| {
            focused.set(false);
            let typed = fold(text.get_untracked().trim());
            let exact = options.with_untracked(|o| o.iter().find(|(_, l)| fold(l) == typed).cloned());
            match exact {
                Some(option) if Some(&option.0) != value.get_untracked().as_ref() => choose(Some(option)),
                _ if typed.is_empty() && none_label.is_some() && value.with_untracked(Option::is_some) => choose(None),
                _ => {
                    open.set(false);
                    text.set(value.with_untracked(label_of));
                }
            }
        }
    };
    let option_view = {
        let choose = choose.clone();
        let option_id = option_id.clone();
        move || {
            let shown = matches.get();
            if shown.is_empty() {
                return view! { <li class="no-match" role="option" aria-disabled="true">{no_match}</li> }.into_any();
            }
            shown
                .into_iter()
                .enumerate()
                .map(|(i, option)| {
                    let choose = choose.clone();
                    let picked = option.clone();
                    let selected = move || if active.get() == i { "true" } else { "false" };
                    view! {
                        <li id=option_id(i) role="option" aria-selected=selected class:active=move || active.get() == i
                            on:mousedown=move |e: ev::MouseEvent| { e.prevent_default(); choose(Some(picked.clone())); }>
                            {option.1}
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || (open.get() && matches.with(|m| !m.is_empty())).then(|| option_id(active.get()))
    };
    view! {
        <div class="choice">
            <input id=id type="text" role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-controls=listbox.clone() aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_descendant aria-describedby=described_by
                aria-invalid=move || invalid.get().then_some("true") placeholder=none_label.unwrap_or("")
                prop:value=move || text.get() on:input=on_input on:keydown=on_keydown
                on:focus=move |_| focused.set(true) on:blur=on_blur
                on:click=move |_| open.update(|o| *o = !*o)/>
            <ul id=listbox role="listbox" class="choice-options" aria-labelledby=labelled_by hidden=move || !open.get()>
                {option_view}
            </ul>
        </div>
    }
}
