//! A small static file server on loopback for the browser tests. It serves `dist/` under any
//! prefix (so the app is always tested from a sub-path) and lets a test replace the dataset,
//! answer an HTTP error, or never answer.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server answers for a scenario's `data/initiative.json`.
#[derive(Clone, Debug)]
pub enum DataReply {
    Body(Vec<u8>),
    Status(u16),
    /// Accepts the request and never answers (until the test ends).
    Hang,
}

#[derive(Clone)]
pub struct Server {
    pub base: String,
    replies: Arc<Mutex<HashMap<String, DataReply>>>,
    headers: Arc<Mutex<HashMap<String, Vec<(String, String)>>>>,
    csp_reports: Arc<Mutex<Vec<(String, String)>>>,
}

impl Server {
    pub fn start(dist: PathBuf) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let server = Server { base, replies: Default::default(), headers: Default::default(), csp_reports: Default::default() };
        let shared = server.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dist, s) = (dist.clone(), shared.clone());
                thread::spawn(move || {
                    let _ = s.handle(stream, &dist);
                });
            }
        });
        server
    }

    /// The app's address for a scenario: each scenario gets its own sub-path.
    pub fn url(&self, scenario: &str, query: &str) -> String {
        format!("{}/case/{scenario}/{query}", self.base)
    }

    pub fn set_data(&self, scenario: &str, reply: DataReply) {
        self.replies.lock().unwrap().insert(scenario.to_string(), reply);
    }

    /// Extra response headers for every file of a scenario (e.g. a Content-Security-Policy).
    pub fn set_headers(&self, scenario: &str, headers: &[(&str, &str)]) {
        let h = headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        self.headers.lock().unwrap().insert(scenario.to_string(), h);
    }

    /// Content-Security-Policy violation reports the browser sent for a scenario.
    pub fn csp_reports(&self, scenario: &str) -> Vec<String> {
        self.csp_reports.lock().unwrap().iter().filter(|(s, _)| s == scenario).map(|(_, r)| r.clone()).collect()
    }

    fn handle(&self, mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        let mut content_length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 || line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                content_length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; content_length];
        reader.read_exact(&mut body)?;
        let target = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let (scenario, rest) = split_scenario(path);
        let extra = self.headers.lock().unwrap().get(&scenario).cloned().unwrap_or_default();

        if rest == "data/initiative.json" {
            let reply = self.replies.lock().unwrap().get(&scenario).cloned();
            match reply {
                Some(DataReply::Body(b)) => return respond(&mut stream, 200, "application/json", &b, &extra),
                Some(DataReply::Status(code)) => return respond(&mut stream, code, "text/plain", b"error", &extra),
                Some(DataReply::Hang) => {
                    thread::sleep(Duration::from_secs(120));
                    return Ok(());
                }
                None => {}
            }
        }
        if rest == "__csp-report" {
            self.csp_reports.lock().unwrap().push((scenario, String::from_utf8_lossy(&body).into_owned()));
            return respond(&mut stream, 204, "text/plain", b"", &[]);
        }
        let file = if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.clone() };
        if file.contains("..") {
            return respond(&mut stream, 400, "text/plain", b"bad path", &extra);
        }
        let full = dist.join(&file);
        match std::fs::read(&full) {
            Ok(bytes) => respond(&mut stream, 200, content_type(&file), &bytes, &extra),
            Err(_) => match std::fs::read(Path::new("tests/browser/pages").join(&file)) {
                Ok(bytes) => respond(&mut stream, 200, content_type(&file), &bytes, &extra),
                Err(_) => respond(&mut stream, 404, "text/plain", b"not found", &extra),
            },
        }
    }
}

/// `/case/NAME/rest` → ("NAME", "rest"); anything else is the scenario "" at the root.
fn split_scenario(path: &str) -> (String, String) {
    let trimmed = path.trim_start_matches('/');
    if let Some(after) = trimmed.strip_prefix("case/") {
        let (name, rest) = after.split_once('/').unwrap_or((after, ""));
        return (name.to_string(), rest.to_string());
    }
    (String::new(), trimmed.to_string())
}

fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, status: u16, kind: &str, body: &[u8], extra: &[(String, String)]) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}
