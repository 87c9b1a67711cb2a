"""What the commands run: build one booklet (pipeline), a roster of handouts (batching),
rebuilds on save (watching), page previews, the starter project, quiz versions, and the
all-or-nothing writing of every output (output)."""
