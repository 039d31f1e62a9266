//! A temp dir per test with `OMNI_DB` pointing into it, every other `OMNI_*` variable cleared,
//! and a runner that returns stdout, stderr and the exit code together.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub struct Env {
    pub dir: tempfile::TempDir,
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Asserts exit 0 and no panic, showing stderr when it fails.
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self.no_panic()
    }

    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self.no_panic()
    }

    /// A failure is one `error:` line (bad-row listings come before it as warnings).
    #[track_caller]
    pub fn fails_with(self, code: i32, needle: &str) -> Run {
        let run = self.code(code);
        let last = run.stderr.lines().last().unwrap_or("");
        assert!(
            last.starts_with("error: "),
            "last stderr line is not an error: {:?}",
            run.stderr
        );
        assert!(
            run.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            run.stderr
        );
        run
    }

    /// Asserts that stderr says `needle`, showing stderr when it does not.
    #[track_caller]
    pub fn says(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts that stdout prints `needle` (a command's result rather than a note).
    #[track_caller]
    pub fn prints(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    fn no_panic(self) -> Run {
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        assert!(
            !self.stderr.contains("internal error"),
            "internal error:\n{}",
            self.stderr
        );
        self
    }

    /// CSV stdout as rows of strings, header first.
    pub fn csv(&self) -> Vec<Vec<String>> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(self.stdout.as_bytes());
        rdr.records()
            .map(|r| {
                r.expect("stdout is CSV")
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    }
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("omni.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write file");
        p
    }

    /// Copies a fixture into the temp dir (fixtures are never edited in place).
    pub fn fixture(&self, rel: &str) -> PathBuf {
        let name = Path::new(rel)
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        let dst = self.path(&name);
        std::fs::copy(fixture(rel), &dst).expect("copy fixture");
        dst
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_omni"));
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("OMNI_") {
                cmd.env_remove(&k);
            }
        }
        cmd.env("OMNI_DB", self.db())
            .env("TZ", "UTC")
            .env_remove("NO_COLOR")
            .current_dir(self.dir.path())
            .args(args);
        cmd
    }

    pub fn omni(&self, args: &[&str]) -> Run {
        Run::from(
            self.command(args)
                .stdin(Stdio::null())
                .output()
                .expect("run omni"),
        )
    }

    pub fn omni_stdin(&self, args: &[&str], input: &[u8]) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn omni");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input).expect("write stdin");
        drop(stdin);
        Run::from(child.wait_with_output().expect("wait omni"))
    }

    pub fn spawn(&self, args: &[&str]) -> Child {
        self.command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn omni")
    }

    /// A store with the Madrid zone (so tests do not depend on the machine's zone).
    pub fn init(&self) -> &Env {
        self.omni(&["init", "--timezone", "Europe/Madrid"]).ok();
        self
    }

    /// One value of a one-row, one-column query.
    pub fn scalar(&self, sql: &str) -> String {
        let run = self.omni(&["sql", sql]).ok();
        let rows = run.csv();
        assert_eq!(rows.len(), 2, "expected one row for {sql}: {:?}", rows);
        rows[1][0].clone()
    }

    /// The whole result of a query as CSV text (for before/after comparisons).
    pub fn query(&self, sql: &str) -> String {
        self.omni(&["sql", sql]).ok().stdout
    }
}

pub fn wait_output(child: Child) -> Run {
    Run::from(child.wait_with_output().expect("wait omni"))
}

/// A canonical sales file of `n` lines with one bad row at line `bad_line` (1-based file line).
pub fn sales_lines(n: usize, bad_line: Option<usize>) -> String {
    let mut s =
        String::from("order_id,line_id,channel,ordered_at,sku,quantity,unit_price,currency\n");
    for i in 0..n {
        let line = i + 2;
        let qty = if Some(line) == bad_line {
            "x3".to_string()
        } else {
            ((i % 3) + 1).to_string()
        };
        s.push_str(&format!(
            "O{},{},web,2025-0{}-1{}T10:00:00+01:00,SKU-{},{qty},{}.{:02},EUR\n",
            i / 2,
            i % 2 + 1,
            i % 9 + 1,
            i % 10,
            i % 50,
            10 + i % 40,
            i % 100
        ));
    }
    s
}
