use engine_api::{describe, Frame, Plugin};

struct Renderer {
    draw_calls: u32,
}

impl Plugin for Renderer {
    fn name(&self) -> &'static str {
        "render"
    }

    fn update(&mut self, frame: &Frame) -> String {
        self.draw_calls += 3;
        let fps = 1000.0 / frame.delta_ms;
        describe(self, &format!("frame {}: {} draw calls, {:.0} fps", frame.index, self.draw_calls, fps))
    }
}

/// Entry point the host calls to obtain this plugin.
pub fn create() -> Box<dyn Plugin> {
    Box::new(Renderer { draw_calls: 0 })
}
