//! The `prongsai` binary: parse the command line, run the command, set the exit code
//! (0 success, 1 content errors or failed build, 2 usage).

use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::{CatalogCommand, Cli, Command};
use prongsai::commands;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let Some(command) = cli.command else {
        return ExitCode::from(commands::welcome::run(&cli.root));
    };
    let code = match command {
        Command::Build(args) => commands::build::run(
            &cli.root,
            commands::build::Args {
                output_dir: args.output_dir,
                base_url: args.base_url,
                drafts: args.drafts,
                force: args.force,
                file_links: args.file_links,
            },
        ),
        Command::Serve(args) => prongsai::serve::run(
            &cli.root,
            &prongsai::serve::Args {
                port: args.port,
                bind: args.bind,
                poll: args.poll,
                open: args.open,
                drafts: args.drafts,
            },
        ),
        Command::Check(args) => commands::check::run(
            &cli.root,
            args.drafts,
            args.deny == Some(cli::Deny::Warnings),
            match args.format {
                cli::Format::Human => commands::Format::Human,
                cli::Format::Short => commands::Format::Short,
                cli::Format::Json => commands::Format::Json,
                cli::Format::Github => commands::Format::Github,
            },
        ),
        Command::Init(args) => commands::init::run(&args.path, args.name.as_deref(), args.year),
        Command::Import(args) => commands::import::run(
            &cli.root,
            commands::import::Args {
                file: args.file,
                year: args.year,
                round: args.round,
                into: args.into,
                table: args.table,
                dry_run: args.dry_run,
                force: args.force,
            },
        ),
        Command::Catalog(sub) => match sub {
            CatalogCommand::List { year } => commands::catalog::list(&cli.root, year),
            CatalogCommand::Diff { from, to } => commands::catalog::diff(&cli.root, from, to),
            CatalogCommand::Import { file, year, force } => commands::catalog::import(&cli.root, &file, year, force),
            CatalogCommand::Migrate { from, to, year, apply } => {
                commands::catalog::migrate::run(&cli.root, from, to, year, apply)
            }
        },
    };
    ExitCode::from(code)
}

/// mimalloc instead of the system allocator: a build allocates millions of small strings and
/// template values on every core (see Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
