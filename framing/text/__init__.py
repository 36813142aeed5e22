"""Text before analysis: cleaning page furniture away, then splitting sentences and tokens."""
