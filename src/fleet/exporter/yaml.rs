//! A YAML document as a tree that knows each node's line, so that a web config's errors can
//! say where (yaml-rust2's own `Yaml` forgets positions).

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// One node and the line it starts on (1 is the first).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    pub line: usize,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// A scalar as written (`true`, `10`, `text`); `~`, `null` and nothing are `Null`.
    Text(String),
    Null,
    List(Vec<Node>),
    /// Keys in the file's order, each with its line.
    Map(Vec<(String, usize, Node)>),
}

impl Node {
    pub(super) fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// Containers being filled, innermost last; a map's key waits for its value.
#[derive(Default)]
struct Builder {
    stack: Vec<(Node, Option<(String, usize)>)>,
    done: Option<Node>,
    error: Option<String>,
}

impl Builder {
    fn push(&mut self, node: Node) {
        let Some((parent, key)) = self.stack.last_mut() else {
            self.done.get_or_insert(node);
            return;
        };
        match &mut parent.value {
            Value::List(items) => items.push(node),
            Value::Map(entries) => match key.take() {
                Some((k, line)) => entries.push((k, line, node)),
                None => match node.value {
                    Value::Text(k) => *key = Some((k, node.line)),
                    Value::Null => *key = Some((String::new(), node.line)),
                    _ => {
                        self.error
                            .get_or_insert(format!("line {}: a key must be plain text", node.line));
                    }
                },
            },
            _ => {}
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let line = mark.line();
        match ev {
            Event::Scalar(text, style, _, _) => {
                let plain = style == yaml_rust2::scanner::TScalarStyle::Plain;
                let value = if plain && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
                {
                    Value::Null
                } else {
                    Value::Text(text)
                };
                self.push(Node { line, value });
            }
            Event::SequenceStart(..) => self.stack.push((
                Node {
                    line,
                    value: Value::List(Vec::new()),
                },
                None,
            )),
            Event::MappingStart(..) => self.stack.push((
                Node {
                    line,
                    value: Value::Map(Vec::new()),
                },
                None,
            )),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((node, _)) = self.stack.pop() {
                    self.push(node);
                }
            }
            Event::Alias(_) => {
                self.error
                    .get_or_insert(format!("line {line}: aliases are not supported"));
            }
            _ => {}
        }
    }
}

/// The first document of `text` (an empty file is `Null`), or why it is not YAML.
pub(super) fn parse(text: &str) -> Result<Node, String> {
    let mut builder = Builder::default();
    Parser::new_from_str(text)
        .load(&mut builder, false)
        .map_err(|e| format!("line {}: {}", e.marker().line(), e.info()))?;
    if let Some(e) = builder.error {
        return Err(e);
    }
    Ok(builder.done.unwrap_or(Node {
        line: 1,
        value: Value::Null,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_lines() {
        let doc = parse("a:\n  b: 1\n  c: [x, y]\nd: ~\n").unwrap();
        let Value::Map(top) = &doc.value else {
            panic!("{doc:?}")
        };
        assert_eq!((top[0].0.as_str(), top[0].1), ("a", 1));
        assert_eq!((top[1].0.as_str(), top[1].1), ("d", 4));
        assert_eq!(top[1].2.value, Value::Null);
        let Value::Map(inner) = &top[0].2.value else {
            panic!()
        };
        assert_eq!((inner[1].0.as_str(), inner[1].1), ("c", 3));
        assert!(matches!(&inner[1].2.value, Value::List(l) if l.len() == 2));
        assert!(parse("a: [1,\n").unwrap_err().starts_with("line "));
        assert_eq!(parse("").unwrap().value, Value::Null);
    }
}
