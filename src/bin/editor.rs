//! The web editor's bundle (`editor.html`): see `innovation_atlas::editor`.

fn main() {
    innovation_atlas::editor::start();
}
