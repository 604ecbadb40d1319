//! The JSON Schema of the SOP language (draft-07), generated from the model.

/// The schema as pretty JSON, with a trailing newline.
pub fn sop_schema_json() -> String {
    pretty(&sop_schema())
}

/// The schema of a defaults file (`_default.yaml`): the same keys, none of
/// them required, since a defaults file supplies only some of them.
pub fn bawaan_schema_json() -> String {
    let mut schema = sop_schema();
    if let Some(o) = schema.as_object_mut() {
        o.values_mut().for_each(drop_required);
        o.remove("required");
        o.insert("title".into(), "SOP (berkas bawaan _default.yaml)".into());
    }
    pretty(&schema)
}

fn sop_schema() -> schemars::Schema {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator.into_root_schema_for::<crate::model::Sop>()
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

/// Serialises through [`schemars::Schema`], which puts `$schema`, `title`,
/// `description` and `type` first, as editors show them.
fn pretty(v: &schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("a schema always serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_defaults_schema_has_the_same_keys_and_none_required() {
        let sop: serde_json::Value = serde_json::from_str(&super::sop_schema_json()).unwrap();
        let bawaan: serde_json::Value = serde_json::from_str(&super::bawaan_schema_json()).unwrap();
        assert_eq!(sop["properties"].as_object().unwrap().len(), 16);
        assert_eq!(
            sop["properties"]
                .as_object()
                .map(|o| o.keys().collect::<Vec<_>>()),
            bawaan["properties"]
                .as_object()
                .map(|o| o.keys().collect::<Vec<_>>())
        );
        assert!(sop.to_string().contains("\"required\""));
        assert!(!bawaan.to_string().contains("\"required\""));
    }
}
