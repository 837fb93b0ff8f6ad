//! DLPack, both ways: `x.__dlpack__()` hands a capsule over numox memory to a consumer (NumPy's
//! `from_dlpack`, PyTorch, ...), and `numox.from_dlpack(obj)` wraps a producer's memory.

use crate::array::{Out, PyArr};
use crate::errors::{type_error, value_error, IntoPyResult};
use numox::{bridge::raw, Array, DType};
use pyo3::exceptions::PyBufferError;
use pyo3::ffi;
use pyo3::prelude::*;
use std::ffi::{c_void, CStr};

#[repr(C)]
#[derive(Clone, Copy)]
struct DLDevice {
    device_type: i32,
    device_id: i32,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct DLDataType {
    code: u8,
    bits: u8,
    lanes: u16,
}

#[repr(C)]
struct DLTensor {
    data: *mut c_void,
    device: DLDevice,
    ndim: i32,
    dtype: DLDataType,
    shape: *mut i64,
    strides: *mut i64,
    byte_offset: u64,
}

#[repr(C)]
struct DLManagedTensor {
    dl_tensor: DLTensor,
    manager_ctx: *mut c_void,
    deleter: Option<unsafe extern "C" fn(*mut DLManagedTensor)>,
}

#[repr(C)]
struct DLManagedTensorVersioned {
    version: [u32; 2],
    manager_ctx: *mut c_void,
    deleter: Option<unsafe extern "C" fn(*mut DLManagedTensorVersioned)>,
    flags: u64,
    dl_tensor: DLTensor,
}

const READ_ONLY: u64 = 1;
const NAME: &CStr = c"dltensor";
const USED: &CStr = c"used_dltensor";
const NAME_V: &CStr = c"dltensor_versioned";
const USED_V: &CStr = c"used_dltensor_versioned";

fn dl_dtype(d: DType) -> DLDataType {
    let bits = (d.itemsize() * 8) as u8;
    let code = match d {
        DType::Bool => 6,
        DType::BFloat16 => 4,
        _ if d.is_complex() => 5,
        _ if d.is_float() => 2,
        _ if d.kind() == numox::dtype::Kind::UInt => 1,
        _ => 0,
    };
    DLDataType {
        code,
        bits,
        lanes: 1,
    }
}

fn from_dl_dtype(t: DLDataType) -> PyResult<DType> {
    if t.lanes != 1 {
        return Err(type_error("DLPack: vector dtypes are not supported"));
    }
    let d = match (t.code, t.bits) {
        (6, 8) | (1, 1) => DType::Bool,
        (0, 8) => DType::Int8,
        (0, 16) => DType::Int16,
        (0, 32) => DType::Int32,
        (0, 64) => DType::Int64,
        (1, 8) => DType::UInt8,
        (1, 16) => DType::UInt16,
        (1, 32) => DType::UInt32,
        (1, 64) => DType::UInt64,
        (2, 16) => DType::Float16,
        (2, 32) => DType::Float32,
        (2, 64) => DType::Float64,
        (4, 16) => DType::BFloat16,
        (5, 64) => DType::Complex64,
        (5, 128) => DType::Complex128,
        (c, b) => {
            return Err(type_error(format!(
                "DLPack: unsupported dtype code {c} with {b} bits"
            )))
        }
    };
    Ok(d)
}

/// What an exported tensor keeps alive: the array and its shape and strides (in elements).
struct Ctx {
    _array: Array,
    shape: Vec<i64>,
    strides: Vec<i64>,
}

unsafe extern "C" fn delete_unversioned(m: *mut DLManagedTensor) {
    // SAFETY: `m` and its context were leaked by `export` from boxes of these types.
    unsafe {
        drop(Box::from_raw((*m).manager_ctx as *mut Ctx));
        drop(Box::from_raw(m));
    }
}

unsafe extern "C" fn delete_versioned(m: *mut DLManagedTensorVersioned) {
    // SAFETY: as above.
    unsafe {
        drop(Box::from_raw((*m).manager_ctx as *mut Ctx));
        drop(Box::from_raw(m));
    }
}

unsafe extern "C" fn capsule_destructor(cap: *mut ffi::PyObject) {
    // SAFETY: called by Python with the capsule; a capsule still named "dltensor[_versioned]" was
    // never consumed, so its tensor is ours to delete.
    unsafe {
        if ffi::PyCapsule_IsValid(cap, NAME.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(cap, NAME.as_ptr()) as *mut DLManagedTensor;
            if let Some(d) = (*m).deleter {
                d(m);
            }
        } else if ffi::PyCapsule_IsValid(cap, NAME_V.as_ptr()) == 1 {
            let m =
                ffi::PyCapsule_GetPointer(cap, NAME_V.as_ptr()) as *mut DLManagedTensorVersioned;
            if let Some(d) = (*m).deleter {
                d(m);
            }
        }
    }
}

/// `x.__dlpack__(...)`: a DLPack capsule sharing `x`'s memory (versioned when the consumer asks
/// for DLPack 1.0 or newer).
pub fn export<'py>(
    slf: &Bound<'py, PyArr>,
    stream: Option<&Bound<'py, PyAny>>,
    max_version: Option<(u32, u32)>,
    dl_device: Option<(i32, i32)>,
    copy: Option<bool>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    if stream.is_some_and(|s| !s.is_none()) {
        return Err(value_error("stream must be None on the CPU device"));
    }
    if let Some((t, _)) = dl_device
        && t != 1
    {
        return Err(PyBufferError::new_err(
            "numox arrays live on the CPU (device type 1) only",
        ));
    }
    let a = if copy == Some(true) {
        slf.get().a.copy()
    } else {
        slf.get().a.clone()
    };
    let item = a.itemsize() as isize;
    let mut ctx = Box::new(Ctx {
        shape: a.shape().iter().map(|&n| n as i64).collect(),
        strides: raw::byte_strides(&a)
            .iter()
            .map(|&s| (s / item) as i64)
            .collect(),
        _array: a.clone(),
    });
    let tensor = DLTensor {
        data: raw::data_ptr(&a) as *mut c_void,
        device: DLDevice {
            device_type: 1,
            device_id: 0,
        },
        ndim: a.ndim() as i32,
        dtype: dl_dtype(a.dtype()),
        shape: ctx.shape.as_mut_ptr(),
        strides: ctx.strides.as_mut_ptr(),
        byte_offset: 0,
    };
    let versioned = max_version.is_some_and(|(major, _)| major >= 1);
    let ctx_ptr = Box::into_raw(ctx) as *mut c_void;
    let (ptr, name) = if versioned {
        let mut flags = if a.is_writeable() { 0 } else { READ_ONLY };
        if copy == Some(true) {
            flags |= 2;
        }
        let m = Box::new(DLManagedTensorVersioned {
            version: [1, 0],
            manager_ctx: ctx_ptr,
            deleter: Some(delete_versioned),
            flags,
            dl_tensor: tensor,
        });
        (Box::into_raw(m) as *mut c_void, NAME_V)
    } else {
        let m = Box::new(DLManagedTensor {
            dl_tensor: tensor,
            manager_ctx: ctx_ptr,
            deleter: Some(delete_unversioned),
        });
        (Box::into_raw(m) as *mut c_void, NAME)
    };
    // SAFETY: `ptr` is a leaked managed tensor; the destructor deletes it unless consumed.
    unsafe {
        let cap = ffi::PyCapsule_New(ptr, name.as_ptr(), Some(capsule_destructor));
        Bound::from_owned_ptr_or_err(py, cap)
    }
}

