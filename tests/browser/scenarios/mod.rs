//! Every browser scenario, by capability.

mod directory;
mod foundation;
mod map;

pub fn all() -> Vec<(&'static str, crate::Scenario)> {
    let mut all = foundation::all();
    all.extend(map::all());
    all.extend(directory::all());
    all
}
