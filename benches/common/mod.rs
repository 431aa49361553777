//! Inputs shared by the benchmarks: long sources built from the built-in
//! passages, and the model précis they are checked against.

use precis::analysis::words::{CountingOptions, count_words};

const PASSAGES: [&str; 3] = [
    include_str!("../../assets/passages/01-narrow-tax-base.md"),
    include_str!("../../assets/passages/09-indus-water-farming.md"),
    include_str!("../../assets/passages/12-price-of-power.md"),
];

/// The model précis of passage 12, in exam format.
pub const MODEL: &str = include_str!("../../assets/passages/12-price-of-power.precis.md");

/// A source of about `words` words made of the built-in passages under a
/// `# Heading`, with the years varied so that not every figure repeats.
pub fn source_of(words: usize) -> String {
    let mut out = String::from("# A Long Source\n\n");
    let mut n = 0;
    let mut round = 0;
    while n < words {
        for p in PASSAGES {
            let body = p.split_once('\n').map_or(p, |(_, rest)| rest);
            let varied = body.replace("2023", &format!("{}", 1900 + round % 150));
            n += count_words(&varied, CountingOptions::default());
            out.push_str(&varied);
            out.push_str("\n\n");
            round += 1;
        }
    }
    out
}

/// A précis body of at least `words` words: the model's body, extended.
pub fn body_of(words: usize) -> String {
    let mut body = MODEL
        .lines()
        .skip(2)
        .take_while(|l| !l.starts_with('('))
        .collect::<Vec<_>>()
        .join("\n");
    let body_len = body.trim_end().len();
    body.truncate(body_len);
    while count_words(&body, CountingOptions::default()) < words {
        body.push_str(" Households pay for unreliable supply through generators and lost work.");
    }
    body
}
