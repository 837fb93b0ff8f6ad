//! The array-creation functions: NumPy's values for every golden case (see
//! `creation_golden`), plus properties and errors checked by hand.

mod creation_golden;

use creation_golden::{golden, run_family};

#[test]
fn golden_arange() {
    run_family(&["arange"]);
}

#[test]
fn golden_linspace() {
    run_family(&["linspace", "linspace_retstep"]);
}

#[test]
fn golden_logspace_geomspace() {
    run_family(&["logspace", "geomspace"]);
}

#[test]
fn golden_fill() {
    run_family(&["zeros", "ones", "empty", "full"]);
}

#[test]
fn golden_like() {
    run_family(&["zeros_like", "ones_like", "empty_like", "full_like"]);
}

#[test]
fn golden_matrix() {
    run_family(&["eye", "identity", "tri", "diag", "diagflat", "tril", "triu"]);
}

#[test]
fn golden_grids() {
    run_family(&["meshgrid", "indices", "fromfunction"]);
}

#[test]
fn golden_array_asarray() {
    run_family(&["array", "asarray"]);
}

#[test]
fn every_case_has_a_family() {
    let known = [
        "arange",
        "linspace",
        "linspace_retstep",
        "logspace",
        "geomspace",
        "zeros",
        "ones",
        "empty",
        "full",
        "zeros_like",
        "ones_like",
        "empty_like",
        "full_like",
        "eye",
        "identity",
        "tri",
        "diag",
        "diagflat",
        "tril",
        "triu",
        "meshgrid",
        "indices",
        "fromfunction",
        "array",
        "asarray",
    ];
    for c in &golden().cases {
        assert!(known.contains(&c.func.as_str()), "{}", c.func);
    }
}

// ------------------------------------------------------------------ properties and errors

use numox::creation::{
    ArrayOpts, FillOpts, Indexing, LikeOpts, LikeOrder, LinspaceOpts, LogspaceOpts, MatrixOpts,
    MeshgridOpts,
};
use numox::{Array, DType, Error, Order};

#[test]
fn shapes_accept_any_integer_type() {
    let v: Vec<usize> = vec![2, 3];
    assert_eq!(numox::zeros(&v).unwrap().shape(), &[2, 3]);
    assert_eq!(numox::zeros(&v[..]).unwrap().shape(), &[2, 3]);
    assert_eq!(numox::zeros([2i64, 3]).unwrap().shape(), &[2, 3]);
    assert_eq!(numox::zeros(4u8).unwrap().shape(), &[4]);
    assert_eq!(numox::zeros(()).unwrap().ndim(), 0);
    assert_eq!(numox::full((), 2.5).unwrap().item_as::<f64>().unwrap(), 2.5);
}

#[test]
fn negative_dimensions_are_errors_everywhere() {
    let msg = "negative dimensions are not allowed";
    let errs = [
        numox::zeros([2, -1]).unwrap_err(),
        numox::ones(-3).unwrap_err(),
        numox::empty(vec![-1i64]).unwrap_err(),
        numox::full([-2], 1.0).unwrap_err(),
        numox::eye(-1).unwrap_err(),
        numox::eye_with(2, MatrixOpts::new().m(-1)).unwrap_err(),
        numox::identity(-4).unwrap_err(),
        numox::indices([3, -3]).unwrap_err(),
        numox::fromfunction([-1], |_| 0u8).unwrap_err(),
    ];
    for e in errs {
        assert!(matches!(e, Error::Value(_)), "{e:?}");
        assert_eq!(e.to_string(), msg);
    }
    // `tri` builds its axes from ranges: negative lengths give empty axes, as in NumPy.
    assert_eq!(numox::tri(-2).unwrap().shape(), &[0, 0]);
}

