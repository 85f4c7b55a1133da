//! A deployer's build for a sub-path, as Trunk users make it: `trunk build --release
//! --public-url /tools/innovation-atlas/`. Served under that path (and nowhere else), the page
//! starts the app and opens a country from its address; every file it asks for is under the
//! path. Runs once, in Chromium, beside the engines' scenarios.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::check;
use crate::driver::{Driver, Engine};
use crate::page::TestResult;
use crate::server::Server;

pub const NAME: &str = "a_build_for_a_sub_path_opens_a_country_from_the_address";
const PUBLIC_URL: &str = "/tools/innovation-atlas/";
const SITE: &str = "target/sub-path-site";
const LOG: &str = "target/sub-path-build.log";

/// Builds the app with `--public-url` into `SITE` + the path (the same cargo build as
/// `scripts/build.sh`'s, so only Trunk's steps run again).
fn build() -> TestResult {
    let out = Path::new(SITE).join(PUBLIC_URL.trim_matches('/'));
    let _ = std::fs::remove_dir_all(SITE);
    let log = std::fs::File::create(LOG)?;
    let status = Command::new("trunk")
        .env_remove("CARGO_TARGET_DIR")
        .args(["build", "--release", "--offline", "--public-url", PUBLIC_URL, "--dist"])
        .arg(&out)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .status()
        .map_err(|e| format!("could not run trunk (scripts/setup.sh build installs it): {e}"))?;
    let tail: String = std::fs::read_to_string(LOG).unwrap_or_default().lines().rev().take(15).collect::<Vec<_>>().join("\n");
    check!(status.success(), "trunk build --public-url {PUBLIC_URL} failed ({status}); the end of {LOG}, last line first:\n{tail}");
    Ok(())
}

pub async fn check_sub_path_build(driver: &Driver) -> TestResult {
    build()?;
    let server = Server::start(SITE.into());
    let client = driver.session(Engine::Chromium, true).await?;
    let result = async {
        client.goto(&format!("{}{PUBLIC_URL}?country=JP", server.base)).await?;
        let deadline = Instant::now() + Duration::from_secs(20);
        let heading = loop {
            let heading = client
                .execute(
                    "const h = document.querySelector('.details:not([hidden]) h2');
                     return document.documentElement.classList.contains('app-started') && h ? h.textContent : ''",
                    vec![],
                )
                .await?;
            let heading = heading.as_str().unwrap_or_default().to_string();
            if !heading.is_empty() || Instant::now() > deadline {
                break heading;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        check!(heading.contains("Japan"), "the app under {PUBLIC_URL} did not open Japan from the address (heading {heading:?})");
        let outside: Vec<String> = server.all_requests().into_iter().filter(|p| !p.starts_with(PUBLIC_URL)).collect();
        check!(outside.is_empty(), "the page asked for files outside {PUBLIC_URL}: {outside:?}");
        let scripts = client.execute("return [...document.scripts].map(s => s.getAttribute('src'))", vec![]).await?;
        let scripts: Vec<&str> = scripts.as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        check!(
            scripts.iter().any(|s| s.starts_with(PUBLIC_URL) && s.contains("loader-")),
            "the start-up script is under the path: {scripts:?}"
        );
        TestResult::Ok(())
    }
    .await;
    let _ = client.close().await;
    result
}
