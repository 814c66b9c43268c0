//! The byte floor of the stack: the smallest Yew app that does what the calculator's
//! page does at its simplest (render in place of a pre-rendered page, read an input,
//! show a number). `scripts/yew-floor.sh` builds it like the app (release profile,
//! wasm-bindgen, wasm-opt -Oz, terser); `scripts/perf.mjs` prints its compressed size
//! beside the app's.

#[cfg(target_arch = "wasm32")]
mod floor {
    use yew::prelude::*;

    #[function_component(Floor)]
    pub fn floor() -> Html {
        let value = use_state(|| 0u64);
        let oninput = {
            let value = value.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                value.set(input.value().parse().unwrap_or(0));
            })
        };
        html! {
            <main>
                <input type="text" {oninput} />
                <output>{ *value * 2 }</output>
            </main>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<floor::Floor>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
