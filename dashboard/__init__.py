"""The analysts' Streamlit dashboard (router in app.py, pages in views/)."""
