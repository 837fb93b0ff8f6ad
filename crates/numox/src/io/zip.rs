//! The part of the ZIP format that `.npz` files use: members stored or deflated, ZIP64 sizes and
//! offsets, CRC-32 checks. Reading trusts nothing in the file: every offset and size is checked
//! against the file's length before it is used, and errors read like Python's `zipfile`.

use super::npy::{io_err, read_exact_at};
use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;

const LOCAL_SIG: u32 = 0x0403_4b50;
const CENTRAL_SIG: u32 = 0x0201_4b50;
const EOCD_SIG: u32 = 0x0605_4b50;
const EOCD64_SIG: u32 = 0x0606_4b50;
const EOCD64_LOC_SIG: u32 = 0x0706_4b50;
const LIMIT32: u64 = 0xFFFF_FFFF;

/// How a member's bytes are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Stored,
    Deflated,
}

/// One member, as the central directory describes it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) method: Method,
    pub(crate) crc: u32,
    pub(crate) comp_size: u64,
    pub(crate) size: u64,
    header_offset: u64,
}

fn bad(msg: impl Into<String>) -> Error {
    Error::Io(msg.into())
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(a)
}

/// Reads the central directory of the ZIP file `f` (`len` bytes long).
pub(crate) fn read_directory(f: &File, len: u64) -> Result<Vec<Entry>> {
    // The end record (22 bytes) sits at most 65535 comment bytes before the end.
    let tail_len = len.min(22 + 65535 + 20) as usize;
    if tail_len < 22 {
        return Err(bad("File is not a zip file"));
    }
    let mut tail = vec![0u8; tail_len];
    read_exact_at(f, len - tail_len as u64, &mut tail)?;
    let eocd = (0..=tail_len - 22)
        .rev()
        .find(|&i| {
            u32_at(&tail, i) == EOCD_SIG && i + 22 + u16_at(&tail, i + 20) as usize <= tail_len
        })
        .ok_or_else(|| bad("File is not a zip file"))?;
    let e = &tail[eocd..];
    let mut count = u16_at(e, 10) as u64;
    let mut cd_size = u32_at(e, 12) as u64;
    let mut cd_offset = u32_at(e, 16) as u64;
    if eocd >= 20 && u32_at(&tail, eocd - 20) == EOCD64_LOC_SIG {
        let at = u64_at(&tail, eocd - 20 + 8);
        if at.checked_add(56).is_none_or(|end| end > len) {
            return Err(bad("Corrupt zip64 end of central directory locator"));
        }
        let mut z = [0u8; 56];
        read_exact_at(f, at, &mut z)?;
        if u32_at(&z, 0) != EOCD64_SIG {
            return Err(bad("Corrupt zip64 end of central directory record"));
        }
        count = u64_at(&z, 32);
        cd_size = u64_at(&z, 40);
        cd_offset = u64_at(&z, 48);
    }
    if cd_offset.checked_add(cd_size).is_none_or(|end| end > len) || count > cd_size / 46 {
        return Err(bad("Bad offset for central directory"));
    }
    let mut cd = vec![0u8; cd_size as usize];
    read_exact_at(f, cd_offset, &mut cd)?;
    let mut entries = Vec::with_capacity(count as usize);
    let mut i = 0usize;
    for _ in 0..count {
        if i + 46 > cd.len() || u32_at(&cd, i) != CENTRAL_SIG {
            return Err(bad("Bad magic number for central directory"));
        }
        let h = &cd[i..];
        let flags = u16_at(h, 8);
        let method = match u16_at(h, 10) {
            0 => Method::Stored,
            8 => Method::Deflated,
            m => {
                return Err(bad(format!(
                    "That compression method is not supported (method {m})"
                )));
            }
        };
        if flags & 1 != 0 {
            return Err(bad("encrypted zip members are not supported"));
        }
        let (nlen, xlen, clen) = (
            u16_at(h, 28) as usize,
            u16_at(h, 30) as usize,
            u16_at(h, 32) as usize,
        );
        if i + 46 + nlen + xlen + clen > cd.len() {
            return Err(bad("Truncated central directory"));
        }
        let name_bytes = &h[46..46 + nlen];
        let name = match std::str::from_utf8(name_bytes) {
            Ok(s) => s.to_string(),
            // Not UTF-8: code page 437 as zipfile does; the ASCII part is what matters here.
            Err(_) => name_bytes.iter().map(|&b| b as char).collect(),
        };
        let mut size = u32_at(h, 24) as u64;
        let mut comp_size = u32_at(h, 20) as u64;
        let mut header_offset = u32_at(h, 42) as u64;
        // The ZIP64 extra field holds the 64-bit values of the fields that read 0xFFFFFFFF.
        let mut x = &h[46 + nlen..46 + nlen + xlen];
        while x.len() >= 4 {
            let (id, n) = (u16_at(x, 0), u16_at(x, 2) as usize);
            if 4 + n > x.len() {
                break;
            }
            if id == 1 {
                let mut d = &x[4..4 + n];
                for field in [&mut size, &mut comp_size, &mut header_offset] {
                    if *field == LIMIT32 {
                        if d.len() < 8 {
                            return Err(bad("Corrupt extra field 0001"));
                        }
                        *field = u64_at(d, 0);
                        d = &d[8..];
                    }
                }
            }
            x = &x[4 + n..];
        }
        entries.push(Entry {
            name,
            method,
            crc: u32_at(h, 16),
            comp_size,
            size,
            header_offset,
        });
        i += 46 + nlen + xlen + clen;
    }
    Ok(entries)
}

