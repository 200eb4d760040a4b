//! Stage timings of a build or rebuild, printed to stderr when `PRONGSAI_TIMINGS` is set.
//! The benchmarks read them; they cost nothing when the variable is unset.

/// Stage timings, printed when `PRONGSAI_TIMINGS` is set (for the benchmarks).
pub struct Stages {
    on: bool,
    last: std::time::Instant,
    laps: Vec<(&'static str, f64, u64)>,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            on: std::env::var_os("PRONGSAI_TIMINGS").is_some(),
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }
    pub fn lap(&mut self, name: &'static str) {
        if self.on {
            self.laps
                .push((name, self.last.elapsed().as_secs_f64() * 1000.0, resident_mb()));
            self.last = std::time::Instant::now();
        }
    }
    pub fn report(&self) {
        if self.on {
            let parts: Vec<String> = self
                .laps
                .iter()
                .map(|(n, ms, mb)| format!("{n} {ms:.1} ms ({mb} MB)"))
                .collect();
            eprintln!("timings: {}", parts.join(", "));
        }
    }
}

/// The resident set size of this process in MB, from `/proc/self/status` (0 elsewhere).
fn resident_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
