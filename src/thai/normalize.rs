//! Thai text normalisation for search (written separately).
