//! Python objects to numox arrays and operands: numox arrays (shared), anything with NumPy's
//! `__array_interface__` (zero-copy over its memory), `__array__`/`__dlpack__` providers, Python
//! scalars (weak, as NumPy 2 treats them) and nested sequences.

use crate::array::PyArr;
use crate::errors::{type_error, value_error, IntoPyResult};
use numox::ufunc::Operand;
use numox::{bridge::raw, Array, Complex64, DType, Scalar};
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyComplex, PyDict, PyFloat, PyInt, PyList, PySequence, PyTuple};

/// A Python number as a weak scalar, or `None` if `obj` is not a Python `bool`, `int`, `float`
/// or `complex` (NumPy scalars are arrays here: they carry a dtype).
pub fn py_scalar(obj: &Bound<'_, PyAny>) -> PyResult<Option<Scalar>> {
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Some(Scalar::Bool(b.is_true())));
    }
    if obj.is_exact_instance_of::<PyFloat>() {
        return Ok(Some(Scalar::Float64(obj.extract::<f64>()?)));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(v) = obj.extract::<i64>() {
            return Ok(Some(Scalar::Int64(v)));
        }
        if let Ok(v) = obj.extract::<u64>() {
            return Ok(Some(Scalar::UInt64(v)));
        }
        return Err(PyOverflowError::new_err(format!(
            "Python integer {} out of bounds for int64",
            obj.str()?
        )));
    }
    if obj.is_exact_instance_of::<PyComplex>() {
        let c = obj.cast::<PyComplex>()?;
        return Ok(Some(Scalar::Complex128(Complex64::new(c.real(), c.imag()))));
    }
    if obj.is_instance_of::<PyFloat>() && !has_dtype(obj) {
        return Ok(Some(Scalar::Float64(obj.extract::<f64>()?)));
    }
    Ok(None)
}

fn has_dtype(obj: &Bound<'_, PyAny>) -> bool {
    obj.hasattr(pyo3::intern!(obj.py(), "dtype"))
        .unwrap_or(false)
}

/// An operand of an elementwise function: a numox array (borrowed), a weak Python scalar, or any
/// other array-like converted into `hold` (borrowed from there, so numox never reuses memory that
/// NumPy owns as an output).
pub fn operand<'a>(
    obj: &'a Bound<'_, PyAny>,
    hold: &'a mut Option<Array>,
) -> PyResult<Operand<'a>> {
    if let Ok(a) = obj.cast::<PyArr>() {
        return Ok(Operand::Array(&a.get().a));
    }
    if let Some(s) = py_scalar(obj)? {
        return Ok(Operand::Scalar(s));
    }
    *hold = Some(to_array(obj, None)?);
    match hold {
        Some(a) => Ok(Operand::Array(a)),
        None => Err(value_error("unreachable")),
    }
}

