//! Opal's URLs as users paste them (the README's table of accepted URLs): each reduced to
//! the base URL, or refused with the URL to write.

use crate::common::Sim;
use crate::urls::{reduced, refused};

reduced! {
    host_alone: "opal" "https://{hp}" => "https://{hp}/v1",
    trailing_slash: "opal" "https://{hp}/v1/" => "https://{hp}/v1",
    sessions_endpoint: "opal" "https://{hp}/v1/sessions" => "https://{hp}/v1",
}

#[test]
fn opal_web_app_is_refused() {
    refused(
        &Sim::with_sessions(3, 1),
        "opal",
        "https://app.opal.dev/",
        "https://api.opal.dev/v1",
    );
}
