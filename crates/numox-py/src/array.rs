//! The array object `numox.ndarray`: a numox [`Array`] behind a frozen Python class. Views share
//! memory and writes through any view reach every array over the same memory, as in NumPy.

use crate::convert::py_scalar;
use crate::dtypes::{dtype_obj, to_dtype, PyDType};
use crate::errors::{type_error, value_error, IntoPyResult};
use numox::print::{array_repr, array_str, get_printoptions};
use numox::{bridge::raw, Array, DType, Scalar};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyComplex, PyList, PyTuple};

/// An n-dimensional array (NumPy's `ndarray`, the Array API's array object).
#[pyclass(name = "ndarray", module = "numox", frozen, weakref, sequence)]
pub struct PyArr {
    pub a: Array,
}

/// A new array result on its way to Python: converts through [`wrap`], the fast path for new
/// array objects. Functions return it where they would return a `PyArr`.
pub struct Out(pub Array);

impl<'py> IntoPyObject<'py> for Out {
    type Target = PyArr;
    type Output = Bound<'py, PyArr>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyArr>> {
        Ok(wrap(py, self.0)?.into_bound(py))
    }
}

/// Wraps a numox result as a new Python array object.
///
/// The object is allocated directly, with the array written where PyO3 keeps it ([`Fast`]);
/// PyO3's own path (`Py::new`) calls the base type's `tp_new` with an empty tuple first, a third
/// of the cost of a small result such as `x[3]`.
#[inline]
pub fn wrap(py: Python<'_>, a: Array) -> PyResult<Py<PyArr>> {
    match fast(py) {
        Some(f) => {
            // SAFETY: the GIL is held (`py`); the type object is numox.ndarray's.
            let obj = unsafe { f.new_object(<PyArr as pyo3::PyTypeInfo>::type_object_raw(py), a) };
            if obj.is_null() {
                return Err(PyErr::fetch(py));
            }
            // SAFETY: `obj` is a new, owned numox.ndarray.
            Ok(unsafe {
                Bound::from_owned_ptr(py, obj)
                    .cast_into_unchecked::<PyArr>()
                    .unbind()
            })
        }
        None => Py::new(py, PyArr { a }),
    }
}

/// How [`wrap`] makes an object without PyO3's initializer: how to allocate it, its size and
/// the byte offset of the `PyArr` inside it.
#[derive(Clone, Copy)]
pub(crate) struct Fast {
    /// The type's own allocator, or `None` where that is CPython's generic one on a GC type:
    /// then the object comes from `PyObject_GC_New`, which skips the generic allocator's zeroing
    /// of the whole object and its linking into the collector's list. The object is not tracked:
    /// a numox array holds no Python references the collector could follow (PyO3's traverse
    /// visits none), and untracking it again at deallocation is a no-op.
    alloc: Option<pyo3::ffi::allocfunc>,
    basic: usize,
    pub(crate) offset: usize,
}

/// Bytes of CPython's object header (reference count and type).
const HEADER: usize = std::mem::size_of::<pyo3::ffi::PyObject>();

impl Fast {
    /// A new numox.ndarray object holding `a`, or NULL with a Python error set.
    ///
    /// # Safety
    /// The GIL must be held and `ty` must be numox.ndarray's type object.
    #[inline]
    pub(crate) unsafe fn new_object(
        self,
        ty: *mut pyo3::ffi::PyTypeObject,
        a: Array,
    ) -> *mut pyo3::ffi::PyObject {
        // SAFETY: either allocator returns an object of the type's basic size with its header
        // set (or NULL with an error set); the bytes after the header are zeroed here (the
        // generic allocator zeroed them already). `probe_fast` checked that a PyO3-made object
        // differs from zeroes only at `offset`, where its `PyArr` lives, so writing one there
        // makes the same object PyO3 would have made.
        unsafe {
            let obj = match self.alloc {
                Some(alloc) => alloc(ty, 0),
                None => {
                    let obj = pyo3::ffi::PyObject_GC_New::<pyo3::ffi::PyObject>(ty);
                    if !obj.is_null() {
                        std::ptr::write_bytes(obj.cast::<u8>().add(HEADER), 0, self.basic - HEADER);
                    }
                    obj
                }
            };
            if !obj.is_null() {
                std::ptr::write(
                    obj.cast::<u8>().add(self.offset).cast::<PyArr>(),
                    PyArr { a },
                );
            }
            obj
        }
    }
}

