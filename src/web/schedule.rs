//! Running work after the browser has painted.

use wasm_bindgen::prelude::*;

/// Runs `work` after the next frame is painted: a timeout set from an animation-frame callback fires
/// only once that frame is on screen, so the work never delays what the person sees.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return work();
    };
    let next_task = Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, work).forget();
    });
    if window
        .request_animation_frame(next_task.unchecked_ref())
        .is_err()
    {
        // No animation frames (a hidden tab, say): the timeout alone still runs it soon.
        if let Ok(f) = next_task.dyn_into::<js_sys::Function>() {
            let _ = f.call0(&JsValue::NULL);
        }
    }
}

/// Runs `work` once the browser is idle after the next paint (or in the task after that paint, where
/// there are no idle callbacks): for start-up work that nothing on the first screen waits for.
pub fn when_idle_after_next_paint(work: impl FnOnce() + 'static) {
    after_next_paint(move || {
        let Some(window) = web_sys::window() else {
            return work();
        };
        let work = Closure::once_into_js(work);
        if window.request_idle_callback(work.unchecked_ref()).is_err() {
            if let Ok(f) = work.dyn_into::<js_sys::Function>() {
                let _ = f.call0(&JsValue::NULL);
            }
        }
    });
}