/// Like [`operand`], but `None` when `obj` is not an array-like at all (operators return
/// `NotImplemented` then).
pub fn try_operand<'a>(
    obj: &'a Bound<'_, PyAny>,
    hold: &'a mut Option<Array>,
) -> PyResult<Option<Operand<'a>>> {
    if obj.is_none() || obj.is_instance_of::<pyo3::types::PyString>() {
        return Ok(None);
    }
    match operand(obj, hold) {
        Ok(o) => Ok(Some(o)),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyTypeError>(obj.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `numox.asarray(obj)` without options: shares memory where it can.
pub fn to_array(obj: &Bound<'_, PyAny>, dtype: Option<DType>) -> PyResult<Array> {
    let a = to_array_any(obj, dtype)?;
    match dtype {
        Some(d) if d != a.dtype() => a.astype(d).py(),
        _ => Ok(a),
    }
}

fn to_array_any(obj: &Bound<'_, PyAny>, dtype: Option<DType>) -> PyResult<Array> {
    let py = obj.py();
    if let Ok(a) = obj.cast::<PyArr>() {
        return Ok(a.get().a.clone());
    }
    if let Some(s) = py_scalar(obj)? {
        return scalar_array(s, dtype);
    }
    if let Some(a) = from_array_struct(obj)? {
        return Ok(a);
    }
    if let Ok(iface) = obj.getattr(pyo3::intern!(py, "__array_interface__"))
        && let Ok(d) = iface.cast::<PyDict>()
    {
        return from_interface(obj, d);
    }
    if obj.hasattr(pyo3::intern!(py, "__array__"))? && !obj.is_instance_of::<PyList>() {
        let np = obj.call_method0(pyo3::intern!(py, "__array__"))?;
        return to_array_any(&np, dtype);
    }
    if obj.hasattr(pyo3::intern!(py, "__dlpack__"))? {
        return crate::dlpack::from_dlpack_obj(obj);
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return from_sequence(obj, dtype);
    }
    if let Ok(seq) = obj.cast::<PySequence>()
        && !obj.is_instance_of::<pyo3::types::PyString>()
        && !obj.is_instance_of::<pyo3::types::PyBytes>()
    {
        return from_sequence(&seq.to_list()?.into_any(), dtype);
    }
    Err(type_error(format!(
        "cannot convert an object of type '{}' to an array",
        obj.get_type().name()?
    )))
}

/// A 0-d array holding a Python scalar; with `dtype`, the value is checked against it as NumPy
/// does for `np.asarray(300, dtype=np.uint8)` (an OverflowError).
pub fn scalar_array(s: Scalar, dtype: Option<DType>) -> PyResult<Array> {
    if let Some(d) = dtype
        && d.is_integer()
    {
        numox::promote::check_weak_int(&s, d).py()?;
    }
    Ok(Array::from_scalar(s))
}

/// A zero-copy array over the memory an `__array_interface__` describes, kept alive by `obj`.
fn from_interface(obj: &Bound<'_, PyAny>, iface: &Bound<'_, PyDict>) -> PyResult<Array> {
    let py = obj.py();
    let get = |k: &str| -> PyResult<Bound<'_, PyAny>> {
        iface
            .get_item(k)?
            .ok_or_else(|| value_error(format!("__array_interface__ has no '{k}'")))
    };
    let typestr: String = get("typestr")?.extract()?;
    let shape: Vec<usize> = get("shape")?.extract()?;
    let data = get("data")?;
    let (order, kind, size) = split_typestr(&typestr)?;
    let dtype = match (kind, size) {
        ('V', 2) => {
            let name: String = obj.getattr("dtype")?.getattr("name")?.extract()?;
            if name != "bfloat16" {
                return Err(type_error(format!("unsupported data type {typestr}")));
            }
            DType::BFloat16
        }
        _ => interface_dtype(kind, size)
            .ok_or_else(|| type_error(format!("unsupported data type {typestr}")))?,
    };
    let data_tuple = data.cast::<PyTuple>().ok();
    let swapped = order == '>' && size > 1;
    let has_mask = iface.get_item("mask")?.is_some_and(|m| !m.is_none());
    if swapped || data_tuple.is_none() || has_mask {
        // Byte-swapped or buffer-backed memory: let NumPy make a native copy.
        let np = py.import("numpy")?;
        let native = np.call_method1("ascontiguousarray", (obj,))?;
        let native = if swapped {
            let dt = native
                .getattr("dtype")?
                .call_method1("newbyteorder", ("=",))?;
            native.call_method1("astype", (dt,))?
        } else {
            native
        };
        if native.is(obj) {
            return Err(type_error("unsupported __array_interface__ memory"));
        }
        return to_array_any(&native, None);
    }
    let data_tuple = data_tuple.ok_or_else(|| type_error("unsupported __array_interface__"))?;
    let ptr: usize = data_tuple.get_item(0)?.extract()?;
    let readonly: bool = data_tuple.get_item(1)?.extract()?;
    let strides: Vec<isize> = match iface.get_item("strides")? {
        Some(s) if !s.is_none() => s.extract()?,
        _ => c_strides(&shape, size),
    };
    if let Some(off) = iface.get_item("offset")?
        && off.extract::<usize>()? != 0
    {
        return Err(type_error("__array_interface__ offsets are not supported"));
    }
    let owner: Box<dyn std::any::Any + Send + Sync> =
        Box::new((obj.clone().unbind(), iface.clone().unbind()));
    // SAFETY: the interface describes memory that `obj` (and the interface dict, which for NumPy
    // scalars holds the temporary array) keeps alive; both are held by the owner. Python code
    // that writes it concurrently does so under the GIL, as with NumPy's own views.
    unsafe { raw::from_first_element(ptr as *mut u8, owner, !readonly, dtype, &shape, &strides) }
        .py()
}

/// The dtype of an array-interface kind character and item size (`('f', 8)` is float64); `None`
/// for kinds numox has no dtype of (bfloat16 is `('V', 2)`, told apart by its dtype's name).
fn interface_dtype(kind: char, size: usize) -> Option<DType> {
    match kind {
        'b' if size == 1 => Some(DType::Bool),
        'i' | 'u' | 'f' | 'c' => crate::dtypes::parse_name(&format!("{kind}{size}")).ok(),
        _ => None,
    }
}

/// (byte order, kind, item size) of an array-interface type string such as `<f8`.
fn split_typestr(t: &str) -> PyResult<(char, char, usize)> {
    let mut c = t.chars();
    let (Some(order), Some(kind)) = (c.next(), c.next()) else {
        return Err(type_error(format!("bad type string {t}")));
    };
    let size: usize = c
        .as_str()
        .parse()
        .map_err(|_| type_error(format!("bad type string {t}")))?;
    Ok((order, kind, size))
}

/// C-order strides in bytes.
pub fn c_strides(shape: &[usize], item: usize) -> Vec<isize> {
    let mut s = vec![0isize; shape.len()];
    let mut acc = item as isize;
    for i in (0..shape.len()).rev() {
        s[i] = acc;
        acc *= shape[i].max(1) as isize;
    }
    s
}

/// The kinds of Python numbers met in a nested list, in promotion order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Bool,
    Int,
    UInt,
    Float,
    Complex,
}

