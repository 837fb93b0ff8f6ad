//! Nesting element words into brackets with NumPy's line wrapping (`_formatArray`): rows wrap
//! at the line width under a hanging indent, higher axes are separated by blank lines, and
//! summarised axes show `...` between their leading and trailing items.

use super::elements::Words;

/// The shown values of an array and how to lay them out.
pub(crate) struct Grid<'a> {
    /// Element words in C order over `shape`.
    pub words: &'a Words,
    /// Shape of the shown values (summarised axes already cut to their edges).
    pub shape: &'a [usize],
    /// Per axis: print `...` between the leading and trailing `edge` items.
    pub summarized: &'a [bool],
    pub edge: usize,
    pub separator: &'a str,
}

impl Grid<'_> {
    /// Lays out the whole grid; `prefix_len` is the width of what precedes the opening bracket
    /// (`array(` for repr), `width` the usable line width.
    pub(crate) fn layout(&self, prefix_len: usize, width: usize) -> String {
        let hanging = " ".repeat(1 + prefix_len);
        self.recurse(0, 0, &hanging, width as isize)
    }

    fn stride(&self, axis: usize) -> usize {
        self.shape[axis + 1..].iter().product()
    }

    fn recurse(&self, axis: usize, base: usize, hanging: &str, width: isize) -> String {
        let ndim = self.shape.len();
        if axis == ndim {
            return self.words.get(base).to_string();
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let n = self.shape[axis];
        let stride = self.stride(axis);
        let show = self.summarized[axis];
        let (lead, trail) = if show { (self.edge, self.edge) } else { (0, n) };
        // Positions along this axis of the trailing items, last one excluded.
        let trailing = (2..=trail).rev().map(|i| n - i);
        let mut s = String::new();
        if ndim - axis == 1 {
            let sep = self.separator;
            let elem_width = width - sep.trim_end().len().max(1) as isize;
            let mut line = hanging.to_string();
            for i in (0..lead).chain(std::iter::once(usize::MAX)).chain(trailing) {
                if i == usize::MAX {
                    if show {
                        extend_line(&mut s, &mut line, "...", elem_width, hanging);
                        line.push_str(sep);
                    }
                    continue;
                }
                extend_line(
                    &mut s,
                    &mut line,
                    self.words.get(base + i * stride),
                    elem_width,
                    hanging,
                );
                line.push_str(sep);
            }
            let last = self.words.get(base + (n - 1) * stride);
            extend_line(&mut s, &mut line, last, elem_width, hanging);
            s.push_str(&line);
        } else {
            let mut line_sep = self.separator.trim_end().to_string();
            for _ in 0..ndim - axis - 1 {
                line_sep.push('\n');
            }
            for i in 0..lead {
                s.push_str(hanging);
                s.push_str(&self.recurse(axis + 1, base + i * stride, &next_hanging, next_width));
                s.push_str(&line_sep);
            }
            if show {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in trailing {
                s.push_str(hanging);
                s.push_str(&self.recurse(axis + 1, base + i * stride, &next_hanging, next_width));
                s.push_str(&line_sep);
            }
            s.push_str(hanging);
            s.push_str(&self.recurse(axis + 1, base + (n - 1) * stride, &next_hanging, next_width));
        }
        let mut out = String::with_capacity(s.len() + 2 - hanging.len().min(s.len()));
        out.push('[');
        out.push_str(&s[hanging.len().min(s.len())..]);
        out.push(']');
        out
    }
}

/// Appends `word` to `line`, first moving `line` into `s` when the word would pass `width`
/// (unless the line holds nothing but its indent, where wrapping would not help).
fn extend_line(s: &mut String, line: &mut String, word: &str, width: isize, indent: &str) {
    let needs_wrap = (line.len() + word.len()) as isize > width && line.len() > indent.len();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(indent);
    }
    line.push_str(word);
}
