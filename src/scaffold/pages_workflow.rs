//! The GitHub Pages workflow `prongsai init` writes (`.github/workflows/pages.yml`). prongsai
//! is not on crates.io, so the workflow installs the release of the prongsai that ran `init`:
//! the release binary of its repository (`repository` in Cargo.toml) when the tag has one for
//! the runner, else `cargo install --git <repository> --tag v<version>`. The installed
//! binary is cached per version. It checks the content first (`--format github`, so the
//! problems are annotations on the pull request's lines), then builds and deploys; on a pull
//! request a second job builds a preview artifact and deploys nothing.
//!
//! `tests/integration/workflows.rs` runs the `run:` steps of this file in bash, against the
//! archives `.github/workflows/release.yml` makes and against a local clone of the repository.

/// Where the workflow installs prongsai from: this build's repository and version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// `https://…`, without a trailing `/` or `.git`.
    pub repository: String,
    pub version: String,
}

impl Release {
    /// The repository and version this binary was built from (Cargo.toml).
    pub fn of_this_build() -> Result<Release, String> {
        Release::new(env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_VERSION"))
    }

    /// Checks `repository` and `version`, which end up in YAML and a shell script.
    pub fn new(repository: &str, version: &str) -> Result<Release, String> {
        let repository = repository.trim();
        if repository.is_empty() {
            return Err(
                "prongsai นี้สร้างโดยไม่มี `repository` ใน Cargo.toml จึงเขียน workflow ที่ติดตั้ง prongsai ไม่ได้ \
                 ให้ใส่ repository = \"https://github.com/<owner>/prongsai\" ใน Cargo.toml แล้วสร้าง prongsai ใหม่ \
                 (this prongsai was built without `repository` in Cargo.toml, so the Pages workflow cannot \
                 say where to install prongsai from: set it and build prongsai again)"
                    .to_string(),
            );
        }
        let trimmed = repository.trim_end_matches('/');
        let trimmed = trimmed.strip_suffix(".git").unwrap_or(trimmed);
        let host_and_path = trimmed.strip_prefix("https://").unwrap_or("");
        let safe = |c: char| c.is_ascii_alphanumeric() || "-._~/:@".contains(c);
        if host_and_path.is_empty() || !host_and_path.contains('/') || !host_and_path.chars().all(safe) {
            return Err(format!(
                "`repository` ใน Cargo.toml ต้องเป็นที่อยู่ https ของที่เก็บ git เช่น https://github.com/<owner>/prongsai \
                 แต่เป็น `{repository}` (the repository in Cargo.toml must be an https address of a git \
                 repository such as https://github.com/<owner>/prongsai, not `{repository}`)"
            ));
        }
        if !is_release_version(version) {
            return Err(format!(
                "รุ่น `{version}` ใน Cargo.toml ใช้เป็นแท็ก v<รุ่น> ไม่ได้ ต้องเป็นแบบ 1.2.3 หรือ 1.2.3-rc.1 \
                 (the version `{version}` in Cargo.toml makes no valid release tag v<version>: it must \
                 look like 1.2.3 or 1.2.3-rc.1)"
            ));
        }
        Ok(Release {
            repository: trimmed.to_string(),
            version: version.to_string(),
        })
    }

    /// The git tag of the release: `v` and the version.
    pub fn tag(&self) -> String {
        format!("v{}", self.version)
    }
}

/// `MAJOR.MINOR.PATCH` with an optional `-pre.release` of ASCII letters, digits and `-`;
/// no build metadata (`+…` is not a usable tag in a download address).
fn is_release_version(version: &str) -> bool {
    let (core, pre) = match version.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (version, None),
    };
    let number = |part: &str| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) && (part == "0" || !part.starts_with('0'))
    };
    let parts: Vec<&str> = core.split('.').collect();
    let identifier = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    parts.len() == 3 && parts.iter().all(|p| number(p)) && pre.is_none_or(|pre| pre.split('.').all(identifier))
}

/// The workflow for `release`.
pub fn pages_workflow(release: &Release) -> String {
    let install = INSTALL.trim_end_matches('\n');
    WORKFLOW
        .replace("{install}", install)
        .replace("{repository}", &release.repository)
        .replace("{version}", &release.version)
}

const WORKFLOW: &str = r#"# Publishes the portal on GitHub Pages on every push to main, and builds a preview of every
# pull request (a downloadable artifact; nothing is published). Written by `prongsai init`;
# see the book, chapter "Deploying". Settings -> Pages -> Source: GitHub Actions.
name: pages
on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: pages-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}
env:
  # The prongsai release that builds this portal. For a newer one, change the version: its
  # release binary is downloaded, or it is built from the tag v<version> of the repository.
  PRONGSAI_VERSION: "{version}"
  PRONGSAI_REPOSITORY: "{repository}"
