//! The only contract between the host and its plugins. Everything here is
//! `#[repr(C)]` or `extern "C"`: no Rust types with unstable layout, no
//! ownership crossing the boundary.
use std::ffi::c_char;

/// Static description of a plugin. `name` points to a NUL-terminated string
/// owned by the plugin; the host only reads it and never frees it.
#[repr(C)]
pub struct PluginInfo {
    pub name: *const c_char,
    pub version: u32,
}

/// The functions a plugin exposes, returned by value from `plugin_entry`.
#[repr(C)]
pub struct PluginVTable {
    pub info: PluginInfo,
    pub init: extern "C" fn(),
    pub update: extern "C" fn(frame: u32) -> u32,
    pub name: extern "C" fn() -> *const c_char,
}

/// Name of the symbol every plugin exports (NUL-terminated for `dlsym`).
pub const ENTRY_SYMBOL: &[u8] = b"plugin_entry\0";

/// Type of the exported `plugin_entry` symbol.
pub type PluginEntry = unsafe extern "C" fn() -> PluginVTable;