enum Leaf {
    B(bool),
    I(i64),
    U(u64),
    F(f64),
    C(Complex64),
}

/// An array from nested lists/tuples of Python numbers (or of arrays, which are stacked).
fn from_sequence(obj: &Bound<'_, PyAny>, dtype: Option<DType>) -> PyResult<Array> {
    let mut shape = Vec::new();
    let mut cur = obj.clone();
    loop {
        if cur.is_instance_of::<PyList>() || cur.is_instance_of::<PyTuple>() {
            let n = cur.len()?;
            shape.push(n);
            if n == 0 {
                break;
            }
            cur = cur.get_item(0)?;
        } else {
            break;
        }
    }
    let mut leaves = Vec::new();
    let mut kind = Kind::Bool;
    match collect(obj, &shape, 0, &mut leaves, &mut kind) {
        Ok(true) => {}
        Ok(false) => return stack_items(obj, dtype),
        Err(e) => return Err(e),
    }
    let a = match kind {
        _ if leaves.is_empty() => Array::zeros(&shape, dtype.unwrap_or(DType::Float64)).py()?,
        Kind::Bool => build(
            &shape,
            leaves.iter().map(|l| matches!(l, Leaf::B(true))).collect(),
        )?,
        Kind::Int => build(&shape, leaves.iter().map(leaf_i64).collect())?,
        Kind::UInt => build(&shape, leaves.iter().map(|l| leaf_i64(l) as u64).collect())?,
        Kind::Float => build(&shape, leaves.iter().map(leaf_f64).collect())?,
        Kind::Complex => build(&shape, leaves.iter().map(leaf_c64).collect())?,
    };
    Ok(a)
}

fn build<T: numox::Element>(shape: &[usize], v: Vec<T>) -> PyResult<Array> {
    Array::from_shape_vec(shape, v).py()
}

fn leaf_i64(l: &Leaf) -> i64 {
    match l {
        Leaf::B(b) => *b as i64,
        Leaf::I(i) => *i,
        Leaf::U(u) => *u as i64,
        Leaf::F(f) => *f as i64,
        Leaf::C(c) => c.re as i64,
    }
}

fn leaf_f64(l: &Leaf) -> f64 {
    match l {
        Leaf::B(b) => *b as u8 as f64,
        Leaf::I(i) => *i as f64,
        Leaf::U(u) => *u as f64,
        Leaf::F(f) => *f,
        Leaf::C(c) => c.re,
    }
}

fn leaf_c64(l: &Leaf) -> Complex64 {
    match l {
        Leaf::C(c) => *c,
        other => Complex64::new(leaf_f64(other), 0.0),
    }
}

