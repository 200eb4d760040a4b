//! A small GitHub Actions runner for the workflow tests: reads a workflow with a real YAML
//! parser (yaml-rust2), and runs the `run:` steps of a job in bash as the runner would — the
//! default shell (`bash -e`, or `bash --noprofile --norc -eo pipefail` for `shell: bash`), the
//! workflow's, job's and step's `env:`, `$GITHUB_PATH`, `$GITHUB_ENV` and `$GITHUB_OUTPUT` —
//! in a workspace folder with its own `$HOME`. `${{ … }}` expressions are looked up in a table
//! the test fills; one it does not know fails the test, so a new expression in a workflow
//! cannot pass unnoticed. `uses:` steps are not run: the tests assert which actions they are.

// the steps run in bash on Linux only; elsewhere the parsing tests run and the runner rests
#![cfg_attr(not(target_os = "linux"), allow(dead_code))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use yaml_rust2::{Yaml, YamlLoader};

/// A parsed workflow file.
pub struct Workflow {
    pub doc: Yaml,
}

impl Workflow {
    pub fn parse(text: &str) -> Workflow {
        let mut docs = YamlLoader::load_from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"));
        assert_eq!(docs.len(), 1, "one YAML document");
        Workflow { doc: docs.remove(0) }
    }

    pub fn read(path: &Path) -> Workflow {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Workflow::parse(&text)
    }

    pub fn job(&self, name: &str) -> &Yaml {
        let job = &self.doc["jobs"][name];
        assert!(job.is_hash(), "no job `{name}`");
        job
    }

    pub fn steps(&self, job: &str) -> Vec<Step> {
        let steps = self.job(job)["steps"]
            .as_vec()
            .unwrap_or_else(|| panic!("job `{job}` has no steps"));
        steps.iter().map(Step::from_yaml).collect()
    }

    /// The workflow's top-level `env:`.
    pub fn env(&self) -> Vec<(String, String)> {
        string_map(&self.doc["env"])
    }
}

/// One step of a job.
#[derive(Debug, Clone)]
pub struct Step {
    pub id: Option<String>,
    pub name: Option<String>,
    pub uses: Option<String>,
    pub run: Option<String>,
    pub shell: Option<String>,
    pub condition: Option<String>,
    pub env: Vec<(String, String)>,
    pub with: Vec<(String, String)>,
}

impl Step {
    fn from_yaml(y: &Yaml) -> Step {
        let text = |key: &str| y[key].as_str().map(str::to_string);
        Step {
            id: text("id"),
            name: text("name"),
            uses: text("uses"),
            run: text("run"),
            shell: text("shell"),
            condition: text("if"),
            env: string_map(&y["env"]),
            with: string_map(&y["with"]),
        }
    }

