//! Saving and loading an index: its documents in a compact, versioned binary form with a
//! CRC-32 at the end. Loading checks the magic, the version and the checksum before
//! reading a byte of content, so altered bytes are an error, never a wrong answer; the
//! postings are rebuilt, which is faster than parsing the blogs again and keeps the format
//! independent of the index's layout.
//!
//! Layout: `LBIX`, version (1 byte), document count (varint), documents, CRC-32 (4 bytes,
//! little-endian) of everything before it. Strings are a varint length and UTF-8 bytes.

use super::{Index, IndexDoc};
use crate::error::Error;

const MAGIC: &[u8; 4] = b"LBIX";
const VERSION: u8 = 1;

/// CRC-32 (IEEE), the table worked out on each call: eight steps for each of 256 entries,
/// little beside the bytes of a saved index, where a table worked out at compile time is
/// 1 KB of data in the wasm that does not compress.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let table: [u32; 256] = std::array::from_fn(|i| {
        (0..8).fold(i as u32, |c, _| {
            if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            }
        })
    });
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// Writes `n` as LEB128: seven bits a byte, low first, each byte but the last with its
/// top bit set.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The first byte [`put_varint`] writes for `n`: its low seven bits, with the top bit set
/// when more bytes follow (a test holds the two together).
pub(crate) fn first_byte(n: u64) -> u8 {
    if n < 0x80 {
        n as u8
    } else {
        n as u8 | 0x80
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_list(out: &mut Vec<u8>, list: &[String]) {
    put_varint(out, list.len() as u64);
    for s in list {
        put_str(out, s);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

const TRUNCATED: Error = Error::IndexCorrupt {
    reason: "it ends too soon",
};

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, Error> {
        let b = *self.bytes.get(self.at).ok_or(TRUNCATED)?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, Error> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(Error::IndexCorrupt {
            reason: "a number runs past 64 bits",
        })
    }

    /// A count of items, each at least one byte: more than the bytes left is corrupt (and
    /// would otherwise reserve memory for nothing).
    fn count(&mut self) -> Result<usize, Error> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(TRUNCATED);
        }
        Ok(n as usize)
    }

    fn str(&mut self) -> Result<String, Error> {
        let len = self.count()?;
        let bytes = &self.bytes[self.at..self.at + len];
        self.at += len;
        String::from_utf8(bytes.to_vec()).map_err(|_| Error::IndexCorrupt {
            reason: "a text is not UTF-8",
        })
    }

    fn list(&mut self) -> Result<Vec<String>, Error> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect()
    }
}

impl Index {
    /// The index as bytes for [`Index::from_bytes`]: its documents, versioned and
    /// checksummed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut docs: Vec<IndexDoc> = self.docs().collect();
        crate::sorting::sort_by(&mut docs, |a, b| {
            (&a.blog, a.order, &a.id).cmp(&(&b.blog, b.order, &b.id))
        });
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        put_varint(&mut out, docs.len() as u64);
        for d in docs {
            put_str(&mut out, &d.blog);
            put_str(&mut out, &d.id);
            put_varint(&mut out, u64::from(d.order));
            put_str(&mut out, &d.headline);
            for list in [
                &d.paragraphs,
                &d.captions,
                &d.people,
                &d.places,
                &d.orgs,
                &d.speakers,
                &d.aliases,
            ] {
                put_list(&mut out, list);
            }
            match &d.timestamp {
                Some(t) => {
                    out.push(1);
                    put_str(&mut out, t);
                }
                None => out.push(0),
            }
            out.push(u8::from(d.has_quote) | u8::from(d.has_image) << 1);
        }
        let crc = crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// An index from [`Index::to_bytes`]. Bytes of another format version give
    /// `LB_INDEX_VERSION`; truncated, altered or foreign bytes give `LB_INDEX_CORRUPT`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, Error> {
        if bytes.len() < MAGIC.len() + 1 + 4 || &bytes[..4] != MAGIC {
            return Err(Error::IndexCorrupt {
                reason: "it does not start as a liveblog-index index does",
            });
        }
        if bytes[4] != VERSION {
            return Err(Error::IndexVersion {
                found: bytes[4],
                expected: VERSION,
            });
        }
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        if crc32(body).to_le_bytes() != crc {
            return Err(Error::IndexCorrupt {
                reason: "its checksum does not match its content",
            });
        }
        let mut r = Reader { bytes: body, at: 5 };
        let n = r.count()?;
        let mut index = Index::new();
        for _ in 0..n {
            let blog = r.str()?;
            let id = r.str()?;
            let order = u32::try_from(r.varint()?).map_err(|_| Error::IndexCorrupt {
                reason: "an update's order is out of range",
            })?;
            let headline = r.str()?;
            let mut lists: Vec<Vec<String>> = Vec::with_capacity(7);
            for _ in 0..7 {
                lists.push(r.list()?);
            }
            let timestamp = match r.byte()? {
                0 => None,
                _ => Some(r.str()?),
            };
            let flags = r.byte()?;
            let mut lists = lists.into_iter();
            let mut next = || lists.next().unwrap_or_default();
            index.upsert(IndexDoc {
                blog,
                id,
                order,
                headline,
                paragraphs: next(),
                captions: next(),
                people: next(),
                places: next(),
                orgs: next(),
                speakers: next(),
                aliases: next(),
                timestamp,
                has_quote: flags & 1 != 0,
                has_image: flags & 2 != 0,
            });
        }
        if r.at != body.len() {
            return Err(Error::IndexCorrupt {
                reason: "bytes follow the last update",
            });
        }
        index.shrink_to_fit();
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_the_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn first_byte_is_the_first_byte_put_writes() {
        for n in [
            0u64, 1, 0x7F, 0x80, 0x81, 0xFF, 0x100, 0x3FFF, 0x4000, 0x1F_FFFF,
        ]
        .into_iter()
        .chain([
            0x20_0000,
            u64::from(u32::MAX) - 1,
            u64::from(u32::MAX),
            u64::MAX,
        ]) {
            let mut out = Vec::new();
            put_varint(&mut out, n);
            assert_eq!(out.first(), Some(&first_byte(n)), "{n:#x}");
            // A code's low bit is its first byte's: the phrase scan looks for a spelling's
            // two codes (a space after it or not) as one pair of bytes.
            let even = n & !1;
            assert_eq!(first_byte(even | 1), first_byte(even) | 1, "{n:#x}");
        }
    }
}