#[test]
fn numpy_worded_errors() {
    let e = |r: numox::Result<Array>| r.unwrap_err().to_string();
    assert_eq!(
        e(numox::linspace(0, 1, -1)),
        "Number of samples, -1, must be non-negative."
    );
    assert_eq!(
        e(numox::logspace(0, 1, -5)),
        "Number of samples, -5, must be non-negative."
    );
    assert_eq!(e(numox::arange(0, 5, 0)), "division by zero");
    assert_eq!(e(numox::arange(0.0, 5, 0)), "float division by zero");
    assert_eq!(
        e(numox::arange(0, f64::NAN, 1)),
        "arange: cannot compute length"
    );
    assert_eq!(
        e(numox::arange(0, f64::INFINITY, 1)),
        "Maximum allowed size exceeded"
    );
    assert_eq!(
        e(numox::arange_with(0, 3, 1, DType::Bool)),
        "arange() is only supported for booleans when the result has at most length 2."
    );
    assert_eq!(
        e(numox::geomspace(-0.0, 1, 3)),
        "Geometric sequence cannot include zero"
    );
    assert_eq!(
        e(numox::diag(&numox::zeros([2, 2, 2]).unwrap(), 0)),
        "Input must be 1- or 2-d."
    );
    assert_eq!(
        e(numox::tril(&Array::scalar(1.0), 0)),
        "tril() requires an array of at least 1 dimension"
    );
    assert_eq!(
        e(numox::full_with([2], 300, DType::Int8)),
        "Python integer 300 out of bounds for int8"
    );
    let a = numox::arange(0, 6, 1).unwrap().reshape(&[2, 3]).unwrap();
    assert_eq!(
        e(numox::array_with(
            &a,
            ArrayOpts::new().order(Order::F).copy(Some(false))
        )),
        "Unable to avoid copy while creating an array as requested."
    );
    // Complex arguments are not supported by the real-valued ranges.
    let c = numox::Complex64::new(1.0, 1.0);
    assert!(matches!(numox::arange(0, c, 1), Err(Error::DType(_))));
    assert!(matches!(numox::linspace(c, 1, 3), Err(Error::DType(_))));
}

#[test]
fn parallel_fills_equal_the_index_formula() {
    // Long enough for the parallel path; every element is computed from its index alone.
    let n = 3_000_001usize;
    let a = numox::arange(0.5, 0.5 + n as f64 * 0.1, 0.1).unwrap();
    let v = a.as_slice::<f64>().unwrap();
    let delta = (0.5 + 0.1) - 0.5;
    for i in [0, 1, 2, 65_535, 65_536, 1 << 20, n - 2, n - 1]
        .into_iter()
        .filter(|&i| i < v.len())
    {
        let want = if i == 1 {
            0.5 + 0.1
        } else {
            0.5 + i as f64 * delta
        };
        assert_eq!(v[i].to_bits(), want.to_bits(), "index {i}");
    }
    let l = numox::linspace(-1.0, 2.0, n).unwrap();
    let lv = l.as_slice::<f64>().unwrap();
    let step = 3.0 / (n - 1) as f64;
    for i in [0, 1, 65_536, 1 << 20, n - 2] {
        assert_eq!(
            lv[i].to_bits(),
            (i as f64 * step + -1.0).to_bits(),
            "index {i}"
        );
    }
    assert_eq!(lv[n - 1], 2.0);
    let o = numox::ones_with(2_000_000, DType::Int16).unwrap();
    assert!(o.as_slice::<i16>().unwrap().iter().all(|&x| x == 1));
}

#[test]
fn zeros_is_lazy_and_owned() {
    let a = numox::zeros(10_000_000).unwrap();
    assert!(a.flags().owndata && a.flags().c_contiguous && a.flags().writeable);
    assert_eq!(a.get_as::<f64>(&[9_999_999]).unwrap(), 0.0);
    let f = numox::zeros_with([3, 2], (DType::Int32, Order::F)).unwrap();
    assert_eq!(f.strides(), vec![4, 12]);
}

