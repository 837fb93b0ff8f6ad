//! The shared, aligned byte buffer behind every array.
//!
//! Small buffers come from the global allocator with 64-byte alignment. Large ones (1 MiB and up)
//! are anonymous memory maps aligned to 2 MiB and advised for transparent huge pages, as NumPy does:
//! the kernel hands them out zeroed and lazily, so `zeros` costs no pass over memory and the first
//! write faults in 2 MiB pages instead of 4 KiB ones.
//!
//! Faulting in fresh pages still costs a kernel pass that zeroes them, which is most of the time
//! of an allocating operation on a large array. So freed large maps go to a small cache, and a
//! buffer that its caller overwrites completely (a copy, a cast, an operation's result) takes one
//! from there: its pages are already in place.

use crate::error::{Error, Result};
use crate::shared::Shared;
use std::alloc::{self, Layout as AllocLayout};
use std::cell::UnsafeCell;
use std::ptr::NonNull;

const ALIGN: usize = 64;
const HUGE: usize = 2 << 20;
const MAP_THRESHOLD: usize = 1 << 20;
/// Below this many bytes a buffer is only 16-byte aligned.
const SMALL: usize = 4096;

/// Bytes a buffer can hold inside itself (and so inside the array's `Shared` allocation): small
/// results then cost one allocation instead of two.
const INLINE: usize = 128;

/// Storage of an inline buffer: 16-byte aligned (more would make every small array an aligned
/// allocation, which costs more than it saves).
#[repr(align(16))]
#[allow(dead_code)] // only read through raw pointers
struct InlineBytes([u64; INLINE / 8]);

enum Owner {
    /// The bytes live in the buffer's own `inline` storage (at most [`INLINE`] bytes).
    Inline,
    /// From the global allocator with this layout (`None` for a zero-byte buffer).
    Heap(Option<AllocLayout>),
    /// An anonymous map: `base`..`base + len` is unmapped (or cached) on drop; `cap` usable bytes
    /// start at the buffer's pointer.
    Map {
        base: *mut libc::c_void,
        len: usize,
        cap: usize,
    },
    /// Memory owned by something else (a memory-mapped file, a foreign array) kept alive here.
    Foreign(Box<dyn std::any::Any + Send + Sync>),
}

/// A block of bytes that arrays view. Interior writes go through raw pointers; the [`Array`]
/// API guarantees that a buffer is written only through a handle that holds it uniquely
/// (`Shared::get_mut`) or through a mutable borrow derived from such a handle, so no two threads ever
/// touch the same bytes while one writes.
///
/// [`Array`]: crate::Array
pub(crate) struct Buffer {
    /// Start of the bytes (unused for `Owner::Inline`, whose bytes are `inline`).
    ptr: NonNull<u8>,
    len: usize,
    writeable: bool,
    owner: Owner,
    /// Storage of small buffers; 16-byte aligned.
    inline: UnsafeCell<InlineBytes>,
}

// SAFETY: the buffer is plain bytes; every `Owner` is Send + Sync (the map pointer is only used to
// unmap in `drop`), and writes are serialised by the uniqueness rule documented on `Buffer`.
unsafe impl Send for Buffer {}
// SAFETY: see above; shared references only read.
unsafe impl Sync for Buffer {}

impl Buffer {
    /// A zero-filled buffer of `len` bytes.
    #[inline]
    pub(crate) fn zeroed(len: usize) -> Result<Buffer> {
        Self::alloc(len, true)
    }

    /// A buffer whose bytes the caller overwrites completely before anyone reads them. It is
    /// still initialised memory (zeroed or left from the allocator), never undefined to read for
    /// the plain-old-data element types, except `bool` where the caller must write every byte.
    #[inline]
    pub(crate) fn for_overwrite(len: usize) -> Result<Buffer> {
        Self::alloc(len, false)
    }

