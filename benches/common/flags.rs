//! A bench's command line: `--flag value`, `--flag=value` and bare flags, in any order.

use std::process::ExitCode;

/// A bench's `main`: exit 2 with the usage when `parse` rejects the command line, else runs
/// it; exit 1 when `run` fails or says a target or a check failed.
pub fn bench_main<A>(
    name: &str,
    usage: &str,
    parse: impl FnOnce() -> Result<A, String>,
    run: impl FnOnce(&A) -> Result<bool, String>,
) -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{name} bench: {msg}\nusage: {usage}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{name} bench: {e}");
            ExitCode::from(1)
        }
    }
}

/// The arguments after the program's name, read one flag at a time.
pub struct Flags {
    args: std::iter::Skip<std::env::Args>,
    /// The flag last returned by `next_flag` and the value written after its `=`.
    flag: String,
    inline: Option<String>,
}

impl Flags {
    pub fn from_env() -> Flags {
        Flags {
            args: std::env::args().skip(1),
            flag: String::new(),
            inline: None,
        }
    }

    /// The next flag (without its `=value`); `--bench`, which cargo bench passes to
    /// harness = false targets, is passed over.
    pub fn next_flag(&mut self) -> Option<String> {
        loop {
            let a = self.args.next()?;
            let (flag, inline) = match a.split_once('=') {
                Some((f, v)) => (f.to_string(), Some(v.to_string())),
                None => (a, None),
            };
            self.inline = inline;
            if flag != "--bench" {
                self.flag.clone_from(&flag);
                return Some(flag);
            }
        }
    }

    /// The current flag's value: what follows its `=`, else the next argument.
    pub fn value(&mut self) -> Result<String, String> {
        self.inline
            .take()
            .or_else(|| self.args.next())
            .ok_or_else(|| format!("{} needs a value", self.flag))
    }

    /// The current flag's value as a whole number of at least `min` (`_` may group digits).
    pub fn number(&mut self, min: u64) -> Result<u64, String> {
        let v = self.value()?.replace('_', "");
        v.parse()
            .ok()
            .filter(|n| *n >= min)
            .ok_or_else(|| format!("{} {v}: not a number of at least {min}", self.flag))
    }
}
