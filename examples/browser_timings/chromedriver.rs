//! chromedriver: started on a free port, a headless Chromium session, and Chrome DevTools
//! commands sent past fantoccini.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use crate::Error;

pub(crate) struct Driver {
    process: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Driver {
    pub(crate) fn start() -> Result<Driver, Error> {
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let process = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {program}: {e}"))?;
        let driver = Driver { process, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err(format!("{program} did not listen on port {port}").into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }

    pub(crate) async fn session(&self) -> Result<Client, Error> {
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=en-GB"],
                "prefs": {"intl.accept_languages": "en-GB,en"}
            }
        });
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps.as_object().cloned().unwrap_or_default())
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        Ok(client)
    }

    /// A Chrome DevTools command through chromedriver's `goog/cdp/execute` endpoint
    /// (fantoccini has no call for it; a plain HTTP/1.1 POST on loopback is enough).
    pub(crate) fn cdp(&self, session: &str, cmd: &str, params: Value) -> Result<Value, Error> {
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        write!(
            stream,
            "POST /session/{session}/goog/cdp/execute HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        let (head, payload) = read_http_response(&mut stream)?;
        if !head.starts_with("HTTP/1.1 200") {
            return Err(format!("{cmd}: {head} {payload}").into());
        }
        Ok(serde_json::from_str(&payload).unwrap_or(Value::Null))
    }
}

/// Reads one HTTP/1.1 response (headers, then Content-Length bytes): chromedriver keeps the
/// connection open, so reading to the end would wait for the time-out.
fn read_http_response(stream: &mut TcpStream) -> Result<(String, String), Error> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_string();
            let length = head
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string()))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = stream.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                data.extend_from_slice(&buf[..n]);
            }
            let body = String::from_utf8_lossy(&data[end + 4..]).to_string();
            return Ok((head, body));
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err("chromedriver closed the connection without an answer".into());
        }
        data.extend_from_slice(&buf[..n]);
    }
}
