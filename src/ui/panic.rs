//! If the impossible happens, say so in the page instead of leaving it blank or frozen.

/// Installs a panic hook that logs to the console and shows a readable message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let text = format!(
            "Something went wrong in Streaming Showdown ({info}). Reload the page; if it happens again, please report this message and the page's link."
        );
        web_sys::console::error_1(&text.clone().into());
        let document = gloo::utils::document();
        if let Ok(el) = document.create_element("div") {
            el.set_class_name("panic-message");
            let _ = el.set_attribute("role", "alert");
            el.set_text_content(Some(&text));
            if let Some(body) = document.body() {
                let _ = body.prepend_with_node_1(&el);
            }
        }
    }));
}
