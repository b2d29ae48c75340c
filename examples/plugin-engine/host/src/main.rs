use engine_api::{Frame, Plugin};

fn load_plugins() -> Vec<Box<dyn Plugin>> {
    let mut plugins: Vec<Box<dyn Plugin>> = Vec::new();
    #[cfg(feature = "audio")]
    plugins.push(plugin_audio::create());
    #[cfg(feature = "render")]
    plugins.push(plugin_render::create());
    plugins
}

fn main() {
    let mut plugins = load_plugins();
    println!("host: {} plugin(s) loaded", plugins.len());
    for index in 0..2 {
        let frame = Frame { index, delta_ms: 16.0 };
        for plugin in plugins.iter_mut() {
            println!("{}", plugin.update(&frame));
        }
    }
}