    /// A `with:` input of a `uses:` step.
    pub fn input(&self, key: &str) -> Option<&str> {
        self.with.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn label(&self) -> String {
        self.name
            .clone()
            .or_else(|| self.uses.clone())
            .or_else(|| self.run.clone())
            .unwrap_or_default()
    }
}

/// A mapping of scalars as strings (`true`, numbers and strings alike).
fn string_map(y: &Yaml) -> Vec<(String, String)> {
    let Some(hash) = y.as_hash() else {
        return Vec::new();
    };
    hash.iter()
        .map(|(k, v)| {
            let value = match v {
                Yaml::String(s) | Yaml::Real(s) => s.clone(),
                Yaml::Integer(i) => i.to_string(),
                Yaml::Boolean(b) => b.to_string(),
                other => panic!("not a scalar: {other:?}"),
            };
            (k.as_str().expect("a string key").to_string(), value)
        })
        .collect()
}

/// Runs steps in a workspace, carrying the environment from step to step as the runner does.
pub struct Runner {
    pub workspace: PathBuf,
    pub home: PathBuf,
    temp: PathBuf,
    /// `${{ … }}` expressions and their values.
    pub expressions: BTreeMap<String, String>,
    /// Workflow and job environment, then what steps wrote to `$GITHUB_ENV`.
    pub env: Vec<(String, String)>,
    /// Folders steps added to `$GITHUB_PATH`, the latest first.
    path: Vec<String>,
}

impl Runner {
    /// A runner for a job in `workspace`, with `$HOME` and `$RUNNER_TEMP` under `scratch`.
    pub fn new(workspace: &Path, scratch: &Path) -> Runner {
        let home = scratch.join("home");
        let temp = scratch.join("runner-temp");
        for dir in [&home, &temp] {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        Runner {
            workspace: workspace.to_path_buf(),
            home,
            temp,
            expressions: BTreeMap::new(),
            env: Vec::new(),
            path: Vec::new(),
        }
    }

    pub fn expression(&mut self, key: &str, value: &str) -> &mut Self {
        self.expressions.insert(key.to_string(), value.to_string());
        self
    }

    /// Sets (or overrides) an environment variable the steps see.
    pub fn set_env(&mut self, key: &str, value: &str) -> &mut Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// `text` with every `${{ … }}` replaced from the table; an unknown one panics.
    pub fn substitute(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("an unclosed ${{") + start;
            let key = rest[start + 3..end].trim();
            let value = self
                .expressions
                .get(key)
                .or_else(|| {
                    key.strip_prefix("env.")
                        .and_then(|k| self.env.iter().rev().find(|(e, _)| e == k).map(|(_, v)| v))
                })
                .unwrap_or_else(|| panic!("the test does not know the expression `${{{{ {key} }}}}`"));
            out.push_str(value);
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Runs one `run:` step; `extra` is more environment for this step only.
    pub fn run(&mut self, step: &Step, extra: &[(&str, &str)]) -> Output {
        let script = self.substitute(step.run.as_deref().expect("a run: step"));
        let files = self.temp.join("files");
        std::fs::create_dir_all(&files).expect("mkdir");
        let [path_file, env_file, output_file] = ["path", "env", "output"].map(|n| files.join(n));
        for f in [&path_file, &env_file, &output_file] {
            std::fs::write(f, "").expect("reset a command file");
        }
        let script_file = self.temp.join("step.sh");
        std::fs::write(&script_file, &script).expect("write the step");
        let mut cmd = Command::new("bash");
        match step.shell.as_deref() {
            None => cmd.arg("-e"),
            Some("bash") => cmd.args(["--noprofile", "--norc", "-eo", "pipefail"]),
            Some(other) => panic!("shell `{other}` is not run by these tests"),
        };
        let base_path = std::env::var("PATH").unwrap_or_default();
        let mut path: Vec<String> = self.path.clone();
        path.push(base_path);
        cmd.arg(&script_file)
            .current_dir(&self.workspace)
            .env("HOME", &self.home)
            .env("RUNNER_TEMP", &self.temp)
            .env("RUNNER_OS", "Linux")
            .env("GITHUB_WORKSPACE", &self.workspace)
            .env("GITHUB_PATH", &path_file)
            .env("GITHUB_ENV", &env_file)
            .env("GITHUB_OUTPUT", &output_file)
            .env("CI", "true")
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH");
        for (k, v) in &self.env {
            cmd.env(k, self.substitute(v));
        }
        for (k, v) in &step.env {
            cmd.env(k, self.substitute(v));
        }
        for (k, v) in extra {
            cmd.env(k, v);
        }
        cmd.env("PATH", path.join(":"));
        let output = cmd.output().expect("run bash");
        let read = |f: &Path| std::fs::read_to_string(f).unwrap_or_default();
        for dir in read(&path_file).lines().filter(|l| !l.is_empty()) {
            self.path.insert(0, dir.to_string());
        }
        for line in read(&env_file).lines() {
            assert!(
                !line.contains("<<"),
                "multi-line GITHUB_ENV values are not emulated: {line}"
            );
            if let Some((k, v)) = line.split_once('=') {
                self.set_env(k, v);
            }
        }
        if let Some(id) = &step.id {
            for line in read(&output_file).lines() {
                if let Some((k, v)) = line.split_once('=') {
                    self.expressions
                        .insert(format!("steps.{id}.outputs.{k}"), v.to_string());
                }
            }
        }
        output
    }
}

/// The text of a step's output, for messages.
pub fn log(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