/// Owns a consumed managed tensor; deletes it when the last numox view of its memory goes.
struct Imported {
    m: *mut c_void,
    versioned: bool,
}

// SAFETY: the tensor is only touched by `drop`, which DLPack allows from any thread.
unsafe impl Send for Imported {}
// SAFETY: see above: shared references never touch the tensor.
unsafe impl Sync for Imported {}

impl Drop for Imported {
    fn drop(&mut self) {
        // SAFETY: `m` is a managed tensor we consumed; its deleter frees it exactly once.
        unsafe {
            if self.versioned {
                let m = self.m as *mut DLManagedTensorVersioned;
                if let Some(d) = (*m).deleter {
                    d(m);
                }
            } else {
                let m = self.m as *mut DLManagedTensor;
                if let Some(d) = (*m).deleter {
                    d(m);
                }
            }
        }
    }
}

/// `numox.from_dlpack(obj)`: a zero-copy array over a DLPack producer's CPU memory.
pub fn from_dlpack_obj(obj: &Bound<'_, PyAny>) -> PyResult<Array> {
    let py = obj.py();
    if let Ok(dev) = obj.call_method0("__dlpack_device__") {
        let (t, _): (i32, i32) = dev.extract()?;
        if t != 1 && t != 3 {
            return Err(PyBufferError::new_err(
                "from_dlpack: only CPU memory can be shared",
            ));
        }
    }
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("max_version", (1, 0))?;
    let cap = match obj.call_method("__dlpack__", (), Some(&kwargs)) {
        Ok(c) => c,
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyTypeError>(py) => {
            obj.call_method0("__dlpack__")?
        }
        Err(e) => return Err(e),
    };
    let p = cap.as_ptr();
    // SAFETY: `cap` is a live capsule; names are checked before the pointer is read, and the
    // capsule is renamed "used_..." so that its destructor leaves the tensor to us.
    unsafe {
        let (m, versioned) = if ffi::PyCapsule_IsValid(p, NAME_V.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(p, NAME_V.as_ptr());
            ffi::PyCapsule_SetName(p, USED_V.as_ptr());
            (m, true)
        } else if ffi::PyCapsule_IsValid(p, NAME.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(p, NAME.as_ptr());
            ffi::PyCapsule_SetName(p, USED.as_ptr());
            (m, false)
        } else {
            return Err(type_error("__dlpack__ did not return a DLPack capsule"));
        };
        let owner = Imported { m, versioned };
        let (t, flags): (&DLTensor, u64) = if versioned {
            let mv = &*(m as *const DLManagedTensorVersioned);
            (&mv.dl_tensor, mv.flags)
        } else {
            (&(*(m as *const DLManagedTensor)).dl_tensor, 0)
        };
        let dtype = from_dl_dtype(t.dtype)?;
        let nd = t.ndim as usize;
        let shape: Vec<usize> = (0..nd).map(|i| *t.shape.add(i) as usize).collect();
        let item = dtype.itemsize() as isize;
        let strides: Vec<isize> = if t.strides.is_null() {
            crate::convert::c_strides(&shape, dtype.itemsize())
        } else {
            (0..nd).map(|i| *t.strides.add(i) as isize * item).collect()
        };
        let first = (t.data as *mut u8).wrapping_add(t.byte_offset as usize);
        raw::from_first_element(
            first,
            Box::new(owner),
            flags & READ_ONLY == 0,
            dtype,
            &shape,
            &strides,
        )
        .py()
    }
}

/// `numox.from_dlpack(x, /, *, device=None, copy=None)`.
#[pyfunction]
#[pyo3(signature = (x, /, *, device=None, copy=None))]
pub fn from_dlpack(
    x: &Bound<'_, PyAny>,
    device: Option<&Bound<'_, PyAny>>,
    copy: Option<bool>,
) -> PyResult<Out> {
    crate::info::check_device(device)?;
    if let Ok(a) = x.cast::<PyArr>() {
        let a = &a.get().a;
        return Ok(Out(if copy == Some(true) {
            a.copy()
        } else {
            a.clone()
        }));
    }
    let a = from_dlpack_obj(x)?;
    Ok(Out(if copy == Some(true) { a.copy() } else { a }))
}
