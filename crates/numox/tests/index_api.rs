//! The indexing API beyond the golden cases: every form of the `s!` macro against the runtime
//! `Vec<Idx>` it stands for, writes through `ArrayViewMut`, copy-on-write, read-only targets,
//! repeated fancy indices, casting rules, and the fast paths (long gathers and masks that use
//! both cores) against the general path.

use numox::index::Idx;
use numox::{arange, array, s, Array, Casting, DType, Ellipsis, NewAxis, TakeMode};

fn grid() -> Array {
    arange(0, 24, 1).unwrap().reshape(&[2, 3, 4]).unwrap()
}

fn vals(a: &Array) -> Vec<i64> {
    a.astype_with(DType::Int64, Casting::Unsafe)
        .unwrap()
        .to_vec::<i64>()
        .unwrap()
}

#[test]
fn macro_forms_match_runtime_items() {
    let a = grid();
    let i = 1usize;
    let step = -2isize;
    let idx = array![2i64, 0];
    let pairs: Vec<(Vec<Idx>, Vec<Idx>)> = vec![
        (s![..], vec![Idx::full()]),
        (s![..;-1], vec![Idx::slice(None, None, -1)]),
        (s![1..], vec![Idx::slice(Some(1), None, 1)]),
        (s![..2], vec![Idx::slice(None, Some(2), 1)]),
        (s![-2..-1], vec![Idx::slice(Some(-2), Some(-1), 1)]),
        (s![0..=1], vec![Idx::slice(Some(0), Some(2), 1)]),
        (
            s![.., 1..;2, NewAxis, -1],
            vec![
                Idx::full(),
                Idx::slice(Some(1), None, 2),
                Idx::NewAxis,
                Idx::Int(-1),
            ],
        ),
        (
            s![i, ..;step],
            vec![Idx::Int(1), Idx::slice(None, None, -2)],
        ),
        (s![...], vec![Idx::Ellipsis]),
        (s![..., 0], vec![Idx::Ellipsis, Idx::Int(0)]),
        (s![Ellipsis, NewAxis], vec![Idx::Ellipsis, Idx::NewAxis]),
        (s![.., &idx], vec![Idx::full(), Idx::Array(idx.clone())]),
        (
            s![.., idx.clone(), ..;-1],
            vec![
                Idx::full(),
                Idx::Array(idx.clone()),
                Idx::slice(None, None, -1),
            ],
        ),
        (s![], vec![]),
    ];
    for (m, r) in pairs {
        let (x, y) = (a.index(&m).unwrap(), a.index(&r).unwrap());
        assert_eq!(x.shape(), y.shape(), "{m:?}");
        assert_eq!(vals(&x), vals(&y), "{m:?}");
    }
    assert_eq!(vals(&a.index(&s![1, 2, 3]).unwrap()), vec![23]);
    assert_eq!(
        a.index(&s![.., 1..;2, NewAxis, -1]).unwrap().shape(),
        &[2, 1, 1]
    );
}

#[test]
fn views_share_and_fancy_copies() {
    let a = grid();
    let v = a.index(&s![1, ..;-1]).unwrap();
    assert!(v.shares_buffer(&a) && !v.flags().owndata);
    let c = a.index(&s![.., array![0i64, 2]]).unwrap();
    assert!(!c.shares_buffer(&a) && c.is_c_contiguous());
    assert_eq!(c.shape(), &[2, 2, 4]);
    assert!(a.slice(&s![&array![0i64]]).is_err());
}

#[test]
fn writes_through_views_reach_the_base() {
    let mut a = grid();
    {
        let mut v = a.slice_mut(&s![.., 1..]).unwrap();
        v.assign(&s![.., .., ..;3], -1).unwrap();
        let mut row = v.slice_mut(&s![0, 0]).unwrap();
        row.assign(&s![&array![true, false, true, false]], 100)
            .unwrap();
    }
    assert_eq!(
        vals(&a.index(&s![0]).unwrap()),
        vec![0, 1, 2, 3, 100, 5, 100, -1, -1, 9, 10, -1]
    );
    assert_eq!(vals(&a.index(&s![1, 2]).unwrap()), vec![-1, 21, 22, -1]);
}

#[test]
fn copy_on_write_keeps_other_handles() {
    let mut a = grid();
    let b = a.clone();
    let view = a.index(&s![0]).unwrap();
    a.assign(&s![0, 0], 99).unwrap();
    assert_eq!(vals(&b.index(&s![0, 0]).unwrap()), vec![0, 1, 2, 3]);
    assert_eq!(vals(&view.index(&s![0]).unwrap()), vec![0, 1, 2, 3]);
    assert_eq!(vals(&a.index(&s![0, 0]).unwrap()), vec![99; 4]);
    // An index array that is a view of the target itself.
    let mut x = array![2i64, 0, 1];
    let idx = x.clone();
    x.assign(&s![&idx], array![7i64, 8, 9]).unwrap();
    assert_eq!(vals(&x), vec![8, 9, 7]);
}

