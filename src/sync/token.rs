//! y-sweet document tokens (filled in by the token work).
