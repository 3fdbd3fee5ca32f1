//! Qumulo's URLs as users paste them (the README's table of accepted URLs): each reduced to
//! the base URL, or refused with the URL to write.

use crate::urls::reduced;

reduced! {
    trailing_slash: "smb" "https://{hp}/" => "https://{hp}",
    api_version_path: "smb" "https://{hp}/v1" => "https://{hp}",
    sessions_endpoint: "smb" "https://{hp}/v1/smb/sessions/" => "https://{hp}",
}