/// The fast path of [`wrap`] if it has been set up (by a first call of `wrap`).
#[inline]
pub(crate) fn fast_ready(py: Python<'_>) -> Option<Fast> {
    FAST.get(py).copied().flatten()
}

/// Set up once per process; PyO3's once-lock lets go of the GIL while a thread waits for it, so
/// a probe that runs Python code (a collection, say) cannot deadlock with another thread.
static FAST: pyo3::sync::PyOnceLock<Option<Fast>> = pyo3::sync::PyOnceLock::new();

#[inline]
fn fast(py: Python<'_>) -> Option<Fast> {
    *FAST.get_or_init(py, || probe_fast(py))
}

/// Makes one object through PyO3 and checks its layout: the `PyArr` at a fixed offset and every
/// other byte after the object header zero (no borrow flag, thread id or dict; an empty weakref
/// slot). Anything else leaves `wrap` on PyO3's path.
#[cold]
fn probe_fast(py: Python<'_>) -> Option<Fast> {
    let obj = Py::new(
        py,
        PyArr {
            a: Array::scalar(0.0f64),
        },
    )
    .ok()?;
    let start = obj.as_ptr() as usize;
    let offset = (obj.get() as *const PyArr as usize).checked_sub(start)?;
    let ty = obj.bind(py).get_type();
    let basic: usize = ty.getattr("__basicsize__").ok()?.extract().ok()?;
    let header = std::mem::size_of::<pyo3::ffi::PyObject>();
    let end = offset + std::mem::size_of::<PyArr>();
    if offset < header || end > basic {
        return None;
    }
    // SAFETY: the object is alive (`obj`) and `basic` bytes long; reading its bytes as `u8` is
    // valid (PyO3 wrote every byte of it: zeroed by `tp_alloc`, then the contents).
    let bytes = unsafe { std::slice::from_raw_parts(start as *const u8, basic) };
    if bytes[header..offset]
        .iter()
        .chain(&bytes[end..])
        .any(|&b| b != 0)
    {
        return None;
    }
    // SAFETY: the type object is alive; `Py_tp_alloc` is a valid slot number.
    let slot = unsafe { pyo3::ffi::PyType_GetSlot(ty.as_ptr().cast(), pyo3::ffi::Py_tp_alloc) };
    if slot.is_null() {
        return None;
    }
    // SAFETY: the type object is alive.
    let gc = unsafe { pyo3::ffi::PyType_GetFlags(ty.as_ptr().cast()) }
        & pyo3::ffi::Py_TPFLAGS_HAVE_GC
        != 0;
    let generic = slot == pyo3::ffi::PyType_GenericAlloc as *mut std::ffi::c_void;
    // SAFETY: the `Py_tp_alloc` slot holds an `allocfunc`.
    let alloc = unsafe { std::mem::transmute::<*mut std::ffi::c_void, pyo3::ffi::allocfunc>(slot) };
    Some(Fast {
        alloc: (!(gc && generic)).then_some(alloc),
        basic,
        offset,
    })
}

/// A Python value for a numox scalar (bool, int, float or complex).
pub fn scalar_to_py<'py>(py: Python<'py>, s: Scalar) -> PyResult<Bound<'py, PyAny>> {
    Ok(match s {
        Scalar::Bool(v) => pyo3::types::PyBool::new(py, v).to_owned().into_any(),
        Scalar::Int8(v) => v.into_pyobject(py)?.into_any(),
        Scalar::Int16(v) => v.into_pyobject(py)?.into_any(),
        Scalar::Int32(v) => v.into_pyobject(py)?.into_any(),
        Scalar::Int64(v) => v.into_pyobject(py)?.into_any(),
        Scalar::UInt8(v) => v.into_pyobject(py)?.into_any(),
        Scalar::UInt16(v) => v.into_pyobject(py)?.into_any(),
        Scalar::UInt32(v) => v.into_pyobject(py)?.into_any(),
        Scalar::UInt64(v) => v.into_pyobject(py)?.into_any(),
        Scalar::Float16(v) => f64::from(v).into_pyobject(py)?.into_any(),
        Scalar::BFloat16(v) => f64::from(v).into_pyobject(py)?.into_any(),
        Scalar::Float32(v) => (v as f64).into_pyobject(py)?.into_any(),
        Scalar::Float64(v) => v.into_pyobject(py)?.into_any(),
        Scalar::Complex64(v) => PyComplex::from_doubles(py, v.re as f64, v.im as f64).into_any(),
        Scalar::Complex128(v) => PyComplex::from_doubles(py, v.re, v.im).into_any(),
    })
}

