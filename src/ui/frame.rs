//! Work that can wait until the browser has painted: after a keystroke the list of entries
//! comes first, and what surrounds it (the map's dimming, the options' counts, the timeline)
//! follows once that frame is on screen.
//!
//! ```ignore
//! let view = settled(state.view);          // one painted frame behind state.view
//! after_next_paint(|| fill_the_rest());
//! ```

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

/// A hidden page or an iframe scrolled out of view paints no frames: the work runs anyway
/// after this long.
const UNPAINTED_FALLBACK: Duration = Duration::from_millis(100);

type Work = Box<dyn FnOnce()>;

/// Runs `f` once, in a task of its own after the next frame has been painted: a timer set from
/// an animation frame callback runs after that frame's rendering.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let once: Rc<Cell<Option<Work>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let fallback = run.clone();
    request_animation_frame(move || set_timeout(run, Duration::ZERO));
    set_timeout(fallback, UNPAINTED_FALLBACK);
}

/// Resolves in a task of its own: what follows lets the browser answer input first.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().and_then(|window| window.set_timeout_with_callback(&resolve).ok());
        if queued.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` in the next task, with the current component's owner (its effects and clean-ups
/// belong to the page as if it had run now).
pub fn in_the_next_task(f: impl FnOnce() + 'static) {
    one_task_each(vec![Box::new(f)]);
}

/// Runs each step in a task of its own, in order, with the current component's owner: a step
/// that schedules a task of its own (`in_the_next_task`) has it run before the next step.
pub fn one_task_each(steps: Vec<Box<dyn FnOnce()>>) {
    match Owner::current() {
        Some(owner) => leptos::task::spawn_local(async move {
            for step in steps {
                next_task().await;
                owner.with(step);
            }
        }),
        None => steps.into_iter().for_each(|step| step()),
    }
}

/// Follows `source` one painted frame behind. Changes that come faster than frames are
/// coalesced: only the latest value is taken.
pub fn settled<T>(source: Memo<T>) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let value = RwSignal::new(source.get_untracked());
    let scheduled = Rc::new(Cell::new(false));
    Effect::new(move || {
        source.track();
        if scheduled.replace(true) {
            return;
        }
        let scheduled = scheduled.clone();
        after_next_paint(move || {
            scheduled.set(false);
            let Some(now) = source.try_get_untracked() else { return };
            if value.try_with_untracked(|v| *v != now) == Some(true) {
                value.try_set(now);
            }
        });
    });
    value.into()
}
