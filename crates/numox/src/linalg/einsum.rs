//! `einsum`: Einstein summation over labelled axes. Repeated labels within an operand take
//! diagonals (views), labels used nowhere else are summed out, and each pair of operands is
//! contracted left to right as one batched [`matmul`] (shared kept labels are the batch,
//! shared dropped labels the summed dimension), so the common products of ML code run on the
//! matrix kernels.

use super::diagonal::diagonal;
use super::matmul::matmul;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::promote::promote_all;
use crate::reduce::sum;

/// A label: a letter (its byte) or an axis of the ellipsis (256 + its position from the right).
type Label = u16;

/// An operand with one label per axis, no label repeated.
struct Term {
    a: Array,
    labels: Vec<Label>,
}

fn err(msg: impl Into<String>) -> Error {
    Error::Value(msg.into())
}

/// The labels of one subscript term for an operand of `ndim` axes (`None`: an output term,
/// whose ellipsis takes `ell` axes).
fn parse_term(s: &str, ndim: Option<usize>, ell: usize, op: usize) -> Result<Vec<Label>> {
    let has_ell = s.contains("...");
    let letters: Vec<u8> = s.replace("...", "").bytes().collect();
    if let Some(c) = letters.iter().find(|c| !c.is_ascii_alphabetic()) {
        return Err(err(format!(
            "invalid subscript '{}' in einstein sum subscripts string, subscripts must be letters",
            *c as char
        )));
    }
    let n_ell = match ndim {
        Some(nd) => {
            if letters.len() > nd {
                return Err(err(format!(
                    "einstein sum subscripts string contains too many subscripts for operand {op}"
                )));
            }
            if !has_ell && letters.len() != nd {
                return Err(err(
                    "operand has more dimensions than subscripts given in einstein sum, but no \
                     '...' ellipsis provided to broadcast the extra dimensions.",
                ));
            }
            nd - letters.len()
        }
        None => ell,
    };
    let mut out = Vec::with_capacity(letters.len() + n_ell);
    let head = s.split("...").next().unwrap_or("");
    for c in head.bytes() {
        out.push(c as Label);
    }
    if has_ell {
        out.extend((0..n_ell).rev().map(|i| 256 + i as Label));
        for c in s.split("...").nth(1).unwrap_or("").bytes() {
            out.push(c as Label);
        }
    }
    Ok(out)
}

/// `a` with each repeated label reduced to its diagonal (NumPy's `ii->i`).
fn take_diagonals(mut a: Array, mut labels: Vec<Label>, op: usize) -> Result<Term> {
    while let Some((i, j)) = repeated(&labels) {
        if a.shape()[i] != a.shape()[j] {
            return Err(err(format!(
                "dimensions in operand {op} for collapsing index '{}' don't match ({} != {})",
                label_name(labels[i]),
                a.shape()[i],
                a.shape()[j]
            )));
        }
        // The diagonal's axis goes last: move its label there too.
        a = diagonal(&a, 0, i as isize, j as isize)?;
        let l = labels[i];
        labels.retain(|&x| x != l);
        labels.push(l);
    }
    Ok(Term { a, labels })
}

fn repeated(labels: &[Label]) -> Option<(usize, usize)> {
    (0..labels.len()).find_map(|i| {
        (i + 1..labels.len())
            .find(|&j| labels[j] == labels[i])
            .map(|j| (i, j))
    })
}

fn label_name(l: Label) -> char {
    if l < 256 {
        l as u8 as char
    } else {
        '.'
    }
}

/// Sums `t` over the labels not in `keep`, in the dtype `dt`.
fn sum_out(t: Term, keep: &[Label], dt: DType) -> Result<Term> {
    let axes: Vec<isize> = (0..t.labels.len())
        .filter(|&i| !keep.contains(&t.labels[i]))
        .map(|i| i as isize)
        .collect();
    if axes.is_empty() {
        return Ok(t);
    }
    let a = sum(&t.a, axes.as_slice())?;
    let a = if a.dtype() == dt { a } else { a.astype(dt)? };
    let labels = t
        .labels
        .iter()
        .copied()
        .filter(|l| keep.contains(l))
        .collect();
    Ok(Term { a, labels })
}