#[test]
fn like_functions_keep_memory_order_and_own_their_data() {
    let base = numox::arange(0, 24, 1)
        .unwrap()
        .reshape(&[2, 3, 4])
        .unwrap();
    let p = base.permute_axes(&[2, 0, 1]).unwrap();
    for z in [
        numox::zeros_like(&p).unwrap(),
        numox::ones_like(&p).unwrap(),
        numox::full_like(&p, 3).unwrap(),
        numox::array(&p),
    ] {
        assert_eq!(z.shape(), &[4, 2, 3]);
        assert_eq!(z.strides(), vec![8, 96, 32]);
        assert!(z.flags().owndata && !z.shares_buffer(&base));
    }
    let c = numox::zeros_like_with(&p, LikeOrder::C).unwrap();
    assert!(c.is_c_contiguous());
    let f = numox::ones_like_with(&p, LikeOpts::new().order(Order::F).dtype(DType::Bool)).unwrap();
    assert!(f.is_f_contiguous());
    assert_eq!(f.to_vec::<bool>().unwrap(), vec![true; 24]);
    // A broadcast (stride-0) source: the repeated axis becomes the innermost one.
    let b = numox::arange(0.0, 4.0, 1.0)
        .unwrap()
        .broadcast_to(&[3, 4])
        .unwrap();
    let z = numox::zeros_like(&b).unwrap();
    assert_eq!(z.strides(), vec![8, 24]);
    assert!(z.is_writeable());
    // The values of an order-K copy are the source's, in logical order.
    let rev = base.slice_axis(1, None, None, -1).unwrap();
    assert_eq!(
        numox::array(&rev).to_vec::<i64>().unwrap(),
        rev.to_vec::<i64>().unwrap()
    );
}

#[test]
fn asarray_shares_and_array_copies() {
    let a = numox::linspace(0, 1, 6).unwrap().reshape(&[2, 3]).unwrap();
    assert!(numox::asarray(&a).shares_buffer(&a));
    assert!(numox::asarray_with(&a, DType::Float64)
        .unwrap()
        .shares_buffer(&a));
    let f = numox::asarray_with(&a, DType::Float32).unwrap();
    assert_eq!(f.dtype(), DType::Float32);
    assert!(!numox::array(&a).shares_buffer(&a));
    let nd = numox::array_with(&a, ArrayOpts::new().ndmin(4).copy(None)).unwrap();
    assert_eq!(nd.shape(), &[1, 1, 2, 3]);
    assert!(nd.shares_buffer(&a));
    // A conversion of an F-ordered view keeps F order.
    let t = numox::array_with(&a.t(), DType::Int64).unwrap();
    assert!(t.is_f_contiguous());
    assert_eq!(t.to_vec::<i64>().unwrap(), vec![0, 0, 0, 0, 0, 1]);
}

#[test]
fn matrices() {
    let e = numox::eye_with(3, MatrixOpts::new().m(4).k(1).order(Order::F)).unwrap();
    assert!(e.is_f_contiguous());
    assert_eq!(
        e.to_vec::<f64>().unwrap(),
        vec![0., 1., 0., 0., 0., 0., 1., 0., 0., 0., 0., 1.]
    );
    let t = numox::tri_with(3, MatrixOpts::new().k(-1).dtype(DType::UInt8)).unwrap();
    assert_eq!(t.to_vec::<u8>().unwrap(), vec![0, 0, 0, 1, 0, 0, 1, 1, 0]);
    // tril/triu on a stack of matrices, from a non-contiguous view.
    let s = numox::arange(0, 18, 1)
        .unwrap()
        .reshape(&[2, 3, 3])
        .unwrap();
    let r = s.slice_axis(2, None, None, -1).unwrap();
    let u = numox::triu(&r, 0).unwrap();
    assert_eq!(u.to_vec::<i64>().unwrap()[..9], [2, 1, 0, 0, 4, 3, 0, 0, 6]);
    assert!(u.flags().owndata && u.is_c_contiguous());
    let d = numox::diag(&r.index_axis(0, 1).unwrap(), 0).unwrap();
    assert_eq!(d.to_vec::<i64>().unwrap(), vec![11, 13, 15]);
    assert!(!d.shares_buffer(&s));
    let flat = numox::diagflat(&numox::array![[1u8, 2], [3, 4]], -1).unwrap();
    assert_eq!(flat.shape(), &[5, 5]);
    assert_eq!(flat.get_as::<u8>(&[4, 3]).unwrap(), 4);
}

