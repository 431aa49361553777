use precis::analysis::words::CountingOptions;
use precis::analysis::{Settings, SourceAnalysis};
fn main() {
    let source = include_str!("../assets/passages/12-price-of-power.md").to_string();
    let precis = include_str!("../assets/passages/12-price-of-power.precis.md");
    let a = SourceAnalysis::new(source, CountingOptions::default());
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..2000 {
        n += a.analyse(precis, &Settings::default()).flags.len();
    }
    eprintln!("{:?} per analysis ({n})", t.elapsed() / 2000);
}