jobs:
  build:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
{install}
      - name: Check the content
        run: prongsai check --format github
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build
        run: prongsai build --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
  preview:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
{install}
      - name: Check the content
        run: prongsai check --format github
      - name: Build a preview
        # links end in index.html: the artifact opens from a folder after unzipping
        run: prongsai build --file-links
      - uses: actions/upload-artifact@v4
        with:
          name: preview
          path: public
"#;

/// The steps that put prongsai on the runner, shared by both jobs.
const INSTALL: &str = r#"      - name: Cache prongsai
        uses: actions/cache@v4
        with:
          path: |
            ~/.prongsai
            ~/.cargo/registry/index
            ~/.cargo/registry/cache
            ~/.cargo/git/db
          key: prongsai-${{ runner.os }}-${{ runner.arch }}-${{ env.PRONGSAI_VERSION }}
          restore-keys: prongsai-${{ runner.os }}-${{ runner.arch }}-
      - name: Install prongsai
        run: |
          bin="$HOME/.prongsai/bin"
          tag="v$PRONGSAI_VERSION"
          echo "$bin" >> "$GITHUB_PATH"
          if [ -x "$bin/prongsai" ] && [ "$("$bin/prongsai" --version)" = "prongsai $PRONGSAI_VERSION" ]; then
            echo "prongsai $PRONGSAI_VERSION from the cache"
            exit 0
          fi
          mkdir -p "$bin"
          case "$(uname -m)" in
            x86_64) target=x86_64-unknown-linux-musl ;;
            aarch64 | arm64) target=aarch64-unknown-linux-musl ;;
            *) target=none ;;
          esac
          name="prongsai-$tag-$target"
          url="$PRONGSAI_REPOSITORY/releases/download/$tag/$name.tar.gz"
          download="$RUNNER_TEMP/prongsai-download"
          mkdir -p "$download"
          if curl -fsSL -o "$download/$name.tar.gz" "$url" && curl -fsSL -o "$download/$name.tar.gz.sha256" "$url.sha256"; then
            (cd "$download" && sha256sum -c "$name.tar.gz.sha256")
            tar -xzf "$download/$name.tar.gz" -C "$bin" --strip-components=1 "$name/prongsai"
            echo "prongsai $PRONGSAI_VERSION: the release binary $url"
          else
            echo "no release binary at $url: building prongsai $tag from source"
            cargo install --git "$PRONGSAI_REPOSITORY" --tag "$tag" --locked --root "$HOME/.prongsai" prongsai
          fi
          "$bin/prongsai" --version
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_build_names_a_release() {
        let release = Release::of_this_build().expect("Cargo.toml sets repository and version");
        assert!(release.repository.starts_with("https://"));
        assert_eq!(release.tag(), format!("v{}", env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn the_workflow_pins_the_release() {
        let release = Release::new("https://github.com/o/prongsai.git/", "1.2.3").expect("valid");
        let text = pages_workflow(&release);
        assert!(text.contains("PRONGSAI_VERSION: \"1.2.3\""), "{text}");
        assert!(
            text.contains("PRONGSAI_REPOSITORY: \"https://github.com/o/prongsai\""),
            "{text}"
        );
        assert!(!text.contains("{install}") && !text.contains("{version}"));
        assert_eq!(text.matches("name: Install prongsai").count(), 2);
    }

    #[test]
    fn a_missing_or_odd_repository_is_an_error() {
        for bad in [
            "",
            "  ",
            "github.com/o/p",
            "http://github.com/o/p",
            "https://github.com",
            "https://x/o p",
            "https://x/o\"p",
        ] {
            let error = Release::new(bad, "1.0.0").expect_err(bad);
            assert!(error.contains("repository"), "{bad}: {error}");
        }
    }

    #[test]
    fn a_version_that_makes_no_tag_is_an_error() {
        for good in ["0.1.0", "1.20.3", "1.0.0-rc.1", "2.0.0-beta-2"] {
            assert!(Release::new("https://github.com/o/p", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "1.0",
            "1.0.0.0",
            "01.0.0",
            "1.0.0+build",
            "1.0.0-",
            "1.0.0-rc..1",
            "1.0.0-ร",
            "v1.0.0",
            "1.0.0 ",
        ] {
            let error = Release::new("https://github.com/o/p", bad).expect_err(bad);
            assert!(error.contains("version"), "{bad}: {error}");
        }
    }
}
