//! A session's key, `NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID`, as `show` and `close`
//! take it. See docs/vendors/ontap.md.

use crate::transport::http;

/// ONTAP's collection of CIFS sessions; a key names one of its members.
pub(crate) const COLLECTION: &str = "/api/protocols/cifs/sessions";

/// A session's key: `node.uuid/svm.uuid/identifier/connection_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SessionKey {
    pub node_uuid: String,
    pub svm_uuid: String,
    pub identifier: u64,
    pub connection_id: u32,
}

impl std::str::FromStr for SessionKey {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let parts: Vec<&str> = s.split('/').collect();
        let [node, svm, id, conn] = parts.as_slice() else {
            return Err(format!(
                "a key has 4 parts joined by /, not {}",
                parts.len()
            ));
        };
        if node.is_empty() || svm.is_empty() {
            return Err("the node and SVM UUIDs are required".to_string());
        }
        Ok(SessionKey {
            node_uuid: node.to_string(),
            svm_uuid: svm.to_string(),
            identifier: id
                .parse()
                .map_err(|_| format!("identifier '{id}' is not an unsigned 64-bit number"))?,
            connection_id: conn
                .parse()
                .map_err(|_| format!("connection id '{conn}' is not an unsigned 32-bit number"))?,
        })
    }
}

impl std::fmt::Display for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{}/{}/{}",
            self.node_uuid, self.svm_uuid, self.identifier, self.connection_id
        )
    }
}

impl SessionKey {
    pub(super) fn path(&self) -> String {
        let seg = http::encode;
        format!(
            "{COLLECTION}/{}/{}/{}/{}",
            seg(&self.node_uuid),
            seg(&self.svm_uuid),
            self.identifier,
            self.connection_id
        )
    }

    /// Filters that list what a close with this key would end: ONTAP treats identifier 0
    /// (and connection id 0) as "all" (see the API note).
    pub(super) fn as_filters(&self) -> Vec<(String, String)> {
        let mut f = vec![
            ("node.uuid".to_string(), self.node_uuid.clone()),
            ("svm.uuid".to_string(), self.svm_uuid.clone()),
        ];
        if self.identifier != 0 {
            f.push(("identifier".to_string(), self.identifier.to_string()));
        }
        if self.connection_id != 0 {
            f.push(("connection_id".to_string(), self.connection_id.to_string()));
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse() {
        let k: SessionKey = "n/s/10878444899913433090/3151272279".parse().unwrap();
        assert_eq!(k.identifier, 10878444899913433090);
        assert!("n/s/x/1".parse::<SessionKey>().is_err());
        assert!("n/s/1/4294967296".parse::<SessionKey>().is_err());
    }

    mod properties {
        use super::super::SessionKey;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// What the `key` column prints is what `show` and `close` read back.
            #[test]
            fn keys_round_trip(
                node in "[0-9a-f-]{1,36}", svm in "[0-9a-f-]{1,36}",
                identifier in any::<u64>(), connection_id in any::<u32>(),
            ) {
                let key = SessionKey { node_uuid: node, svm_uuid: svm, identifier, connection_id };
                prop_assert_eq!(key.to_string().parse::<SessionKey>(), Ok(key));
            }

            /// Any argument is a key or a message, never a panic.
            #[test]
            fn any_argument_parses_or_is_refused(text in "\\PC{0,60}") {
                let _ = text.parse::<SessionKey>();
            }
        }
    }
}
