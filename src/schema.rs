//! The JSON Schema of the SOP language (draft-07), generated from the model.

/// The schema as pretty JSON, with a trailing newline.
pub fn sop_schema_json() -> String {
    pretty(&sop_schema())
}

/// The schema of a defaults file (`_default.yaml`): the same keys, none of
/// them required, since a defaults file supplies only some of them.
pub fn bawaan_schema_json() -> String {
    let mut schema = sop_schema();
    drop_required(&mut schema);
    if let Some(o) = schema.as_object_mut() {
        o.insert("title".into(), "SOP (berkas bawaan _default.yaml)".into());
    }
    pretty(&schema)
}

fn sop_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator
        .into_root_schema_for::<crate::model::Sop>()
        .to_value()
}

fn drop_required(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            o.remove("required");
            o.values_mut().for_each(drop_required);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(drop_required),
        _ => {}
    }
}

fn pretty(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("a schema always serialises");
    s.push('\n');
    s
}
