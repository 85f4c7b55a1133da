//! The README's first command, run as a newcomer runs it: `scripts/run.sh` builds the app and
//! serves it on http://127.0.0.1:8080; the page it serves shows the map and the nine priority
//! countries in Chromium. The server it started is stopped by its process id (the whole
//! process group: while building, run.sh has children). Runs once, beside the engines' scenarios.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::check;
use crate::driver::{Driver, Engine};
use crate::page::TestResult;

pub const NAME: &str = "the_readme_run_command_serves_the_app";
const ADDRESS: &str = "127.0.0.1:8080";
const LOG: &str = "target/run-command.log";
/// A fresh machine installs its tools first (about 15 minutes); CI has them already.
const LIMIT: Duration = Duration::from_secs(30 * 60);

/// The run command's process group, stopped when dropped, whatever happened.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{pid}")]).status();
        let _ = self.0.wait();
    }
}

pub async fn check_run_command(driver: &Driver) -> TestResult {
    check!(status_of(ADDRESS).is_none(), "something already answers on {ADDRESS}: stop it, then run the tests");
    let log = std::fs::File::create(LOG)?;
    // As a newcomer runs it: building in the checkout's own target/, whichever folder the tests
    // were built in.
    let child = Command::new("scripts/run.sh")
        .env_remove("CARGO_TARGET_DIR")
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .process_group(0)
        .spawn()
        .map_err(|e| format!("could not start scripts/run.sh: {e}"))?;
    let mut running = Running(child);
    let started = Instant::now();
    loop {
        if status_of(ADDRESS) == Some(200) {
            break;
        }
        if let Some(exit) = running.0.try_wait()? {
            return Err(format!("scripts/run.sh ended ({exit}) without serving; the end of {LOG}:\n{}", log_tail()).into());
        }
        check!(started.elapsed() < LIMIT, "nothing answered on {ADDRESS} within {} s; see {LOG}", LIMIT.as_secs());
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    println!("      scripts/run.sh answered on http://{ADDRESS}/ after {:.1} s", started.elapsed().as_secs_f64());

    let client = driver.session(Engine::Chromium, true).await?;
    let result = async {
        client.goto(&format!("http://{ADDRESS}/")).await?;
        let deadline = Instant::now() + Duration::from_secs(20);
        let names = loop {
            let names = client
                .execute("return document.querySelectorAll('.map [role=button]').length === 9 ? [...document.querySelectorAll('.entry.country h3')].map(h => h.textContent) : []", vec![])
                .await?;
            let names: Vec<String> = names.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect();
            if names.len() == 9 || Instant::now() > deadline {
                break names;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        for country in ["Brazil", "China", "France", "Germany", "India", "Israel", "Japan", "South Korea", "United States"] {
            check!(names.iter().any(|n| n == country), "the served page lacks {country}: {names:?}");
        }
        std::fs::create_dir_all("target/screenshots")?;
        std::fs::write("target/screenshots/run-command.png", client.screenshot().await?)?;
        TestResult::Ok(())
    }
    .await;
    let _ = client.close().await;
    result?;
    drop(running);
    check!(status_of(ADDRESS).is_none(), "the server on {ADDRESS} still answers after it was stopped");
    Ok(())
}

/// The HTTP status `GET /` gets from `address`, or None when nothing answers.
fn status_of(address: &str) -> Option<u16> {
    let mut stream = TcpStream::connect_timeout(&address.parse().ok()?, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream.write_all(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

fn log_tail() -> String {
    let text = std::fs::read_to_string(LOG).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}
