use plugin_api::{PluginEntry, PluginVTable, ENTRY_SYMBOL};
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

const RTLD_NOW: c_int = 2;

extern "C" {
    fn dlopen(filename: *const c_char, flag: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
}

fn last_dl_error() -> String {
    let message = unsafe { dlerror() };
    if message.is_null() {
        return "unknown error".to_string();
    }
    unsafe { CStr::from_ptr(message) }.to_string_lossy().into_owned()
}

/// Opens `path` and calls its `plugin_entry`. The library is never unloaded:
/// the returned function pointers stay valid for the life of the process.
fn load(path: &Path) -> Result<PluginVTable, String> {
    let c_path = CString::new(path.as_os_str().as_bytes()).map_err(|e| e.to_string())?;
    let handle = unsafe { dlopen(c_path.as_ptr(), RTLD_NOW) };
    if handle.is_null() {
        return Err(last_dl_error());
    }
    let symbol = unsafe { dlsym(handle, ENTRY_SYMBOL.as_ptr().cast()) };
    if symbol.is_null() {
        return Err(last_dl_error());
    }
    let entry: PluginEntry = unsafe { std::mem::transmute(symbol) };
    Ok(unsafe { entry() })
}

fn main() {
    let dir = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => std::env::current_exe()
            .expect("path of the executable")
            .parent()
            .expect("directory of the executable")
            .to_path_buf(),
    };

    let mut plugins = Vec::new();
    for file in ["libplugin_echo.so", "libplugin_counter.so"] {
        let path = dir.join(file);
        match load(&path) {
            Ok(vtable) => plugins.push(vtable),
            Err(error) => eprintln!("host: cannot load {}: {error}", path.display()),
        }
    }
    println!("host: {} plugin(s) loaded from {}", plugins.len(), dir.display());

    for plugin in &plugins {
        // The string belongs to the plugin: read it, never free it.
        let name = unsafe { CStr::from_ptr(plugin.info.name) }.to_string_lossy();
        println!("[{name}] version {}", plugin.info.version);
        (plugin.init)();
    }
    for frame in 0..2 {
        for plugin in &plugins {
            let name = unsafe { CStr::from_ptr((plugin.name)()) }.to_string_lossy();
            println!("[{name}] frame {frame}: update -> {}", (plugin.update)(frame));
        }
    }
}