/// `t`'s axes in the order `order` (a permutation of its labels), broadcast to `sizes`.
/// Labels `t` lacks get new length-1 axes.
fn arrange(t: &Term, order: &[Label], sizes: &[usize]) -> Result<Array> {
    let mut labels = t.labels.clone();
    let mut shape: Vec<isize> = t.a.shape().iter().map(|&d| d as isize).collect();
    for l in order {
        if !labels.contains(l) {
            labels.push(*l);
            shape.push(1);
        }
    }
    let perm: Vec<isize> = order
        .iter()
        .filter_map(|l| labels.iter().position(|x| x == l).map(|p| p as isize))
        .collect();
    t.a.reshape(&shape)?
        .permute_axes(&perm)?
        .broadcast_to(sizes)
}

/// The size of each label over all terms (a size-1 axis broadcasts).
fn label_size(terms: &[&Term], l: Label) -> Result<usize> {
    let mut size = 1;
    for t in terms {
        if let Some(p) = t.labels.iter().position(|&x| x == l) {
            let d = t.a.shape()[p];
            if d != 1 && size != 1 && d != size {
                return Err(err(format!(
                    "operands could not be broadcast together with remapped shapes for label '{}' ({size} and {d})",
                    label_name(l)
                )));
            }
            if d != 1 {
                size = d;
            }
        }
    }
    Ok(size)
}

/// Contracts two terms, keeping the labels in `keep`: shared kept labels are the batch, shared
/// dropped ones are summed by the matrix product.
fn contract(x: Term, y: Term, keep: &[Label], dt: DType) -> Result<Term> {
    let (xl, yl) = (x.labels.clone(), y.labels.clone());
    let in_y = |l: &Label| yl.contains(l);
    let in_x = |l: &Label| xl.contains(l);
    // Labels in one operand only and not kept are summed out first.
    let keep_x: Vec<Label> = x
        .labels
        .iter()
        .copied()
        .filter(|l| keep.contains(l) || in_y(l))
        .collect();
    let keep_y: Vec<Label> = y
        .labels
        .iter()
        .copied()
        .filter(|l| keep.contains(l) || in_x(l))
        .collect();
    let x = sum_out(x, &keep_x, dt)?;
    let y = sum_out(y, &keep_y, dt)?;
    let batch: Vec<Label> = x
        .labels
        .iter()
        .copied()
        .filter(|l| in_y(l) && keep.contains(l))
        .collect();
    let summed: Vec<Label> = x
        .labels
        .iter()
        .copied()
        .filter(|l| in_y(l) && !keep.contains(l))
        .collect();
    let left: Vec<Label> = x.labels.iter().copied().filter(|l| !in_y(l)).collect();
    let right: Vec<Label> = y
        .labels
        .iter()
        .copied()
        .filter(|l| !x.labels.contains(l))
        .collect();
    let both = [&x, &y];
    let size =
        |ls: &[Label]| -> Result<Vec<usize>> { ls.iter().map(|&l| label_size(&both, l)).collect() };
    let (sb, sl, sk, sr) = (size(&batch)?, size(&left)?, size(&summed)?, size(&right)?);
    let prod = |v: &[usize]| v.iter().product::<usize>() as isize;
    let xo: Vec<Label> = batch.iter().chain(&left).chain(&summed).copied().collect();
    let yo: Vec<Label> = batch.iter().chain(&summed).chain(&right).copied().collect();
    let xs: Vec<usize> = sb.iter().chain(&sl).chain(&sk).copied().collect();
    let ys: Vec<usize> = sb.iter().chain(&sk).chain(&sr).copied().collect();
    let xa = arrange(&x, &xo, &xs)?.reshape(&[prod(&sb), prod(&sl), prod(&sk)])?;
    let ya = arrange(&y, &yo, &ys)?.reshape(&[prod(&sb), prod(&sk), prod(&sr)])?;
    let r = matmul(&xa, &ya)?;
    let r = if r.dtype() == dt { r } else { r.astype(dt)? };
    let shape: Vec<isize> = sb
        .iter()
        .chain(&sl)
        .chain(&sr)
        .map(|&d| d as isize)
        .collect();
    let labels = batch.into_iter().chain(left).chain(right).collect();
    Ok(Term {
        a: r.reshape(&shape)?,
        labels,
    })
}

