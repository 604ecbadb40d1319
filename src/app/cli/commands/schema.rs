//! `sopc schema`: the JSON Schema of the SOP language, or of `_default.yaml`.

use crate::app::cli::{Error, args::SchemaArgs};
use crate::model::schema;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: SchemaArgs) -> Result<ExitCode, Error> {
    let json = if args.bawaan {
        schema::bawaan_schema_json()
    } else {
        schema::sop_schema_json()
    };
    std::io::stdout().lock().write_all(json.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
