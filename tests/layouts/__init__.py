"""Layout-varied LKjIP test reports: a random model, layouts as data, renderers, plants, scoring.

``model.make_model(seed)`` draws one consistent report; ``layout.CATALOGUE`` and
``layout.random_layout(seed)`` say how it is printed; ``compose.compose`` turns both into
an abstract document that ``render_docx``/``render_html`` write out; ``plants`` break
exactly one thing and say what lakip should find; ``score`` compares.
"""
