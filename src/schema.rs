//! The JSON Schema of the SOP language (draft-07), generated from the model.

/// The schema as pretty JSON, with a trailing newline.
pub fn sop_schema_json() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<crate::model::Sop>();
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    s.push('\n');
    s
}
