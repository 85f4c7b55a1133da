//! Every browser scenario, by capability.

mod accessibility;
mod bad_input;
mod directory;
mod drafts;
mod editor;
mod embed;
mod fallback;
mod foundation;
mod host_address;
mod layout;
mod legibility;
mod map;
mod page_is_the_view;
mod publish;
mod reading;
mod timeline;
mod touch;

pub fn all() -> Vec<(&'static str, crate::Scenario)> {
    let mut all = foundation::all();
    all.extend(map::all());
    all.extend(legibility::all());
    all.extend(directory::all());
    all.extend(accessibility::all());
    all.extend(embed::all());
    all.extend(fallback::all());
    all.extend(page_is_the_view::all());
    all.extend(layout::all());
    all.extend(reading::all());
    all.extend(host_address::all());
    all.extend(editor::all());
    all.extend(drafts::all());
    all.extend(publish::all());
    all.extend(bad_input::all());
    all.extend(timeline::all());
    all
}

/// Scenarios named `without_javascript…` run in a browser with JavaScript turned off.
pub fn javascript_off(name: &str) -> bool {
    name.starts_with("without_javascript")
}

/// The touch pass runs on the phone emulation only; everything else on every engine.
pub fn for_engine(engine: crate::driver::Engine) -> Vec<(&'static str, crate::Scenario)> {
    match engine {
        crate::driver::Engine::ChromiumTouch => touch::all(),
        _ => all(),
    }
}