/// Where a member's data starts in the file, checked to lie inside it.
pub(crate) fn data_offset(f: &File, len: u64, e: &Entry) -> Result<u64> {
    if e.header_offset.checked_add(30).is_none_or(|end| end > len) {
        return Err(bad("Truncated file header"));
    }
    let mut h = [0u8; 30];
    read_exact_at(f, e.header_offset, &mut h)?;
    if u32_at(&h, 0) != LOCAL_SIG {
        return Err(bad("Bad magic number for file header"));
    }
    let start = e.header_offset + 30 + u16_at(&h, 26) as u64 + u16_at(&h, 28) as u64;
    if start.checked_add(e.comp_size).is_none_or(|end| end > len) {
        return Err(bad(format!("Truncated data for file {:?}", e.name)));
    }
    if e.method == Method::Stored && e.size != e.comp_size {
        return Err(bad(format!("Bad sizes for stored file {:?}", e.name)));
    }
    Ok(start)
}

/// A member's uncompressed bytes, checked against its size and CRC-32. The output grows with
/// the data actually inflated, never beyond the size the directory declares.
pub(crate) fn read_member(f: &File, len: u64, e: &Entry) -> Result<Vec<u8>> {
    let start = data_offset(f, len, e)?;
    let mut raw = vec![0u8; e.comp_size as usize];
    read_exact_at(f, start, &mut raw)?;
    let out = match e.method {
        Method::Stored => raw,
        Method::Deflated => {
            let limit = usize::try_from(e.size).map_err(|_| bad("member too large"))?;
            miniz_oxide::inflate::decompress_to_vec_with_limit(&raw, limit).map_err(|err| {
                bad(format!(
                    "Error -3 while decompressing data ({:?}) in {:?}",
                    err.status, e.name
                ))
            })?
        }
    };
    if out.len() as u64 != e.size {
        return Err(bad(format!(
            "Bad size for file {:?}: expected {} bytes, got {}",
            e.name,
            e.size,
            out.len()
        )));
    }
    check_crc(e, crc32(&out))?;
    Ok(out)
}

/// Python's error for a member whose CRC-32 does not match.
pub(crate) fn check_crc(e: &Entry, crc: u32) -> Result<()> {
    if crc != e.crc {
        return Err(bad(format!("Bad CRC-32 for file '{}'", e.name)));
    }
    Ok(())
}

/// CRC-32 (the ZIP/zlib polynomial) of `data`.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(data);
    h.finalize()
}

/// Writes a ZIP file member by member; `finish` writes the central directory.
pub(crate) struct ZipWriter<W: Write> {
    w: W,
    pos: u64,
    central: Vec<u8>,
    count: u64,
}

impl<W: Write> ZipWriter<W> {
    pub(crate) fn new(w: W) -> Self {
        ZipWriter {
            w,
            pos: 0,
            central: Vec::new(),
            count: 0,
        }
    }

    fn put(&mut self, b: &[u8]) -> Result<()> {
        self.w.write_all(b).map_err(io_err)?;
        self.pos += b.len() as u64;
        Ok(())
    }

