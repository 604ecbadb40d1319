//! The spanned YAML syntax tree that both readers build — the direct road of
//! [`super::events`] and serde-saphyr in [`super::yaml`] — and that
//! [`super::convert`] turns into the typed SOP. It keeps every key and value
//! with its byte span, and keeps repeated keys, so that both places can be
//! shown.

use crate::diag::Msg;
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

/// The word for a mapping in messages (also what a mapping key wants).
pub const MAPPING: Msg = Msg::fixed("pemetaan (kunci: nilai)", "mapping (key: value)");

impl Node {
    /// Word for the node's type in messages.
    pub fn type_name(&self) -> Msg {
        match self.kind {
            NodeKind::Null => Msg::fixed("kosong", "empty"),
            NodeKind::Scalar(_) => Msg::fixed("teks", "text"),
            NodeKind::Seq(_) => Msg::fixed("daftar", "list"),
            NodeKind::Map(_) => MAPPING,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }
}
