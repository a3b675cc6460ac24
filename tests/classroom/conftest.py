"""The class-server tests (root only): every test here carries the `classroom` marker, so
`pytest -m "not classroom"` leaves them out and `-m classroom` runs only them."""

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "classroom: the class server (JupyterHub as root)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/classroom/" in str(item.fspath):
            item.add_marker(pytest.mark.classroom)
