"""advocacy: tools for peer-support advocates.

The package is a library first: every command of the ``advocacy`` CLI is a thin
wrapper over a function importable from here (see ``advocacy.library`` for
talking points). Nothing at this level imports heavy dependencies, so that
``advocacy --help`` starts fast.
"""

__version__ = "0.1.0"
