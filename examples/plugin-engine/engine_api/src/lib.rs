//! The contract between the host and its plugins.

/// Per-frame information the host hands to every plugin.
pub struct Frame {
    pub index: u64,
    pub delta_ms: f32,
}

/// A unit of engine functionality provided by a plugin.
pub trait Plugin {
    fn name(&self) -> &'static str;
    fn update(&mut self, frame: &Frame) -> String;
}

/// Shared helper the plugins use to format their reports.
pub fn describe(plugin: &dyn Plugin, detail: &str) -> String {
    format!("[{}] {}", plugin.name(), detail)
}