    /// Adds a member whose uncompressed content is the concatenation of `parts`, stored as
    /// they are or deflated (level 6, zlib's default).
    pub(crate) fn add(&mut self, name: &str, parts: &[&[u8]], deflate: bool) -> Result<()> {
        let mut h = crc32fast::Hasher::new();
        parts.iter().for_each(|p| h.update(p));
        let crc = h.finalize();
        let size: u64 = parts.iter().map(|p| p.len() as u64).sum();
        let packed = if deflate {
            let whole = parts.concat();
            Some(miniz_oxide::deflate::compress_to_vec(&whole, 6))
        } else {
            None
        };
        let comp = packed.as_ref().map_or(size, |p| p.len() as u64);
        let offset = self.pos;
        let zip64 = size >= LIMIT32 || comp >= LIMIT32;
        let method: u16 = if deflate { 8 } else { 0 };
        let version: u16 = if zip64 { 45 } else { 20 };
        let name_b = name.as_bytes();
        // Local header: with ZIP64 sizes in its extra field when they do not fit 32 bits.
        let mut lh = Vec::with_capacity(30 + name_b.len() + 20);
        lh.extend(LOCAL_SIG.to_le_bytes());
        lh.extend(version.to_le_bytes());
        lh.extend(0u16.to_le_bytes()); // flags
        lh.extend(method.to_le_bytes());
        lh.extend(0u16.to_le_bytes()); // time 00:00
        lh.extend(((1 << 5) | 1u16).to_le_bytes()); // date 1980-01-01
        lh.extend(crc.to_le_bytes());
        let (c32, s32) = if zip64 {
            (LIMIT32 as u32, LIMIT32 as u32)
        } else {
            (comp as u32, size as u32)
        };
        lh.extend(c32.to_le_bytes());
        lh.extend(s32.to_le_bytes());
        lh.extend((name_b.len() as u16).to_le_bytes());
        lh.extend((if zip64 { 20u16 } else { 0 }).to_le_bytes());
        lh.extend(name_b);
        if zip64 {
            lh.extend(1u16.to_le_bytes());
            lh.extend(16u16.to_le_bytes());
            lh.extend(size.to_le_bytes());
            lh.extend(comp.to_le_bytes());
        }
        self.put(&lh)?;
        match &packed {
            Some(p) => self.put(p)?,
            None => {
                for p in parts {
                    self.put(p)?;
                }
            }
        }
        // Central directory entry.
        let mut extra = Vec::new();
        if size >= LIMIT32 {
            extra.extend(size.to_le_bytes());
        }
        if comp >= LIMIT32 {
            extra.extend(comp.to_le_bytes());
        }
        if offset >= LIMIT32 {
            extra.extend(offset.to_le_bytes());
        }
        let c = &mut self.central;
        c.extend(CENTRAL_SIG.to_le_bytes());
        c.extend((if extra.is_empty() { 20u16 } else { 45 }).to_le_bytes()); // made by
        c.extend(version.to_le_bytes());
        c.extend(0u16.to_le_bytes());
        c.extend(method.to_le_bytes());
        c.extend(0u16.to_le_bytes());
        c.extend(((1 << 5) | 1u16).to_le_bytes());
        c.extend(crc.to_le_bytes());
        c.extend((comp.min(LIMIT32) as u32).to_le_bytes());
        c.extend((size.min(LIMIT32) as u32).to_le_bytes());
        c.extend((name_b.len() as u16).to_le_bytes());
        c.extend(
            (if extra.is_empty() {
                0
            } else {
                4 + extra.len() as u16
            })
            .to_le_bytes(),
        );
        c.extend(0u16.to_le_bytes()); // comment
        c.extend(0u16.to_le_bytes()); // disk
        c.extend(0u16.to_le_bytes()); // internal attributes
        c.extend((0o600u32 << 16).to_le_bytes()); // external attributes: rw-------
        c.extend((offset.min(LIMIT32) as u32).to_le_bytes());
        c.extend(name_b);
        if !extra.is_empty() {
            c.extend(1u16.to_le_bytes());
            c.extend((extra.len() as u16).to_le_bytes());
            c.extend(&extra);
        }
        self.count += 1;
        Ok(())
    }