/// Einstein summation (`np.einsum(subscripts, *operands)`): `"ij,jk->ik"` is a matrix product,
/// `"ii"` a trace, `"ii->i"` a diagonal, `"...ij,...jk"` a batched product, `"i,j->ij"` an outer
/// product. Without `->`, the output has the labels used once, in alphabetical order, after
/// the ellipsis axes. The result dtype is NumPy's promotion of the operands' dtypes.
///
/// ```
/// use numox::{array, einsum};
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let b = array![[5.0, 6.0], [7.0, 8.0]];
/// let r = einsum("ij,jk->ik", &[&a, &b]).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![19.0, 22.0, 43.0, 50.0]);
/// assert_eq!(einsum("ii", &[&a]).unwrap().item_as::<f64>().unwrap(), 5.0);
/// assert_eq!(einsum("ij->j", &[&a]).unwrap().to_vec::<f64>().unwrap(), vec![4.0, 6.0]);
/// assert_eq!(einsum("ji", &[&a]).unwrap().to_vec::<f64>().unwrap(), vec![1.0, 3.0, 2.0, 4.0]);
/// ```
pub fn einsum(subscripts: &str, operands: &[&Array]) -> Result<Array> {
    let s: String = subscripts.chars().filter(|c| !c.is_whitespace()).collect();
    let (ins, out) = match s.split_once("->") {
        Some((i, o)) => (i, Some(o)),
        None => (s.as_str(), None),
    };
    let specs: Vec<&str> = ins.split(',').collect();
    // NumPy's two messages read the other way round; numox keeps its words.
    if specs.len() > operands.len() {
        return Err(err("more operands provided to einstein sum function than specified in the subscripts string"));
    }
    if specs.len() < operands.len() {
        return Err(err("fewer operands provided to einstein sum function than specified in the subscripts string"));
    }
    let dt = promote_all(&operands.iter().map(|a| a.dtype()).collect::<Vec<_>>())?;
    let mut terms = Vec::with_capacity(operands.len());
    let mut ell = 0;
    let mut count = [0usize; 256];
    for (k, (spec, a)) in specs.iter().zip(operands).enumerate() {
        let labels = parse_term(spec, Some(a.ndim()), 0, k)?;
        ell = ell.max(labels.iter().filter(|&&l| l >= 256).count());
        for &l in labels.iter().filter(|&&l| l < 256) {
            count[l as usize] += 1;
        }
        terms.push(take_diagonals((*a).clone(), labels, k)?);
    }
    let out_labels: Vec<Label> = match out {
        Some(o) => {
            let labels = parse_term(o, None, ell, 0)?;
            for &l in &labels {
                if l < 256 && !terms.iter().any(|t| t.labels.contains(&l)) {
                    return Err(err(format!(
                        "einstein sum subscripts string included output subscript '{}' which never appeared in an input",
                        label_name(l)
                    )));
                }
            }
            if let Some((i, _)) = repeated(&labels) {
                return Err(err(format!(
                    "einstein sum subscripts string includes output subscript '{}' multiple times",
                    label_name(labels[i])
                )));
            }
            labels
        }
        None => {
            // Labels used once, in character order (uppercase before lowercase, as NumPy).
            let once = (0..256u16).filter(|&l| count[l as usize] == 1);
            (0..ell)
                .rev()
                .map(|i| 256 + i as Label)
                .chain(once)
                .collect()
        }
    };
    let mut rest = terms.into_iter();
    let mut acc = match rest.next() {
        Some(t) => t,
        None => return Err(err("No input operands")),
    };
    let mut pending: std::collections::VecDeque<Term> = rest.collect();
    while let Some(t) = pending.pop_front() {
        let mut keep = out_labels.clone();
        for p in &pending {
            keep.extend(&p.labels);
        }
        acc = contract(acc, t, &keep, dt)?;
    }
    let acc = sum_out(acc, &out_labels, dt)?;
    let sizes: Vec<usize> = out_labels
        .iter()
        .map(|&l| label_size(&[&acc], l))
        .collect::<Result<_>>()?;
    let r = arrange(&acc, &out_labels, &sizes)?;
    // A fresh array (the arranged view is read-only), in the result dtype.
    if r.dtype() == dt {
        Ok(r.copy())
    } else {
        r.astype(dt)
    }
}
