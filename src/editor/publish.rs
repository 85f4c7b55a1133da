//! Publishing without a developer: one download laid out as the published folder, holding
//! everything that changes together — `data/initiative.json` and the two pages, `index.html` and
//! `sv.html`, whose content (the directory, the map's countries, "Data as of") is written anew
//! from the draft by the build's own renderer (`static_page::republish`), on the pages published
//! beside the editor. Everything else in the pages stays byte for byte, so the bundle's pages are
//! what `scripts/build.sh` writes for the same data file, and visitors without scripts (and
//! search engines) never read older data than everyone else.

use std::io::Write;

use leptos::prelude::*;

use crate::browser::{fetch_text, save_bytes};
use crate::dataset::Lang;
use crate::static_page::{file_name, republish};

use super::download::{file_to_publish, Downloaded};
use super::state::Editor;
use super::text::t;

/// The bundle's name.
const BUNDLE: &str = "innovation-atlas-publish.zip";

/// Makes the bundle and offers it as a download; refused like the data file while an error
/// remains. When the published pages cannot be read (the editor opened from disk, a page
/// missing), says so: the data file alone can still be downloaded.
pub fn download_for_publishing(editor: Editor) {
    let Some(json) = file_to_publish(editor) else { return };
    let s = t(editor.lang);
    editor.publish_error.set(None);
    editor.status.set(s.making_bundle.into());
    let revision = editor.revision.get_untracked();
    leptos::task::spawn_local(async move {
        match bundle(&json).await {
            Ok(bytes) => {
                save_bytes(BUNDLE, &bytes, "application/zip");
                editor.downloaded.set(Some(Downloaded { revision, bundle: true }));
                editor.status.set(s.downloaded_bundle.into());
            }
            Err(why) => {
                editor.publish_error.set(Some(why));
                editor.status.set(s.bundle_failed.into());
            }
        }
    });
}

/// The zip: the data file and both pages, at their places in the published folder.
async fn bundle(json: &str) -> Result<Vec<u8>, String> {
    crate::world::install(crate::world::generated());
    let mut files = vec![("data/initiative.json".to_string(), json.to_string())];
    for lang in Lang::ALL {
        let name = file_name(lang);
        let published = fetch_text(name).await.map_err(|e| format!("{name}: {}", e.message_for(name, Lang::En)))?;
        files.push((name.to_string(), republish(&published, json, lang)?));
    }
    zip(&files).map_err(|e| format!("{BUNDLE}: {e}"))
}

/// The files as a zip, stored as they are (no time stamps: the same files give the same bytes).
fn zip(files: &[(String, String)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in files {
        writer.start_file(name.as_str(), options)?;
        writer.write_all(text.as_bytes())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Why the bundle could not be made, and that the data file alone still can be downloaded.
#[component]
pub fn PublishProblem() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let s = t(editor.lang);
    view! {
        {move || editor.publish_error.get().map(|why| view! {
            <div class="notice error" role="alert">
                <p>{s.bundle_failed_why}</p>
                <p class="alert-message">{why}</p>
                <button type="button" on:click=move |_| super::download::download(editor)>{s.download}</button>
            </div>
        })}
    }
}