/// Walks the nested sequence against `shape`; false when a leaf is not a Python number.
fn collect(
    obj: &Bound<'_, PyAny>,
    shape: &[usize],
    depth: usize,
    out: &mut Vec<Leaf>,
    kind: &mut Kind,
) -> PyResult<bool> {
    if depth == shape.len() {
        let Some(s) = py_scalar(obj)? else {
            return Ok(false);
        };
        let (leaf, k) = match s {
            Scalar::Bool(b) => (Leaf::B(b), Kind::Bool),
            Scalar::Int64(i) => (Leaf::I(i), Kind::Int),
            Scalar::UInt64(u) => (Leaf::U(u), Kind::UInt),
            Scalar::Float64(f) => (Leaf::F(f), Kind::Float),
            Scalar::Complex128(c) => (Leaf::C(c), Kind::Complex),
            _ => return Ok(false),
        };
        *kind = (*kind).max(k);
        out.push(leaf);
        return Ok(true);
    }
    let is_seq = obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>();
    if !is_seq || obj.len()? != shape[depth] {
        if !is_seq && py_scalar(obj)?.is_none() {
            return Ok(false);
        }
        return Err(value_error(format!(
            "setting an array element with a sequence. The requested array has an inhomogeneous shape after {depth} dimensions. The detected shape was ({}) + inhomogeneous part.",
            shape[..depth].iter().map(|n| format!("{n},")).collect::<String>()
        )));
    }
    for item in obj.try_iter()? {
        if !collect(&item?, shape, depth + 1, out, kind)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A list whose items are arrays (or hold arrays): each item becomes an array; they are stacked.
fn stack_items(obj: &Bound<'_, PyAny>, dtype: Option<DType>) -> PyResult<Array> {
    let items: Vec<Array> = obj
        .try_iter()?
        .map(|i| to_array(&i?, None))
        .collect::<PyResult<_>>()?;
    if items.is_empty() {
        return Array::zeros(&[0], dtype.unwrap_or(DType::Float64)).py();
    }
    let refs: Vec<&Array> = items.iter().collect();
    numox::stack(&refs, 0).py()
}

/// NumPy's C-level array interface (`__array_struct__`), read from its capsule.
#[repr(C)]
struct PyArrayInterface {
    two: std::ffi::c_int,
    nd: std::ffi::c_int,
    typekind: std::ffi::c_char,
    itemsize: std::ffi::c_int,
    flags: std::ffi::c_int,
    shape: *const isize,
    strides: *const isize,
    data: *mut u8,
    descr: *mut pyo3::ffi::PyObject,
}

const ALIGNED: i32 = 0x100;
const NOTSWAPPED: i32 = 0x200;
const WRITEABLE: i32 = 0x400;

/// A zero-copy array over a NumPy array's memory through `__array_struct__` (the fast path of
/// `numox.asarray(numpy_array)`); `None` when the object has none or it needs the slow path
/// (byte-swapped, unaligned, bfloat16 or other void types).
fn from_array_struct(obj: &Bound<'_, PyAny>) -> PyResult<Option<Array>> {
    let py = obj.py();
    static NDARRAY: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();
    // Only NumPy's own ndarray (subclasses such as memmap take the interface path); the type is
    // looked up once, and only once NumPy is loaded.
    let ty = obj.get_type();
    let is_ndarray = match NDARRAY.get(py) {
        Some(t) => ty.is(t.bind(py)),
        None => {
            ty.name().is_ok_and(|n| n == "ndarray")
                && NDARRAY
                    .import(py, "numpy", "ndarray")
                    .is_ok_and(|t| ty.is(t))
        }
    };
    if !is_ndarray {
        return Ok(None);
    }
    let Ok(cap) = obj.getattr(pyo3::intern!(py, "__array_struct__")) else {
        return Ok(None);
    };
    // SAFETY: NumPy's `__array_struct__` is a capsule (unnamed) over a `PyArrayInterface` that
    // lives as long as the capsule, which the owner below holds along with the array.
    unsafe {
        let p = cap.as_ptr();
        let name = pyo3::ffi::PyCapsule_GetName(p);
        if !pyo3::ffi::PyErr_Occurred().is_null() {
            pyo3::ffi::PyErr_Clear();
            return Ok(None);
        }
        let ptr = pyo3::ffi::PyCapsule_GetPointer(p, name) as *const PyArrayInterface;
        if ptr.is_null() {
            pyo3::ffi::PyErr_Clear();
            return Ok(None);
        }
        let s = &*ptr;
        if s.two != 2 || s.flags & (ALIGNED | NOTSWAPPED) != (ALIGNED | NOTSWAPPED) {
            return Ok(None);
        }
        let size = s.itemsize as usize;
        let Some(dtype) = interface_dtype(s.typekind as u8 as char, size) else {
            return Ok(None);
        };
        let nd = s.nd as usize;
        let shape: Vec<usize> = (0..nd).map(|i| *s.shape.add(i) as usize).collect();
        let strides: Vec<isize> = if s.strides.is_null() {
            c_strides(&shape, size)
        } else {
            (0..nd).map(|i| *s.strides.add(i)).collect()
        };
        let owner: Box<dyn std::any::Any + Send + Sync> =
            Box::new((obj.clone().unbind(), cap.clone().unbind()));
        let writeable = s.flags & WRITEABLE != 0;
        match raw::from_first_element(s.data, owner, writeable, dtype, &shape, &strides) {
            Ok(a) => Ok(Some(a)),
            Err(_) => Ok(None),
        }
    }
}
