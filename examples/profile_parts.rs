use precis::analysis::copied::ShingleBuilder;
use precis::analysis::numbers::Extractor;
use precis::analysis::words;
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let precis =
        std::fs::read_to_string("assets/passages/12-price-of-power.precis.md").unwrap_or_default();
    let t = Instant::now();
    let n = words::tokens(&text).count();
    eprintln!("tokens {:?} ({n})", t.elapsed());
    let t = Instant::now();
    let mut e = Extractor::new(&text);
    for tok in words::tokens(&text) {
        e.push(tok.start, tok.end);
    }
    let m = e.finish();
    eprintln!("tokens+extract {:?} ({} mentions)", t.elapsed(), m.len());
    let t = Instant::now();
    let mut b = ShingleBuilder::for_precis(&precis, 0..precis.len());
    for tok in words::tokens(&text) {
        b.push(&text, tok.start, tok.end);
    }
    let _ = b.finish();
    eprintln!("tokens+shingles(precis) {:?}", t.elapsed());
    let t = Instant::now();
    let idx = precis::text::lines::LineIndex::new(&text);
    eprintln!("line index {:?}", t.elapsed());
    drop(idx);
}
