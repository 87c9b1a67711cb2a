"""A Booklet and its Brand -> self-contained, accessible HTML (booklet and answer key)."""
