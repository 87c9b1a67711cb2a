"""booklet studio: a local web application over a project folder, for building handouts
and booklets and editing the brand in a browser. It never imports click or the PDF stage
directly: it goes through the public API (`booklet.api`, `booklet.engine.pipeline`)."""
