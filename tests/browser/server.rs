//! A small static file server on loopback for the browser tests. It serves `dist/` under any
//! prefix (so the app is always tested from a sub-path) and lets a test replace any file (the
//! dataset, the app's wasm), answer an HTTP error, or never answer, and run a script of its own
//! in a page before the page's scripts (a browser without WebAssembly).

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
    /// Answers with the file as usual, this many milliseconds late.
    Delay(u64),
}

/// Extra response headers: (name, value).
type Headers = Vec<(String, String)>;

#[derive(Clone)]
pub struct Server {
    pub base: String,
    /// (scenario, file) → reply; a file `*.ext` stands for every file ending in `.ext`.
    replies: Arc<Mutex<HashMap<(String, String), DataReply>>>,
    /// Scenario → a script every page of it runs first (served as `__first.js`).
    first_scripts: Arc<Mutex<HashMap<String, String>>>,
    /// Scenarios whose pages are served as a browser without JavaScript shows them.
    scriptless: Arc<Mutex<Vec<String>>>,
    /// Every request's path, for tests that count requests.
    requests: Arc<Mutex<Vec<String>>>,
    headers: Arc<Mutex<HashMap<String, Headers>>>,
    csp_reports: Arc<Mutex<Vec<(String, String)>>>,
}

impl Server {
    pub fn start(dist: PathBuf) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let server = Server {
            base,
            replies: Default::default(),
            first_scripts: Default::default(),
            scriptless: Default::default(),
            requests: Default::default(),
            headers: Default::default(),
            csp_reports: Default::default(),
        };
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
        self.set_reply(scenario, "data/initiative.json", reply);
    }

    /// What the server answers for `file` (or `*.ext`: every file ending so) in a scenario.
    pub fn set_reply(&self, scenario: &str, file: &str, reply: DataReply) {
        self.replies.lock().unwrap().insert((scenario.to_string(), file.to_string()), reply);
    }

    /// `script` runs in each of the scenario's pages before any of the page's own scripts.
    pub fn run_first(&self, scenario: &str, script: &str) {
        self.first_scripts.lock().unwrap().insert(scenario.to_string(), script.to_string());
    }

    /// The scenario's pages come as a browser without JavaScript shows them: no `<script>`,
    /// `<noscript>` content in place. For checks that need scripts of their own (axe-core),
    /// which a browser with JavaScript off will not run.
    pub fn serve_as_without_javascript(&self, scenario: &str) {
        self.scriptless.lock().unwrap().push(scenario.to_string());
    }

    /// The paths requested so far in a scenario (after `/case/NAME/`).
    pub fn requests(&self, scenario: &str) -> Vec<String> {
        let prefix = format!("/case/{scenario}/");
        self.requests.lock().unwrap().iter().filter_map(|p| p.strip_prefix(&prefix).map(String::from)).collect()
    }

    /// Every request's path so far, whatever its scenario.
    pub fn all_requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    fn reply_for(&self, scenario: &str, file: &str) -> Option<DataReply> {
        let replies = self.replies.lock().unwrap();
        replies.get(&(scenario.to_string(), file.to_string())).cloned().or_else(|| {
            let ext = file.rsplit_once('.').map(|(_, e)| format!("*.{e}"))?;
            replies.get(&(scenario.to_string(), ext)).cloned()
        })
    }

    /// The scenario's folder on the other origin: `localhost` instead of `127.0.0.1`, same port
    /// (a different site to the browser), for cross-origin embedding.
    pub fn other_origin_url(&self, scenario: &str) -> String {
        format!("{}/case/{scenario}/", self.base.replace("127.0.0.1", "localhost"))
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
        self.requests.lock().unwrap().push(path.to_string());

        match self.reply_for(&scenario, &rest) {
            Some(DataReply::Body(b)) => return respond(&mut stream, 200, content_type(&rest), &b, &extra),
            Some(DataReply::Status(code)) => return respond(&mut stream, code, "text/plain", b"error", &extra),
            Some(DataReply::Hang) => {
                thread::sleep(Duration::from_secs(120));
                return Ok(());
            }
            Some(DataReply::Delay(ms)) => thread::sleep(Duration::from_millis(ms)),
            None => {}
        }
        let first_script = self.first_scripts.lock().unwrap().get(&scenario).cloned();
        if let Some(script) = &first_script {
            if rest == "__first.js" {
                return respond(&mut stream, 200, "text/javascript", script.as_bytes(), &extra);
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
        // The app's files, else the test's own pages (host pages).
        let Ok(bytes) = std::fs::read(&full).or_else(|_| std::fs::read(Path::new("tests/browser/pages").join(&file))) else {
            return respond(&mut stream, 404, "text/plain", b"not found", &extra);
        };
        if !file.ends_with(".html") {
            return respond(&mut stream, 200, content_type(&file), &bytes, &extra);
        }
        // Host pages name the app on the other origin (localhost) as __APP__.
        let mut html = String::from_utf8_lossy(&bytes).replace("__APP__", &self.other_origin_url(&scenario));
        if self.scriptless.lock().unwrap().contains(&scenario) {
            html = without_scripts(&html);
        } else if first_script.is_some() {
            html = html.replacen("<head>", "<head><script src=\"__first.js\"></script>", 1);
        }
        respond(&mut stream, 200, content_type(&file), html.as_bytes(), &extra)
    }
}

/// The page without its `<script>` elements and with its `<noscript>` content in place.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("</script>").map_or("", |end| &rest[start + end + "</script>".len()..]);
    }
    out.push_str(rest);
    out.replace("<noscript>", "").replace("</noscript>", "")
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
