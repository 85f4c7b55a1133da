//! Every browser scenario, by capability.

mod accessibility;
mod bad_input;
mod directory;
mod embed;
mod foundation;
mod map;
mod timeline;

pub fn all() -> Vec<(&'static str, crate::Scenario)> {
    let mut all = foundation::all();
    all.extend(map::all());
    all.extend(directory::all());
    all.extend(accessibility::all());
    all.extend(embed::all());
    all.extend(bad_input::all());
    all.extend(timeline::all());
    all
}