/// Nested lists of Python scalars (`a.tolist()`).
fn to_list<'py>(py: Python<'py>, a: &Array) -> PyResult<Bound<'py, PyAny>> {
    if a.ndim() == 0 {
        return scalar_to_py(py, a.item().py()?);
    }
    let n = a.shape()[0];
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        items.push(to_list(py, &a.index_axis(0, i as isize).py()?)?);
    }
    Ok(PyList::new(py, items)?.into_any())
}

/// The single element of a size-1 array, or NumPy's error for a larger one.
fn only_element(a: &Array, what: &str) -> PyResult<Scalar> {
    if a.size() != 1 {
        return Err(if what == "bool" {
            value_error(
                "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
            )
        } else {
            type_error("only length-1 arrays can be converted to Python scalars")
        });
    }
    a.reshape(&[]).py()?.item().py()
}

#[pymethods]
impl PyArr {
    /// The dimension lengths.
    #[getter]
    fn shape<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.a.shape())
    }

    /// The data type.
    #[getter]
    fn dtype(&self) -> PyDType {
        dtype_obj(self.a.dtype())
    }

    /// Number of dimensions.
    #[getter]
    fn ndim(&self) -> usize {
        self.a.ndim()
    }

    /// Number of elements.
    #[getter]
    fn size(&self) -> usize {
        self.a.size()
    }

    /// Bytes per element.
    #[getter]
    fn itemsize(&self) -> usize {
        self.a.itemsize()
    }

    /// Bytes of all elements.
    #[getter]
    fn nbytes(&self) -> usize {
        self.a.nbytes()
    }

    /// Byte steps between neighbours along each axis (NumPy's `strides`).
    #[getter]
    fn strides<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.a.strides())
    }

    /// The transpose: all axes reversed (a view).
    #[getter(T)]
    fn t(&self, py: Python<'_>) -> PyResult<Py<PyArr>> {
        wrap(py, self.a.t())
    }

    /// The last two axes swapped (a view); needs at least two dimensions.
    #[getter(mT)]
    fn m_t(&self) -> PyResult<Out> {
        let n = self.a.ndim();
        if n < 2 {
            return Err(value_error(
                "x must be at least 2-dimensional for matrix_transpose",
            ));
        }
        Ok(Out(numox::swapaxes(&self.a, -1, -2).py()?))
    }

    /// The device the array lives on: always `"cpu"`.
    #[getter]
    fn device(&self) -> &'static str {
        "cpu"
    }

    /// The array on `device` (only `"cpu"` exists): the same array.
    #[pyo3(signature = (device, /, *, stream=None))]
    fn to_device(
        slf: Py<Self>,
        device: &Bound<'_, PyAny>,
        stream: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<Self>> {
        crate::info::check_device(Some(device))?;
        if stream.is_some_and(|s| !s.is_none()) {
            return Err(value_error("stream is not supported on the CPU device"));
        }
        Ok(slf)
    }

    /// The namespace of Array API functions for this array: the `numox` module.
    #[pyo3(signature = (*, api_version=None))]
    fn __array_namespace__<'py>(
        &self,
        py: Python<'py>,
        api_version: Option<&str>,
    ) -> PyResult<Bound<'py, PyModule>> {
        if let Some(v) = api_version
            && !matches!(v, "2021.12" | "2022.12" | "2023.12" | "2024.12")
        {
            return Err(value_error(format!(
                "Unrecognized array API version: '{v}'"
            )));
        }
        py.import("numox")
    }

    fn __len__(&self) -> PyResult<usize> {
        match self.a.shape().first() {
            Some(&n) => Ok(n),
            None => Err(PyTypeError::new_err("len() of unsized object")),
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let Some(&n) = self.a.shape().first() else {
            return Err(PyTypeError::new_err("iteration over a 0-d array"));
        };
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            items.push(Out(self.a.index_axis(0, i as isize).py()?));
        }
        Ok(PyList::new(py, items)?.into_any().try_iter()?.into_any())
    }

    fn __repr__(&self) -> String {
        array_repr(&self.a, &get_printoptions())
    }

    fn __str__(&self) -> String {
        array_str(&self.a, &get_printoptions())
    }

    fn __bool__(&self) -> PyResult<bool> {
        let s = only_element(&self.a, "bool")?;
        Ok(match s {
            Scalar::Bool(b) => b,
            Scalar::Complex64(c) => c.re != 0.0 || c.im != 0.0,
            Scalar::Complex128(c) => c.re != 0.0 || c.im != 0.0,
            other => Array::from_scalar(other)
                .astype(DType::Bool)
                .and_then(|x| x.item_as::<bool>())
                .py()?,
        })
    }

    fn __int__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = only_element(&self.a, "int")?;
        let v = scalar_to_py(py, s)?;
        if self.a.dtype().is_complex() {
            return Err(type_error("int() argument must be a string, a bytes-like object or a real number, not 'complex'"));
        }
        let builtins = py.import("builtins")?;
        builtins.getattr("int")?.call1((v,))
    }

    fn __float__(&self, py: Python<'_>) -> PyResult<f64> {
        let s = only_element(&self.a, "float")?;
        if self.a.dtype().is_complex() {
            return Err(type_error(
                "float() argument must be a string or a real number, not 'complex'",
            ));
        }
        scalar_to_py(py, s)?.extract::<f64>()
    }

    fn __complex__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = only_element(&self.a, "complex")?;
        let v = scalar_to_py(py, s)?;
        py.import("builtins")?.getattr("complex")?.call1((v,))
    }

    fn __index__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.a.dtype();
        if !(self.a.ndim() == 0 && d.is_integer()) {
            return Err(type_error(
                "only integer scalar arrays can be converted to a scalar index",
            ));
        }
        scalar_to_py(py, self.a.item().py()?)
    }

    /// The element of a size-1 array, or the one at a flat index / multi-index, as a Python
    /// scalar (NumPy's `a.item(*args)`).
    #[pyo3(signature = (*args))]
    fn item<'py>(&self, py: Python<'py>, args: Vec<isize>) -> PyResult<Bound<'py, PyAny>> {
        let s = match args.len() {
            0 => {
                if self.a.size() != 1 {
                    return Err(value_error(
                        "can only convert an array of size 1 to a Python scalar",
                    ));
                }
                self.a.reshape(&[]).py()?.item().py()?
            }
            1 => {
                let flat = self.a.reshape(&[-1]).py()?;
                flat.get(&[args[0]]).py()?
            }
            _ => self.a.get(&args).py()?,
        };
        scalar_to_py(py, s)
    }

    /// Nested lists of Python scalars.
    fn tolist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_list(py, &self.a)
    }

    /// A copy cast to `dtype` (NumPy's `astype`; `copy=False` returns the same array when the
    /// dtype is already right).
    #[pyo3(signature = (dtype, /, *, copy=true, casting="unsafe"))]
    fn astype(
        slf: &Bound<'_, Self>,
        dtype: &Bound<'_, PyAny>,
        copy: bool,
        casting: &str,
    ) -> PyResult<Py<Self>> {
        let d = to_dtype(dtype)?;
        let a = &slf.get().a;
        if d == a.dtype() && !copy {
            return Ok(slf.clone().unbind());
        }
        let casting: numox::Casting = casting.parse().py()?;
        let r = if d == a.dtype() {
            a.copy()
        } else {
            a.astype_with(d, casting).py()?
        };
        wrap(slf.py(), r)
    }

    /// A C-ordered copy (or in `order`).
    #[pyo3(signature = (order="C"))]
    fn copy(&self, order: &str) -> PyResult<Out> {
        let o = match order {
            "C" | "K" | "A" => numox::Order::C,
            "F" => numox::Order::F,
            _ => return Err(value_error("order must be one of 'C', 'F', 'A', or 'K'")),
        };
        Ok(Out(self.a.copy_order(o)))
    }

    /// A view (or copy) with another shape; `-1` infers one length.
    #[pyo3(signature = (*shape, order="C"))]
    fn reshape(&self, shape: &Bound<'_, PyTuple>, order: &str) -> PyResult<Out> {
        let dims: Vec<isize> =
            if shape.len() == 1 && !shape.get_item(0)?.is_instance_of::<pyo3::types::PyInt>() {
                shape.get_item(0)?.extract()?
            } else {
                shape.extract()?
            };
        let o = match order {
            "C" => numox::Order::C,
            "F" => numox::Order::F,
            _ => return Err(value_error("order must be one of 'C' or 'F'")),
        };
        Ok(Out(self.a.reshape_order(&dims, o).py()?))
    }

    /// A 1-D copy.
    fn flatten(&self) -> PyResult<Out> {
        Ok(Out(self.a.copy().reshape(&[-1]).py()?))
    }

    /// A 1-D view where possible.
    fn ravel(&self) -> PyResult<Out> {
        Ok(Out(self.a.reshape(&[-1]).py()?))
    }

    /// NumPy's `__array_interface__` (version 3): how NumPy reads this array without a copy.
    #[getter]
    fn __array_interface__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        crate::interop::array_interface(slf)
    }

    /// `numpy.asarray(x)` calls this when the interface does not do: a NumPy array sharing memory.
    #[pyo3(signature = (dtype=None, copy=None))]
    fn __array__<'py>(
        slf: &Bound<'py, Self>,
        dtype: Option<&Bound<'py, PyAny>>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::interop::to_numpy(slf, dtype, copy)
    }

    /// DLPack export: a capsule that shares this array's memory.
    #[pyo3(signature = (*, stream=None, max_version=None, dl_device=None, copy=None))]
    fn __dlpack__<'py>(
        slf: &Bound<'py, Self>,
        stream: Option<&Bound<'py, PyAny>>,
        max_version: Option<(u32, u32)>,
        dl_device: Option<(i32, i32)>,
        copy: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::dlpack::export(slf, stream, max_version, dl_device, copy)
    }

    /// The DLPack device: `(kDLCPU, 0)`.
    fn __dlpack_device__(&self) -> (i32, i32) {
        (1, 0)
    }

    fn __setitem__(&self, key: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        crate::indexing::setitem(&self.a, key, value)
    }

    fn __copy__(&self) -> Out {
        Out(self.a.copy())
    }

    #[pyo3(signature = (_memo=None))]
    fn __deepcopy__(&self, _memo: Option<&Bound<'_, PyAny>>) -> Out {
        Out(self.a.copy())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let py = slf.py();
        let f = py.import("numox")?.getattr("asarray")?;
        let list = to_list(py, &slf.get().a)?;
        Ok((f, (list, dtype_obj(slf.get().a.dtype()))))
    }
}

/// What `__reduce__` gives pickle: `numox.asarray` and its arguments.
type Reduced<'py> = (Bound<'py, PyAny>, (Bound<'py, PyAny>, PyDType));

/// A scalar or array operand from a Python value, for writes (`a[i] = v`).
pub fn value_array(v: &Bound<'_, PyAny>, dtype: DType) -> PyResult<Array> {
    if let Some(s) = py_scalar(v)? {
        let a = crate::convert::scalar_array(s, Some(dtype).filter(|d| d.is_integer()))?;
        return Ok(a);
    }
    crate::convert::to_array(v, None)
}

/// Writes `src` into every element of `dst` (broadcast, cast `unsafe`), in its shared memory.
pub fn write_all(dst: &Array, src: &Array) -> PyResult<()> {
    // SAFETY: the GIL is held; no other thread touches numox arrays meanwhile.
    let mut v = unsafe { raw::view_mut_shared(dst) }.py()?;
    v.assign(&[], src).py()
}