#[test]
fn meshgrid_views_and_copies() {
    let x = numox::arange(0, 3, 1).unwrap();
    let y = numox::linspace(0, 1, 2).unwrap();
    let v = numox::meshgrid_with(&[&x, &y], MeshgridOpts::new().copy(false)).unwrap();
    assert!(v.iter().all(|g| !g.is_writeable()));
    assert!(v[0].shares_buffer(&x) && v[1].shares_buffer(&y));
    assert_eq!(v[0].strides(), vec![0, 8]);
    let c = numox::meshgrid_with(&[&x, &y], Indexing::Ij).unwrap();
    assert_eq!(
        (c[0].shape(), c[1].shape()),
        (&[3usize, 2][..], &[3usize, 2][..])
    );
    assert!(c.iter().all(|g| g.is_writeable() && g.flags().owndata));
    assert_eq!(
        c[1].to_vec::<f64>().unwrap(),
        vec![0.0, 1.0, 0.0, 1.0, 0.0, 1.0]
    );
    let one = numox::meshgrid(&[&numox::array![[1, 2], [3, 4]]]).unwrap();
    assert_eq!(one[0].shape(), &[4]);
}

#[test]
fn fromfunction_forms() {
    let a = numox::fromfunction([2, 2], |ix| ix[0] as f64 - 0.5 * ix[1] as f64).unwrap();
    assert_eq!(a.to_vec::<f64>().unwrap(), vec![0.0, -0.5, 1.0, 0.5]);
    let b = numox::fromfunction((), |ix| ix.len() as u8).unwrap();
    assert_eq!(b.item_as::<u8>().unwrap(), 0);
    let (n, first) = numox::fromfunction_arrays([2, 3], DType::Int32, |ix| {
        (ix.len(), ix[0].to_vec::<i32>().unwrap())
    })
    .unwrap();
    assert_eq!((n, first), (2, vec![0, 0, 0, 1, 1, 1]));
    let err = numox::fromfunction_arrays([3], DType::Bool, |_| ()).unwrap_err();
    assert!(err
        .to_string()
        .starts_with("arange() is only supported for booleans"));
}

#[test]
fn options_convert_from_dtype_and_order() {
    assert_eq!(FillOpts::from((DType::Int8, Order::F)).order, Order::F);
    assert_eq!(
        LinspaceOpts::from(DType::Float32).dtype,
        Some(DType::Float32)
    );
    assert_eq!(LogspaceOpts::from(DType::Float32).base, 10.0);
    assert_eq!(MatrixOpts::from(DType::Int8).k, 0);
    let l = numox::linspace_with(0, 10, 5, DType::Int64).unwrap();
    assert_eq!(l.to_vec::<i64>().unwrap(), vec![0, 2, 5, 7, 10]);
    let g = numox::logspace_with(0, 2, 3, LogspaceOpts::new().base(3.0).dtype(DType::Float32));
    assert_eq!(g.unwrap().to_vec::<f32>().unwrap(), vec![1.0, 3.0, 9.0]);
}

#[test]
fn golden_file_is_complete() {
    let g = golden();
    assert!(g.cases.len() > 600, "{}", g.cases.len());
    let aranges = g.cases.iter().filter(|c| c.func == "arange").count();
    assert!(aranges > 100, "{aranges}");
}
