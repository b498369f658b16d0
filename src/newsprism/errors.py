"""The errors newsprism raises on purpose, each naming the input it is about.

The CLI turns them into one-line messages (click.ClickException), the web app
into status codes; anything else escaping is a bug.
"""


class NewsprismError(Exception):
    """Base class: a problem with the user's input or set-up, not a bug."""


class IngestError(NewsprismError):
    """An input could not be read as an article.

    ``source`` names the file, URL or record; ``reason`` says why, in words a
    user can act on.
    """

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(NewsprismError):
    """The article store could not be opened or written."""


class ConfigError(NewsprismError):
    """An option or setting is invalid."""