    /// Writes the central directory and the end records; returns the writer.
    pub(crate) fn finish(mut self) -> Result<W> {
        let cd_offset = self.pos;
        let central = std::mem::take(&mut self.central);
        self.put(&central)?;
        let cd_size = central.len() as u64;
        let zip64 = self.count >= 0xFFFF || cd_offset >= LIMIT32 || cd_size >= LIMIT32;
        if zip64 {
            let at = self.pos;
            let mut z = Vec::with_capacity(76);
            z.extend(EOCD64_SIG.to_le_bytes());
            z.extend(44u64.to_le_bytes());
            z.extend(45u16.to_le_bytes());
            z.extend(45u16.to_le_bytes());
            z.extend(0u32.to_le_bytes());
            z.extend(0u32.to_le_bytes());
            z.extend(self.count.to_le_bytes());
            z.extend(self.count.to_le_bytes());
            z.extend(cd_size.to_le_bytes());
            z.extend(cd_offset.to_le_bytes());
            z.extend(EOCD64_LOC_SIG.to_le_bytes());
            z.extend(0u32.to_le_bytes());
            z.extend(at.to_le_bytes());
            z.extend(1u32.to_le_bytes());
            self.put(&z)?;
        }
        let mut e = Vec::with_capacity(22);
        e.extend(EOCD_SIG.to_le_bytes());
        e.extend(0u16.to_le_bytes());
        e.extend(0u16.to_le_bytes());
        let n16 = self.count.min(0xFFFF) as u16;
        e.extend(n16.to_le_bytes());
        e.extend(n16.to_le_bytes());
        e.extend((cd_size.min(LIMIT32) as u32).to_le_bytes());
        e.extend((cd_offset.min(LIMIT32) as u32).to_le_bytes());
        e.extend(0u16.to_le_bytes());
        self.put(&e)?;
        self.w.flush().map_err(io_err)?;
        Ok(self.w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("numox-zip-{}-{name}", std::process::id()))
    }

    #[test]
    fn written_members_read_back_stored_and_deflated() {
        let path = temp("rt.zip");
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let mut z = ZipWriter::new(File::create(&path).unwrap());
        z.add("a.npy", &[b"head", &data], false).unwrap();
        z.add("b.npy", &[&data, b"tail"], true).unwrap();
        z.finish().unwrap();
        let f = File::open(&path).unwrap();
        let len = f.metadata().unwrap().len();
        let es = read_directory(&f, len).unwrap();
        assert_eq!(
            es.iter()
                .map(|e| (e.name.as_str(), e.method))
                .collect::<Vec<_>>(),
            [("a.npy", Method::Stored), ("b.npy", Method::Deflated)]
        );
        let a = read_member(&f, len, &es[0]).unwrap();
        assert_eq!((&a[..4], &a[4..]), (&b"head"[..], &data[..]));
        let b = read_member(&f, len, &es[1]).unwrap();
        assert_eq!(
            (&b[..data.len()], &b[data.len()..]),
            (&data[..], &b"tail"[..])
        );
        assert!(es[1].comp_size < es[1].size / 10);
        drop(f);
        // A flipped data byte fails the CRC check.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[40] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        let f = File::open(&path).unwrap();
        let e = read_member(&f, len, &es[0]).unwrap_err();
        assert_eq!(e.to_string(), "Bad CRC-32 for file 'a.npy'");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn not_a_zip_and_truncations_are_errors() {
        let path = temp("bad.zip");
        std::fs::write(&path, b"PK\x05\x06 this is not really a zip file at all").unwrap();
        let f = File::open(&path).unwrap();
        let e = read_directory(&f, f.metadata().unwrap().len()).unwrap_err();
        assert_eq!(e.to_string(), "File is not a zip file");
        let mut z = ZipWriter::new(Vec::new());
        z.add("x", &[b"0123456789"], false).unwrap();
        let bytes = z.finish().unwrap();
        for cut in [1, 10, 30, 60] {
            std::fs::write(&path, &bytes[cut..]).unwrap();
            let f = File::open(&path).unwrap();
            let len = f.metadata().unwrap().len();
            let r = read_directory(&f, len).and_then(|es| read_member(&f, len, &es[0]));
            assert!(r.is_err(), "cut {cut}");
        }
        std::fs::remove_file(&path).unwrap();
    }
}
