"""AIMA Desktop: offline analysis of interviews and recordings that never loses finished work."""

__version__ = "0.1.0"
APP_NAME = "aima-desktop"
