"""Tests for the cleaning stage, one file per module of framing.text.clean."""
