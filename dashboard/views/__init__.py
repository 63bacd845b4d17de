"""One module per dashboard page; each runs ``render()`` when Streamlit executes it as a page."""
