"""Analysis modules. Heavy libraries are imported here only, and only inside worker processes."""
