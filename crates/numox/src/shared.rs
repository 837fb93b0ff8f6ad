//! [`Shared`]: the reference-counted handle through which arrays share a buffer.
//!
//! It is `std::sync::Arc` without weak references, and it costs no atomic read-modify-write on
//! the path that small results take: a handle that finds itself the only one (the count reads 1)
//! frees the value or lends it mutably after a plain load. A uniquely held handle cannot be
//! cloned by anyone else (cloning needs a handle), so a count of 1 seen by its holder stays 1;
//! the `Acquire` load pairs with the `Release` decrement of the last other handle, so everything
//! that handle did happens before what the holder does next. With `Arc`, every drop pays two
//! locked instructions (strong and weak count) and every `get_mut` a compare-exchange: a quarter
//! of an `add` of ten elements.

use std::alloc::{self, Layout};
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::atomic::{fence, AtomicUsize, Ordering};

/// The allocation: the count, then the value.
#[repr(C)]
struct Inner<T> {
    count: AtomicUsize,
    value: T,
}

/// A shared, immutable handle to a `T` on the heap; the last handle dropped drops the value.
pub(crate) struct Shared<T> {
    ptr: NonNull<Inner<T>>,
    _owns: PhantomData<Inner<T>>,
}

// SAFETY: as for `Arc<T>`: handles on several threads share `&T` (needs `T: Sync`) and the last
// one drops the value on its thread (needs `T: Send`).
unsafe impl<T: Send + Sync> Send for Shared<T> {}
// SAFETY: see above.
unsafe impl<T: Send + Sync> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// Moves `value` to the heap behind a first handle.
    #[inline]
    pub(crate) fn new(value: T) -> Shared<T> {
        Self::new_with(|slot| {
            // SAFETY: `slot` is valid for a write of one `T` (the contract of `new_with`).
            unsafe { slot.write(value) }
        })
    }

    /// A first handle to a value that `init` writes in place: `init` receives a pointer to the
    /// uninitialised slot and must write a complete `T` through it.
    #[inline]
    pub(crate) fn new_with(init: impl FnOnce(*mut T)) -> Shared<T> {
        let layout = Layout::new::<Inner<T>>();
        let raw = if layout == blocks::BLOCK {
            blocks::take()
        } else {
            // SAFETY: `Inner<T>` holds an `AtomicUsize`, so its size is not zero.
            unsafe { alloc::alloc(layout) }
        }
        .cast::<Inner<T>>();
        let Some(ptr) = NonNull::new(raw) else {
            alloc::handle_alloc_error(layout)
        };
        // SAFETY: `raw` is a fresh allocation of `Inner<T>`'s layout, held only here: both fields
        // are written before a handle exists (`init` writes the value, as its contract says).
        unsafe {
            std::ptr::addr_of_mut!((*raw).count).write(AtomicUsize::new(1));
            init(std::ptr::addr_of_mut!((*raw).value));
        }
        Shared {
            ptr,
            _owns: PhantomData,
        }
    }

    #[inline(always)]
    fn inner(&self) -> &Inner<T> {
        // SAFETY: the allocation lives while any handle does, and this handle is alive.
        unsafe { self.ptr.as_ref() }
    }

    /// The value, mutably, when this is the only handle (as `Arc::get_mut`).
    #[inline]
    pub(crate) fn get_mut(this: &mut Shared<T>) -> Option<&mut T> {
        if this.inner().count.load(Ordering::Acquire) == 1 {
            // SAFETY: no other handle exists and none can appear while `this` is mutably
            // borrowed (cloning needs a handle), so this is the only access to the value.
            Some(unsafe { &mut (*this.ptr.as_ptr()).value })
        } else {
            None
        }
    }

    /// True when both handles point to the same value.
    #[inline]
    pub(crate) fn ptr_eq(a: &Shared<T>, b: &Shared<T>) -> bool {
        a.ptr == b.ptr
    }

    #[inline(never)]
    fn drop_value(&mut self) {
        // SAFETY: called once, by the last handle: nothing else can reach the allocation.
        unsafe {
            std::ptr::drop_in_place(std::ptr::addr_of_mut!((*self.ptr.as_ptr()).value));
            let layout = Layout::new::<Inner<T>>();
            if layout == blocks::BLOCK {
                blocks::give(self.ptr.as_ptr().cast());
            } else {
                alloc::dealloc(self.ptr.as_ptr().cast(), layout);
            }
        }
    }
}

