fn main() {
    innovation_atlas::ui::start();
}