    /// A buffer of `len` bytes already behind its `Shared` handle: small buffers are built in place (one
    /// allocation, no copy of the inline storage), others as [`Buffer::zeroed`] /
    /// [`Buffer::for_overwrite`] (`zero` picks which).
    #[inline]
    pub(crate) fn shared(len: usize, zero: bool) -> Result<Shared<Buffer>> {
        if len == 0 || len > INLINE {
            return Ok(Shared::new(Self::alloc(len, zero)?));
        }
        Ok(Shared::new_with(|slot: *mut Buffer| {
            // SAFETY: `slot` is valid for writes of one uninitialised `Buffer` (`new_with`'s
            // contract); every field is written exactly once below (the inline bytes zeroed), so
            // the value is complete.
            unsafe {
                std::ptr::addr_of_mut!((*slot).ptr).write(NonNull::dangling());
                std::ptr::addr_of_mut!((*slot).len).write(len);
                std::ptr::addr_of_mut!((*slot).writeable).write(true);
                std::ptr::addr_of_mut!((*slot).owner).write(Owner::Inline);
                std::ptr::addr_of_mut!((*slot).inline).write_bytes(0, 1);
            }
        }))
    }

    #[inline]
    fn alloc(len: usize, zero: bool) -> Result<Buffer> {
        if len == 0 {
            return Ok(Buffer {
                // A dangling, well-aligned address; zero-byte buffers are never dereferenced.
                ptr: NonNull::new(ALIGN as *mut u8).unwrap_or(NonNull::dangling()),
                len: 0,
                writeable: true,
                owner: Owner::Heap(None),
                inline: UnsafeCell::new(InlineBytes([0; INLINE / 8])),
            });
        }
        if len <= INLINE {
            // Zeroed always: 128 bytes cost nothing to clear, and every byte is initialised.
            return Ok(Buffer {
                ptr: NonNull::dangling(),
                len,
                writeable: true,
                owner: Owner::Inline,
                inline: UnsafeCell::new(InlineBytes([0; INLINE / 8])),
            });
        }
        if len >= MAP_THRESHOLD {
            if let Some(b) = map_cache::take(len, zero) {
                return Ok(b);
            }
            if let Some(b) = Self::map(len) {
                return Ok(b);
            }
        }
        // Small blocks take malloc's own 16-byte alignment (its fast path); the loops do not need
        // more, and larger blocks get cache-line alignment.
        let align = if len < SMALL { 16 } else { ALIGN };
        let layout = AllocLayout::from_size_align(len, align)
            .map_err(|_| Error::Value(format!("Unable to allocate {len} bytes")))?;
        // Zero the small blocks always (cheap, and every byte stays initialised); a larger
        // `for_overwrite` block is written completely by its caller before anyone reads it, and
        // clearing it first would cost a pass over memory.
        // SAFETY: `layout` has a non-zero size.
        let p = unsafe {
            if zero || len < SMALL {
                alloc::alloc_zeroed(layout)
            } else {
                alloc::alloc(layout)
            }
        };
        let ptr = NonNull::new(p)
            .ok_or_else(|| Error::Value(format!("Unable to allocate {len} bytes for an array")))?;
        Ok(Buffer {
            ptr,
            len,
            writeable: true,
            owner: Owner::Heap(Some(layout)),
            inline: UnsafeCell::new(InlineBytes([0; INLINE / 8])),
        })
    }

