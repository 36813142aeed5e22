"""Reading inputs and writing outputs: the corpus loader, blinding, atomic file writing."""
