//! Stage timings of a build or rebuild, printed to stderr when `PRONGSAI_TIMINGS` is set.
//! The benchmarks read them; they cost nothing when the variable is unset.
//!
//! Each stage reports its wall time, the cores it kept busy on average (process CPU time
//! over wall time: a stage well under the machine's core count has serial work worth
//! overlapping) and the resident memory at its end.

use std::time::Instant;

/// One finished stage.
struct Lap {
    name: &'static str,
    wall_ms: f64,
    cores: f64,
    resident_mb: u64,
}

/// Stage timings, printed when `PRONGSAI_TIMINGS` is set (for the benchmarks).
pub struct Stages {
    on: bool,
    last: Instant,
    last_cpu_ms: f64,
    laps: Vec<Lap>,
}

impl Stages {
    pub fn start() -> Stages {
        let on = std::env::var_os("PRONGSAI_TIMINGS").is_some();
        Stages {
            on,
            last: Instant::now(),
            last_cpu_ms: if on { cpu_ms() } else { 0.0 },
            laps: Vec::new(),
        }
    }

    pub fn lap(&mut self, name: &'static str) {
        if self.on {
            let wall_ms = self.last.elapsed().as_secs_f64() * 1000.0;
            let cpu = cpu_ms();
            self.laps.push(Lap {
                name,
                wall_ms,
                cores: if wall_ms > 0.0 {
                    (cpu - self.last_cpu_ms) / wall_ms
                } else {
                    0.0
                },
                resident_mb: resident_mb(),
            });
            self.last_cpu_ms = cpu;
            self.last = Instant::now();
        }
    }

    pub fn report(&self) {
        if self.on {
            let parts: Vec<String> = self
                .laps
                .iter()
                .map(|l| {
                    format!(
                        "{} {:.1} ms ({:.2} cores, {} MB)",
                        l.name, l.wall_ms, l.cores, l.resident_mb
                    )
                })
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

/// User plus system CPU time of this process so far, in milliseconds (0 where unknown).
#[cfg(unix)]
fn cpu_ms() -> f64 {
    // SAFETY: getrusage only writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0 {
            return 0.0;
        }
        usage
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

#[cfg(not(unix))]
fn cpu_ms() -> f64 {
    0.0
}
