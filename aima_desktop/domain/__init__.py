"""Plain-Python rules of the application: no Qt, no ML libraries, no I/O."""
