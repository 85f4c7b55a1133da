//! Every browser scenario, by capability.

mod accessibility;
mod bad_input;
mod directory;
mod embed;
mod foundation;
mod map;
mod timeline;
mod touch;

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

/// The touch pass runs on the phone emulation only; everything else on every engine.
pub fn for_engine(engine: crate::driver::Engine) -> Vec<(&'static str, crate::Scenario)> {
    match engine {
        crate::driver::Engine::ChromiumTouch => touch::all(),
        _ => all(),
    }
}
