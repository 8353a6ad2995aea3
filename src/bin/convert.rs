//! `na-convert`: the command-line converter. This file only reads the command line and the files and
//! writes the results; what to write is decided by `news_annotator::domain::files::batch` (see its `USAGE`
//! for the commands). Offsets in what it writes are each format's own (`Format::offsets`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(native::run())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use news_annotator::domain::files::batch::{self, Command, Input, Report, Target, USAGE};
    use news_annotator::domain::model::article::Article;
    use news_annotator::domain::model::time::Timestamp;
    use std::io::Write;
    use std::path::{Path, PathBuf};

    /// Runs the command line and returns the exit status: 0, 1 (an input failed) or 2 (usage).
    pub fn run() -> u8 {
        let mut args = Vec::new();
        for arg in std::env::args_os().skip(1) {
            match arg.into_string() {
                Ok(arg) => args.push(arg),
                Err(arg) => {
                    return usage_error(&format!("{} is not UTF-8", arg.to_string_lossy()));
                }
            }
        }
        let command = match batch::parse_args(&args) {
            Ok(command) => command,
            Err(message) => return usage_error(&message),
        };
        let now = now();
        match command {
            Command::Help => {
                print!("{USAGE}");
                0
            }
            Command::FirstScreen => match batch::first_screen() {
                Ok(html) => {
                    println!("{html}");
                    0
                }
                Err(message) => {
                    eprintln!("na-convert: {message}");
                    1
                }
            },
            Command::Validate {
                articles,
                reading,
                files,
            } => {
                // Files that cannot be read are reported, and the others still checked.
                let (articles, inputs, errors) = read_all(articles, &files);
                for line in &errors {
                    println!("{line}");
                }
                let code = finish(
                    batch::validate(&inputs, &articles, &reading, now),
                    None,
                    &[],
                );
                code.max(u8::from(!errors.is_empty()))
            }
            Command::Convert {
                to,
                options,
                out,
                articles,
                reading,
                files,
            } => with_inputs(articles, &files, |inputs, arts| {
                let dir = PathBuf::from(out.unwrap_or_else(|| ".".into()));
                finish(
                    batch::convert(inputs, arts, &reading, to, options, now),
                    Some(&dir),
                    &files,
                )
            }),
            Command::Class {
                exercise,
                out,
                articles,
                files,
            } => {
                let mut all = vec![exercise];
                all.extend(files);
                with_inputs(articles, &all, |inputs, arts| {
                    let Some((exercise, submissions)) = inputs.split_first() else {
                        return 2;
                    };
                    let dir = PathBuf::from(out.unwrap_or_else(|| ".".into()));
                    finish(batch::class(exercise, submissions, arts), Some(&dir), &all)
                })
            }
            Command::Suggest {
                out,
                articles,
                targets,
            } => suggest(articles, &targets, out, now),
            Command::Score { gold } => match std::fs::read(&gold) {
                Ok(bytes) => finish(batch::score_file(&Input { name: gold, bytes }), None, &[]),
                Err(e) => {
                    println!("error {gold}: cannot be read: {e}");
                    1
                }
            },
            Command::Merge {
                to,
                options,
                out,
                articles,
                reading,
                files,
            } => with_inputs(articles, &files, |inputs, arts| {
                finish(
                    batch::merge(inputs, arts, &reading, to, options, &out, now),
                    None,
                    &[],
                )
            }),
        }
    }

    /// `suggest`: article ids are taken from the articles, anything else is read as a text file; the
    /// JSON goes to `out`, or to stdout with the report on stderr.
    fn suggest(
        articles: Option<String>,
        targets: &[String],
        out: Option<String>,
        now: Timestamp,
    ) -> u8 {
        let (articles, _, mut errors) = read_all(articles, &[]);
        let mut list = Vec::new();
        for name in targets {
            if articles.iter().any(|a| a.id.as_str() == name) {
                list.push(Target::Article(name.clone()));
            } else {
                match std::fs::read(name) {
                    Ok(bytes) => list.push(Target::Text(Input {
                        name: name.clone(),
                        bytes,
                    })),
                    Err(e) => errors.push(format!(
                        "error {name}: is no article id ({}) and cannot be read: {e}",
                        articles
                            .iter()
                            .map(|a| a.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                }
            }
        }
        if !errors.is_empty() {
            for line in &errors {
                eprintln!("{line}");
            }
            return 1;
        }
        let report = batch::suggest(&list, &articles, out.as_deref().unwrap_or("-"), now);
        match out {
            Some(_) => finish(report, None, targets),
            None => {
                for line in &report.lines {
                    eprintln!("{line}");
                }
                for output in &report.outputs {
                    let _ = std::io::stdout().write_all(&output.bytes);
                }
                report.exit_code()
            }
        }
    }

    fn usage_error(message: &str) -> u8 {
        eprintln!("na-convert: {message}\nRun `na-convert --help` for the usage.");
        2
    }

    /// The time now, for formats that date their files or their imported annotations.
    fn now() -> Timestamp {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        Timestamp(i64::try_from(ms).unwrap_or_default())
    }

    /// Reads the articles and the inputs, then runs `then` on them; if any cannot be read, says so
    /// and returns 1 without running `then`.
    fn with_inputs(
        articles: Option<String>,
        files: &[String],
        then: impl FnOnce(&[Input], &[Article]) -> u8,
    ) -> u8 {
        let (articles, inputs, errors) = read_all(articles, files);
        if !errors.is_empty() {
            for line in &errors {
                println!("{line}");
            }
            let files = if errors.len() == 1 { "a file" } else { "files" };
            println!("nothing written: {files} could not be read");
            return 1;
        }
        then(&inputs, &articles)
    }

    /// The articles (bundled, and `DIR/*.txt`), the inputs that could be read, and an `error …` line
    /// for each file that could not.
    fn read_all(
        articles: Option<String>,
        files: &[String],
    ) -> (Vec<Article>, Vec<Input>, Vec<String>) {
        let mut errors = Vec::new();
        let extra = match articles {
            Some(dir) => article_files(Path::new(&dir), &mut errors),
            None => Vec::new(),
        };
        let articles = match batch::articles(&extra) {
            Ok(list) => list,
            Err(lines) => {
                errors.extend(lines);
                Vec::new()
            }
        };
        let mut inputs = Vec::new();
        for name in files {
            match std::fs::read(name) {
                Ok(bytes) => inputs.push(Input {
                    name: name.clone(),
                    bytes,
                }),
                Err(e) => errors.push(format!("error {name}: cannot be read: {e}")),
            }
        }
        (articles, inputs, errors)
    }

    /// Every `*.txt` file in `dir`, by name.
    fn article_files(dir: &Path, errors: &mut Vec<String>) -> Vec<Input> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(format!("error {}: cannot be read: {e}", dir.display()));
                return Vec::new();
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
            .collect();
        paths.sort();
        let mut files = Vec::new();
        for path in paths {
            let name = path.display().to_string();
            match std::fs::read(&path) {
                Ok(bytes) => files.push(Input { name, bytes }),
                Err(e) => errors.push(format!("error {name}: cannot be read: {e}")),
            }
        }
        files
    }

    /// Prints the report and writes its outputs (into `dir` when given), unless one would overwrite
    /// one of `inputs`; returns the exit status.
    fn finish(report: Report, dir: Option<&Path>, inputs: &[String]) -> u8 {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for line in &report.lines {
            // A closed pipe (`| head`) is no reason to stop writing the files.
            let _ = writeln!(out, "{line}");
        }
        let path_of = |name: &str| match dir {
            Some(dir) => dir.join(name),
            None => PathBuf::from(name),
        };
        let inputs: Vec<PathBuf> = inputs
            .iter()
            .filter_map(|i| std::fs::canonicalize(i).ok())
            .collect();
        let clash = report
            .outputs
            .iter()
            .map(|o| path_of(&o.name))
            .find(|p| std::fs::canonicalize(p).is_ok_and(|p| inputs.contains(&p)));
        if let Some(path) = clash {
            let _ = writeln!(
                out,
                "error {}: the output would overwrite this input; choose another --out\n\
                 nothing written",
                path.display()
            );
            return 1;
        }
        if let Some(dir) = dir.filter(|_| !report.outputs.is_empty()) {
            if let Err(e) = std::fs::create_dir_all(dir) {
                let _ = writeln!(out, "error {}: cannot be made: {e}", dir.display());
                return 1;
            }
        }
        let mut code = report.exit_code();
        for output in &report.outputs {
            let path = path_of(&output.name);
            if let Err(e) = std::fs::write(&path, &output.bytes) {
                let _ = writeln!(out, "error {}: cannot be written: {e}", path.display());
                code = 1;
            }
        }
        code
    }
}