    #[cfg(unix)]
    fn map(len: usize) -> Option<Buffer> {
        let total = len.checked_add(HUGE)?;
        // SAFETY: an anonymous private mapping with no address hint; the result is checked.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                total,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return None;
        }
        let start = (base as usize).div_ceil(HUGE) * HUGE;
        #[cfg(target_os = "linux")]
        // SAFETY: the range lies inside the mapping just made; advice failure is harmless.
        unsafe {
            libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
        }
        Some(Buffer {
            ptr: NonNull::new(start as *mut u8)?,
            len,
            writeable: true,
            owner: Owner::Map {
                base,
                len: total,
                cap: total - (start - base as usize),
            },
            inline: UnsafeCell::new(InlineBytes([0; INLINE / 8])),
        })
    }

    #[cfg(not(unix))]
    fn map(_len: usize) -> Option<Buffer> {
        None
    }

    /// Wraps memory owned elsewhere. `ptr..ptr+len` must stay valid and initialised while `owner`
    /// lives, and be aligned for the dtype that will view it.
    ///
    /// # Safety
    /// The caller guarantees the validity described above and, when `writeable`, that nothing
    /// else writes or reads the memory concurrently except through this buffer.
    #[allow(dead_code)]
    pub(crate) unsafe fn foreign(
        ptr: NonNull<u8>,
        len: usize,
        writeable: bool,
        owner: Box<dyn std::any::Any + Send + Sync>,
    ) -> Buffer {
        Buffer {
            ptr,
            len,
            writeable,
            owner: Owner::Foreign(owner),
            inline: UnsafeCell::new(InlineBytes([0; INLINE / 8])),
        }
    }

    /// The owner of foreign memory, if it is a `T` (a memory map, say).
    pub(crate) fn owner_as<T: std::any::Any>(&self) -> Option<&T> {
        match &self.owner {
            Owner::Foreign(o) => o.downcast_ref::<T>(),
            _ => None,
        }
    }

    /// Length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether writes are allowed at all (a read-only memory map is not).
    pub(crate) fn writeable(&self) -> bool {
        self.writeable
    }

    /// Start of the bytes.
    #[inline]
    pub(crate) fn as_ptr(&self) -> *const u8 {
        self.as_mut_ptr()
    }

    /// Start of the bytes for writing; see the uniqueness rule on [`Buffer`].
    #[inline]
    pub(crate) fn as_mut_ptr(&self) -> *mut u8 {
        match self.owner {
            Owner::Inline => self.inline.get() as *mut u8,
            _ => self.ptr.as_ptr(),
        }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        match self.owner {
            Owner::Heap(Some(layout)) => {
                // SAFETY: allocated in `alloc` with exactly this layout.
                unsafe { alloc::dealloc(self.ptr.as_ptr(), layout) }
            }
            Owner::Map { base, len, cap } => {
                if !map_cache::put(map_cache::Entry {
                    base: base as usize,
                    len,
                    start: self.ptr.as_ptr() as usize,
                    cap,
                }) {
                    // SAFETY: `base..base+len` is the mapping made in `map`, used by no one now.
                    unsafe {
                        libc::munmap(base, len);
                    }
                }
            }
            Owner::Heap(None) | Owner::Inline | Owner::Foreign(_) => {}
        }
    }
}

/// Freed large maps kept for reuse: at most `MAX_ENTRIES` of them and `MAX_BYTES` in all. A map
/// is reused for a request of at least half its size, so little memory sits idle in a reused map.
mod map_cache {
    use super::{Buffer, InlineBytes, Owner, INLINE};
    use std::cell::UnsafeCell;
    use std::ptr::NonNull;
    use std::sync::Mutex;

    pub(super) const MAX_ENTRIES: usize = 8;
    const MAX_BYTES: usize = 1 << 30;

    /// A cached map, as addresses (so the cache is `Send`).
    pub(super) struct Entry {
        pub(super) base: usize,
        pub(super) len: usize,
        pub(super) start: usize,
        pub(super) cap: usize,
    }

    static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

    /// Keeps a map for reuse, making room by unmapping the maps freed longest ago (the maps a
    /// program is working with now are the ones its next requests fit); false when the map alone
    /// is over the cache's limit (the caller unmaps it).
    pub(super) fn put(e: Entry) -> bool {
        if e.len > MAX_BYTES {
            return false;
        }
        let Ok(mut c) = CACHE.lock() else {
            return false;
        };
        let mut evicted: Vec<Entry> = Vec::new();
        while c.len() >= MAX_ENTRIES || c.iter().map(|e| e.len).sum::<usize>() + e.len > MAX_BYTES {
            evicted.push(c.remove(0));
        }
        c.push(e);
        drop(c);
        for old in evicted {
            // SAFETY: the map was cached, so no buffer uses it; it is out of the cache now.
            unsafe { libc::munmap(old.base as *mut libc::c_void, old.len) };
        }
        true
    }

