"""The web app and JSON API: ``create_app(db, ...)`` builds it, ``server.serve(...)`` runs it."""

from newsprism.web.app import create_app

__all__ = ["create_app"]
