use plugin_api::{PluginInfo, PluginVTable};
use std::ffi::c_char;

const NAME: &[u8] = b"echo\0";

extern "C" fn init() {}

extern "C" fn update(frame: u32) -> u32 {
    frame
}

extern "C" fn name() -> *const c_char {
    NAME.as_ptr().cast()
}

#[no_mangle]
pub extern "C" fn plugin_entry() -> PluginVTable {
    PluginVTable {
        info: PluginInfo { name: name(), version: 1 },
        init,
        update,
        name,
    }
}
