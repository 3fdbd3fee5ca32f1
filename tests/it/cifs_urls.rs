//! ONTAP's URLs as users paste them (the README's table of accepted URLs): each reduced to
//! the base URL, or refused with the URL to write.

use crate::urls::reduced;

reduced! {
    trailing_slash: "cifs" "https://{hp}/" => "https://{hp}",
    api_path: "cifs" "https://{hp}/api" => "https://{hp}",
    sessions_endpoint: "cifs" "https://{hp}/api/protocols/cifs/sessions" => "https://{hp}",
    system_manager: "cifs" "https://{hp}/sysmgr/v4/" => "https://{hp}",
}