#[test]
fn repeated_indices_last_write_wins() {
    let mut a = Array::zeros(&[4], DType::Float64).unwrap();
    a.assign(&s![&array![1i64, 1, 3, 1]], array![1.0, 2.0, 3.0, 4.0])
        .unwrap();
    assert_eq!(a.to_vec::<f64>().unwrap(), vec![0.0, 4.0, 0.0, 3.0]);
}

#[test]
fn read_only_targets_and_casting_rules() {
    let b = array![1.0, 2.0].broadcast_to(&[2, 2]).unwrap();
    let mut c = b.clone();
    assert_eq!(
        c.assign(&s![0], 1.0).unwrap_err().to_string(),
        "assignment destination is read-only"
    );
    let mut a = Array::from_vec(vec![1i32, 2, 3]);
    let fancy = s![&array![0i64, 2]];
    assert!(a
        .assign_with(&fancy, array![1.5, 2.5], Casting::SameKind)
        .is_err());
    assert!(a
        .assign_with(&fancy, array![5i64, 6], Casting::SameKind)
        .is_ok());
    assert_eq!(
        a.assign_with(&fancy, array![5i64, 6], Casting::Safe)
            .unwrap_err()
            .to_string(),
        "Cannot cast array data from dtype('int64') to dtype('int32') according to the rule 'safe'"
    );
    a.assign(&fancy, array![1.9, -1.9]).unwrap(); // unsafe: truncates
    assert_eq!(a.to_vec::<i32>().unwrap(), vec![1, 2, -1]);
    assert_eq!(
        a.assign(&s![0], f64::NAN).unwrap_err().to_string(),
        "cannot convert float NaN to integer"
    );
}

/// Sizes that take the two-core paths of the gather, the mask compaction and the masked fill,
/// checked against the general (single-core, strided) paths.
#[test]
fn parallel_paths_match_the_general_ones() {
    let n = 300_001usize;
    let a = Array::from_vec((0..n).map(|i| (i * 7 % 1000) as f64).collect::<Vec<_>>());
    let idx = Array::from_vec(
        (0..200_000i64)
            .map(|i| (i * 7919) % n as i64 - 5)
            .collect::<Vec<_>>(),
    );
    let fast = a.index(&s![&idx]).unwrap();
    let general = a.index(&s![NewAxis, &idx]).unwrap();
    assert_eq!(
        fast.to_vec::<f64>().unwrap(),
        general.reshape(&[-1]).unwrap().to_vec::<f64>().unwrap()
    );
    let m = a.greater(500.0).unwrap();
    let picked = a.index(&s![&m]).unwrap();
    let want: Vec<f64> = a
        .to_vec::<f64>()
        .unwrap()
        .into_iter()
        .filter(|&x| x > 500.0)
        .collect();
    assert_eq!(picked.to_vec::<f64>().unwrap(), want);
    let mut b = a.clone();
    b.assign(&s![&m], 0.0).unwrap();
    let mut c = a.index(&s![..;-1]).unwrap();
    c.assign(&s![&m.index(&s![..;-1]).unwrap()], 0.0).unwrap();
    assert_eq!(
        b.to_vec::<f64>().unwrap(),
        c.index(&s![..;-1]).unwrap().to_vec::<f64>().unwrap()
    );
    assert!(b.to_vec::<f64>().unwrap().iter().all(|&x| x <= 500.0));
    let bad = Array::from_vec(
        vec![0i64; 100_000]
            .into_iter()
            .chain([n as i64])
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        a.index(&s![&bad]).unwrap_err().to_string(),
        format!("index {n} is out of bounds for axis 0 with size {n}")
    );
    assert_eq!(
        a.take(&idx, None, TakeMode::Raise)
            .unwrap()
            .to_vec::<f64>()
            .unwrap(),
        fast.to_vec::<f64>().unwrap()
    );
}

#[test]
fn uint64_indices_past_i64_max_are_out_of_bounds() {
    let a = numox::array![1.0, 2.0, 3.0];
    let big = Array::from_vec(vec![1u64, 1 << 63]);
    // One index array (the fused gather) and two (the general path), read and written.
    assert!(matches!(
        a.index(&s![&big]),
        Err(numox::Error::Index { size: 3, .. })
    ));
    let m = numox::array![[1, 2], [3, 4]];
    let small = Array::from_vec(vec![0u64, 1]);
    assert!(m.index(&s![&small, &big]).is_err());
    assert_eq!(
        m.index(&s![&small, &small])
            .unwrap()
            .to_vec::<i64>()
            .unwrap(),
        vec![1, 4]
    );
    let mut w = a.clone();
    assert!(w.assign(&s![&big], 0.0).is_err());
}
