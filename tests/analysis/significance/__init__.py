"""Tests of framing.analysis.significance, one file per module."""
