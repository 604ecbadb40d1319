//! The spanned YAML syntax tree that both readers build — the direct road of
//! [`super::events`] and serde-saphyr in [`super::yaml`] — and that
//! [`super::convert`] turns into the typed SOP. It keeps every key and value
//! with its byte span, and keeps repeated keys, so that both places can be
//! shown.

use crate::source::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Null,
    /// A scalar as written. `plain` is false for quoted and block scalars.
    Scalar(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Span,
}

impl Node {
    /// Word for the node's type in messages: (Indonesian, English).
    pub fn type_name(&self) -> (&'static str, &'static str) {
        match self.kind {
            NodeKind::Null => ("kosong", "empty"),
            NodeKind::Scalar(_) => ("teks", "text"),
            NodeKind::Seq(_) => ("daftar", "list"),
            NodeKind::Map(_) => ("pemetaan (kunci: nilai)", "mapping (key: value)"),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }
}