    /// A cached map that holds `len` bytes and is at most twice as large, as a buffer. With
    /// `zero`, its pages are dropped first, so they read as zero again (and are faulted in lazily,
    /// from memory the process just gave back, which is much faster than memory it never touched).
    pub(super) fn take(len: usize, zero: bool) -> Option<Buffer> {
        let mut c = CACHE.lock().ok()?;
        let k = (0..c.len())
            .filter(|&k| c[k].cap >= len && c[k].cap / 2 <= len)
            .min_by_key(|&k| c[k].cap)?;
        let e = c.swap_remove(k);
        drop(c);
        if zero {
            let page = 4096;
            let span = len.div_ceil(page) * page;
            // SAFETY: `start..start+span` lies inside the cached private anonymous map (`cap` is
            // page-rounded past `len`), which no buffer uses; MADV_DONTNEED makes it read as zero.
            let rc = unsafe {
                libc::madvise(
                    e.start as *mut libc::c_void,
                    span.min(e.cap),
                    libc::MADV_DONTNEED,
                )
            };
            if rc != 0 {
                // SAFETY: the whole map is unused; give it back.
                unsafe { libc::munmap(e.base as *mut libc::c_void, e.len) };
                return None;
            }
        }
        Some(Buffer {
            ptr: NonNull::new(e.start as *mut u8)?,
            len,
            writeable: true,
            owner: Owner::Map {
                base: e.base as *mut libc::c_void,
                len: e.len,
                cap: e.cap,
            },
            inline: UnsafeCell::new(InlineBytes([0; INLINE / 8])),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_buffers_are_zeroed_and_aligned() {
        for len in [0usize, 1, 63, 4096, MAP_THRESHOLD, 3 * MAP_THRESHOLD + 7] {
            let b = Buffer::zeroed(len).unwrap();
            assert_eq!(b.len(), len);
            let align = if len < SMALL { 16 } else { ALIGN };
            assert_eq!(b.as_ptr() as usize % align, 0);
            // SAFETY: the buffer holds `len` initialised bytes.
            let s = unsafe { std::slice::from_raw_parts(b.as_ptr(), len) };
            assert!(s.iter().all(|&x| x == 0));
        }
    }

    #[test]
    fn a_full_cache_makes_room_for_the_newest_map() {
        // Fill the cache with maps too large to serve the request below, then free one that
        // fits: it is kept (the oldest is unmapped instead) and the next request reuses it.
        let big: Vec<Buffer> = (0..map_cache::MAX_ENTRIES)
            .map(|_| Buffer::for_overwrite(40 * MAP_THRESHOLD).unwrap())
            .collect();
        drop(big);
        let small = Buffer::for_overwrite(2 * MAP_THRESHOLD).unwrap();
        let p = small.as_ptr();
        drop(small);
        let again = Buffer::for_overwrite(2 * MAP_THRESHOLD).unwrap();
        assert_eq!(again.as_ptr(), p);
    }

    #[test]
    fn reused_maps_serve_overwrites_but_never_zeroed_requests() {
        let len = 5 * MAP_THRESHOLD + 3;
        let b = Buffer::for_overwrite(len).unwrap();
        // SAFETY: fresh buffer of `len` bytes, held only here.
        unsafe { std::ptr::write_bytes(b.as_mut_ptr(), 0xAB, len) };
        drop(b);
        let z = Buffer::zeroed(len).unwrap();
        // SAFETY: the buffer holds `len` initialised bytes.
        let s = unsafe { std::slice::from_raw_parts(z.as_ptr(), len) };
        assert!(s.iter().all(|&x| x == 0));
        let again = Buffer::for_overwrite(len - 100).unwrap();
        assert_eq!(again.len(), len - 100);
        assert_eq!(again.as_ptr() as usize % ALIGN, 0);
    }
}
