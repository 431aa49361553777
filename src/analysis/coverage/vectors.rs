//! Static word vectors: what lets coverage see that `view external world
//! with the same lens` restates `see from the same prism while dealing with
//! the outside world`. Each entry is a Snowball stem (the terms coverage
//! already computes) with a 128-number vector distilled from the
//! all-MiniLM-L6-v2 sentence encoder, in order of word frequency; see
//! `scripts/coverage/derive_vectors.py`, which made the file, and `NOTICE`.
//!
//! The file is embedded in the binary; reading its index takes a few
//! milliseconds, so the editor does that on a thread of its own
//! ([`preload`]) once its first frame is up.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The vector file (format `PVEC1`: magic, u32 count, u32 dims, the stems
/// one per line, then count × dims int8 values).
static FILE: &[u8] = include_bytes!("../../../assets/coverage/vectors.bin");

/// The embedded vectors, indexed.
pub struct Vectors {
    /// Each stem's row, which is also its frequency rank.
    rows: FxHashMap<&'static str, u32>,
    dims: usize,
    /// The rows' values, each byte an `i8` (`as i8` reads it).
    data: &'static [u8],
    /// Each row's length, for cosines.
    norms: Vec<f32>,
}

static VECTORS: OnceLock<Vectors> = OnceLock::new();

/// A term's vector: a row of the file, the mean of its parts' rows (a
/// hyphenated word whose whole stem is not in the file), or none.
#[derive(Debug, Clone, PartialEq)]
pub enum TermVector {
    /// A row of the file.
    Row(u32),
    /// A unit vector made from several rows.
    Mean(Box<[f32]>),
    /// No vector: only the same stem matches.
    None,
}

impl std::fmt::Debug for Vectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vectors")
            .field("stems", &self.rows.len())
            .field("dims", &self.dims)
            .finish()
    }
}

impl Vectors {
    /// The vectors, indexed on first use.
    pub fn get() -> &'static Vectors {
        VECTORS.get_or_init(|| Self::parse(FILE))
    }

    /// The vectors if they are indexed already; never waits.
    pub fn ready() -> Option<&'static Vectors> {
        VECTORS.get()
    }

    /// Indexes a `PVEC1` file; a damaged one (it is embedded, so only a bad
    /// build could make one) yields no vectors, and coverage falls back to
    /// matching stems.
    fn parse(file: &'static [u8]) -> Vectors {
        let empty = Vectors {
            rows: FxHashMap::default(),
            dims: 0,
            data: &[],
            norms: Vec::new(),
        };
        let Some(rest) = file.strip_prefix(b"PVEC1\n") else {
            return empty;
        };
        let (Some(count), Some(dims)) = (u32_at(rest, 0), u32_at(rest, 4)) else {
            return empty;
        };
        let (count, dims) = (count as usize, dims as usize);
        let mut rows = FxHashMap::default();
        rows.reserve(count);
        let mut at = 8;
        for row in 0..count {
            let Some(len) = rest[at..].iter().position(|&b| b == b'\n') else {
                return empty;
            };
            let Ok(stem) = std::str::from_utf8(&rest[at..at + len]) else {
                return empty;
            };
            rows.insert(stem, row as u32);
            at += len + 1;
        }
        let Some(bytes) = rest.get(at..at + count * dims) else {
            return empty;
        };
        let norms = bytes
            .chunks_exact(dims)
            .map(|v| v.iter().map(|&x| value(x) * value(x)).sum::<f32>().sqrt())
            .collect();
        Vectors {
            rows,
            dims,
            data: bytes,
            norms,
        }
    }

    /// How many stems have vectors.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no vectors at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// A stem's row (its frequency rank), if it has a vector.
    pub fn row(&self, stem: &str) -> Option<u32> {
        self.rows.get(stem).copied()
    }

    fn vector(&self, row: u32) -> &[u8] {
        let at = row as usize * self.dims;
        &self.data[at..at + self.dims]
    }

    /// A unit vector that is the mean of `rows`' unit vectors, if any.
    pub fn mean(&self, rows: &[u32]) -> Option<Box<[f32]>> {
        if rows.is_empty() || self.dims == 0 {
            return None;
        }
        let mut sum = vec![0f32; self.dims];
        for &r in rows {
            let norm = self.norms[r as usize].max(f32::MIN_POSITIVE);
            for (s, &x) in sum.iter_mut().zip(self.vector(r)) {
                *s += value(x) / norm;
            }
        }
        let len = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        (len > 0.0).then(|| sum.into_iter().map(|x| x / len).collect())
    }

    /// The cosine of two term vectors; 0 when either has none.
    pub fn cosine(&self, a: &TermVector, b: &TermVector) -> f32 {
        match (a, b) {
            (TermVector::Row(x), TermVector::Row(y)) => {
                let dot: i32 = self
                    .vector(*x)
                    .iter()
                    .zip(self.vector(*y))
                    .map(|(&p, &q)| i32::from(p as i8) * i32::from(q as i8))
                    .sum();
                let norms = self.norms[*x as usize] * self.norms[*y as usize];
                if norms > 0.0 { dot as f32 / norms } else { 0.0 }
            }
            (TermVector::Row(r), TermVector::Mean(m))
            | (TermVector::Mean(m), TermVector::Row(r)) => {
                let norm = self.norms[*r as usize].max(f32::MIN_POSITIVE);
                self.vector(*r)
                    .iter()
                    .zip(m.iter())
                    .map(|(&p, &q)| value(p) * q)
                    .sum::<f32>()
                    / norm
            }
            (TermVector::Mean(a), TermVector::Mean(b)) => {
                a.iter().zip(b.iter()).map(|(p, q)| p * q).sum()
            }
            _ => 0.0,
        }
    }

    /// A term vector as a unit vector of floats (for sums of vectors).
    pub fn unit(&self, v: &TermVector) -> Option<Vec<f32>> {
        match v {
            TermVector::Row(r) => {
                let norm = self.norms[*r as usize].max(f32::MIN_POSITIVE);
                Some(self.vector(*r).iter().map(|&x| value(x) / norm).collect())
            }
            TermVector::Mean(m) => Some(m.to_vec()),
            TermVector::None => None,
        }
    }

    /// The number of dimensions.
    pub fn dims(&self) -> usize {
        self.dims
    }
}

/// Starts indexing the vectors on a thread of its own, so that whoever
/// needs them later (the editor's coverage) does not wait.
pub fn preload() {
    if VECTORS.get().is_none() {
        std::thread::spawn(|| {
            Vectors::get();
        });
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// A stored byte's value: the file holds signed bytes.
fn value(byte: u8) -> f32 {
    f32::from(byte as i8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_is_whole_and_near_words_are_near() {
        let v = Vectors::get();
        assert!(v.len() > 30_000, "{v:?}");
        assert_eq!(v.dims(), 128);
        let row = |w: &str| TermVector::Row(v.row(w).unwrap_or_else(|| panic!("{w}")));
        let near = v.cosine(&row("prism"), &row("lens"));
        let far = v.cosine(&row("prism"), &row("tax"));
        assert!(near > far, "prism~lens {near}, prism~tax {far}");
        assert!((v.cosine(&row("tax"), &row("tax")) - 1.0).abs() < 1e-3);
        assert!(v.row("the").is_none(), "function words have no vector");
    }
}
