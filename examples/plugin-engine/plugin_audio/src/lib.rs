use engine_api::{describe, Frame, Plugin};

struct AudioMixer {
    samples_mixed: u64,
}

impl Plugin for AudioMixer {
    fn name(&self) -> &'static str {
        "audio"
    }

    fn update(&mut self, frame: &Frame) -> String {
        // 48 kHz output: mix the samples that fall into this frame.
        self.samples_mixed += (48.0 * frame.delta_ms) as u64;
        describe(self, &format!("frame {}: {} samples mixed", frame.index, self.samples_mixed))
    }
}

/// Entry point the host calls to obtain this plugin.
pub fn create() -> Box<dyn Plugin> {
    Box::new(AudioMixer { samples_mixed: 0 })
}