impl<T> Clone for Shared<T> {
    #[inline]
    fn clone(&self) -> Shared<T> {
        // Relaxed, as in `Arc`: a new handle is made from an existing one, which keeps the value
        // alive; no data is published by the increment.
        let old = self.inner().count.fetch_add(1, Ordering::Relaxed);
        if old > isize::MAX as usize {
            // More handles than addressable bytes could only come from leaked handles (as in
            // `Arc`, which aborts here too).
            std::process::abort();
        }
        Shared {
            ptr: self.ptr,
            _owns: PhantomData,
        }
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T> Drop for Shared<T> {
    #[inline]
    fn drop(&mut self) {
        let count = &self.inner().count;
        // The only handle: no decrement needed (see the module docs).
        if count.load(Ordering::Acquire) != 1 && count.fetch_sub(1, Ordering::Release) != 1 {
            return;
        }
        // The decrement that reached zero pairs with the other handles' `Release` decrements.
        fence(Ordering::Acquire);
        self.drop_value();
    }
}

/// A few freed allocations of the size small arrays take, kept per thread for the next ones:
/// a small result then costs neither `malloc` nor `free`.
mod blocks {
    use std::alloc::{self, Layout};
    use std::cell::Cell;

    /// The allocation of a handle to a buffer with inline storage (`Inner<Buffer>`).
    pub(super) const BLOCK: Layout = Layout::new::<super::Inner<crate::buffer::Buffer>>();

    const KEEP: usize = 8;

    struct Cache {
        n: Cell<usize>,
        blocks: [Cell<*mut u8>; KEEP],
    }

    impl Drop for Cache {
        fn drop(&mut self) {
            for b in &self.blocks[..self.n.get()] {
                // SAFETY: each kept block came from `alloc::alloc(BLOCK)` and is in no use.
                unsafe { alloc::dealloc(b.get(), BLOCK) };
            }
        }
    }

    thread_local! {
        static CACHE: Cache = const {
            Cache { n: Cell::new(0), blocks: [const { Cell::new(std::ptr::null_mut()) }; KEEP] }
        };
    }

    /// An uninitialised block of layout `BLOCK` (null when the allocator fails).
    #[inline]
    pub(super) fn take() -> *mut u8 {
        let kept = CACHE
            .try_with(|c| {
                let n = c.n.get();
                (n > 0).then(|| {
                    c.n.set(n - 1);
                    c.blocks[n - 1].get()
                })
            })
            .ok()
            .flatten();
        // SAFETY: `BLOCK` has a non-zero size.
        kept.unwrap_or_else(|| unsafe { alloc::alloc(BLOCK) })
    }

    /// Takes back a block of layout `BLOCK` that nothing uses any more.
    #[inline]
    pub(super) fn give(block: *mut u8) {
        let kept = CACHE
            .try_with(|c| {
                let n = c.n.get();
                (n < KEEP).then(|| {
                    c.blocks[n].set(block);
                    c.n.set(n + 1);
                })
            })
            .ok()
            .flatten();
        if kept.is_none() {
            // SAFETY: the block came from `alloc::alloc(BLOCK)` (here or in `take`).
            unsafe { alloc::dealloc(block, BLOCK) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    struct Counted(Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn last_handle_drops_the_value_once() {
        let drops = Arc::new(AtomicUsize::new(0));
        let a = Shared::new(Counted(drops.clone()));
        let b = a.clone();
        let c = b.clone();
        assert!(Shared::ptr_eq(&a, &c));
        drop(a);
        drop(b);
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        drop(c);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn get_mut_only_when_unique() {
        let mut a = Shared::new(5u64);
        *Shared::get_mut(&mut a).unwrap() += 1;
        let b = a.clone();
        assert!(Shared::get_mut(&mut a).is_none());
        drop(b);
        assert_eq!(Shared::get_mut(&mut a).copied(), Some(6));
        assert!(!Shared::ptr_eq(&a, &Shared::new(6u64)));
    }

    #[test]
    fn handles_cross_threads() {
        let drops = Arc::new(AtomicUsize::new(0));
        let a = Shared::new(Counted(drops.clone()));
        std::thread::scope(|s| {
            for _ in 0..4 {
                let h = a.clone();
                s.spawn(move || {
                    let more: Vec<_> = (0..1000).map(|_| h.clone()).collect();
                    drop(more);
                });
            }
        });
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        drop(a);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    }
}
