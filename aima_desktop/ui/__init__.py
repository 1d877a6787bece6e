"""Qt widgets of the desktop application."""
