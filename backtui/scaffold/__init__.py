"""Templates for ``backtui new-plugin``: files with ``$placeholders``, read as package data.

``common/`` goes into every new plugin; ``python/`` or ``data/`` adds the style's
module. A path part named ``__module__`` becomes the module name, and a trailing
``.tmpl`` is dropped.
"""
