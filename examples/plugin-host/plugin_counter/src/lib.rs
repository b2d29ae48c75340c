use plugin_api::{PluginInfo, PluginVTable};
use std::ffi::c_char;
use std::sync::atomic::{AtomicU32, Ordering};

const NAME: &[u8] = b"counter\0";

/// Lives in this cdylib only: the host and other plugins have their own statics.
static CALLS: AtomicU32 = AtomicU32::new(0);

extern "C" fn init() {
    CALLS.store(100, Ordering::SeqCst);
}

extern "C" fn update(_frame: u32) -> u32 {
    CALLS.fetch_add(1, Ordering::SeqCst) + 1
}

extern "C" fn name() -> *const c_char {
    NAME.as_ptr().cast()
}

#[no_mangle]
pub extern "C" fn plugin_entry() -> PluginVTable {
    PluginVTable {
        info: PluginInfo { name: name(), version: 2 },
        init,
        update,
        name,
    }
}
