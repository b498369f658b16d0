"""Readers of the annotated corpora in ../shared/corpora: each turns its files into newsprism Articles plus gold."""
