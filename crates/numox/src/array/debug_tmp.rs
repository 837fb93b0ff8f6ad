//! Interim `Debug` (replaced by the printing module).
impl std::fmt::Debug for super::Array {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Array(shape={:?}, dtype={})", self.shape(), self.dtype())
    }
}
